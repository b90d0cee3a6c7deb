import type { Check } from '../../lib/engine/check';

export const transcribeChecks: Check[] = [];
