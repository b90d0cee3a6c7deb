import type { Check } from '../../lib/engine/check';

/** Lex controls of this topic that exist only against a live account. */
export const lexLiveChecks: Check[] = [];
