import type { Check } from '../../lib/engine/check';
import lexRes1 from './lex-res-1-replication';
import lexRes2 from './lex-res-2-numbered-version';

export const lexChecks: Check[] = [lexRes1, lexRes2];
