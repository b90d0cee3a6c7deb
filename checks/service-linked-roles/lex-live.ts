import type { Check } from '../../lib/engine/check';
import lexSlr3 from './lex-slr-3-legacy-v1-roles';

/** Lex controls of this topic that exist only against a live account. */
export const lexLiveChecks: Check[] = [lexSlr3];
