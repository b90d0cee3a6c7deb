import type { Check } from '../../lib/engine/check';
import lexDp1 from './lex-dp-1-child-directed';
import lexDp2 from './lex-dp-2-audio-log-kms';
import lexDp3 from './lex-dp-3-log-keys';
import lexDp4 from './lex-dp-4-text-log-group-kms';
import lexDp5 from './lex-dp-5-audio-log-bucket';
import lexDp6 from './lex-dp-6-slot-obfuscation';
import lexDp7 from './lex-dp-7-log-data-protection';
import lexDp8 from './lex-dp-8-idle-session-ttl';
import lexDp9 from './lex-dp-9-ai-opt-out';
import lexDp10 from './lex-dp-10-child-directed-logging';
import lexDp12 from './lex-dp-12-sentiment-analysis';
import lexDp13 from './lex-dp-13-bedrock-guardrails';
import lexDp14 from './lex-dp-14-s3-artifacts-kms';
import lexDp16 from './lex-dp-16-no-personal-data-in-names';

export const lexChecks: Check[] = [lexDp1, lexDp2, lexDp3, lexDp4, lexDp5, lexDp6, lexDp7, lexDp8, lexDp9, lexDp10, lexDp12, lexDp13, lexDp14, lexDp16];
