import type { Check } from '../../lib/engine/check';
import trRes1 from './tr-res-1-output-versioning';

export const transcribeChecks: Check[] = [trRes1];
