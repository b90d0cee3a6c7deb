import type { Derivation } from '../../model/graph';
import { appStartedJobs } from './app-jobs';

/**
 * Source steps the pipeline runs on every graph it builds, whichever source filled it (CDK app,
 * template, account): each reads resources whose meaning is hidden inside another's properties and
 * adds them as resources of their own types, so that the checks judging them stay per-resource and
 * know nothing of where they were found.
 */
export const DERIVATIONS: readonly Derivation[] = [appStartedJobs];
