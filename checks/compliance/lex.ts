import type { Check } from '../../lib/engine/check';

export const lexChecks: Check[] = [];
