import type { Check } from '../../lib/engine/check';
import lexDp2 from './lex-dp-2-audio-log-kms';
import lexDp9 from './lex-dp-9-ai-opt-out';

export const lexChecks: Check[] = [lexDp2, lexDp9];
