import type { Check } from '../../lib/engine/check';
import lexDp2 from './lex-dp-2-audio-log-kms';

export const lexChecks: Check[] = [lexDp2];
