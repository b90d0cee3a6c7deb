import type { Check } from '../../lib/engine/check';
import trDp1 from './tr-dp-1-customer-bucket';
import trDp2 from './tr-dp-2-output-kms';
import trDp3 from './tr-dp-3-keys';
import trDp4 from './tr-dp-4-encryption-context';
import trDp5 from './tr-dp-5-input-bucket';
import trDp6 from './tr-dp-6-pii-redaction';
import trDp7 from './tr-dp-7-unredacted-output';
import trDp8 from './tr-dp-8-phi-identification';
import trDp9 from './tr-dp-9-ai-opt-out';
import trDp10 from './tr-dp-10-custom-artifacts';
import trDp11 from './tr-dp-11-no-personal-data';
import trDp12 from './tr-dp-12-app-started-jobs';

export const transcribeChecks: Check[] = [trDp1, trDp2, trDp3, trDp4, trDp5, trDp6, trDp7, trDp8, trDp9, trDp10, trDp11, trDp12];
