import type { Check } from '../../lib/engine/check';
import lexDp11 from './lex-dp-11-selective-logging';
import lexDp15 from './lex-dp-15-no-v1-bots';

/** Lex controls of this topic that exist only against a live account. */
export const lexLiveChecks: Check[] = [lexDp11, lexDp15];
