import type { Check } from '../../lib/engine/check';
import trDp12 from './tr-dp-12-app-started-jobs';

export const transcribeChecks: Check[] = [trDp12];
