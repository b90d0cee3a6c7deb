import type { Check } from '../../lib/engine/check';
import lexMon1 from './lex-mon-1-cloudtrail';
import lexMon2 from './lex-mon-2-text-logs';
import lexMon3 from './lex-mon-3-log-delivery-alarms';
import lexMon4 from './lex-mon-4-runtime-alarms';
import lexMon5 from './lex-mon-5-error-logs';
import lexMon6 from './lex-mon-6-log-retention';
import lexMon7 from './lex-mon-7-config-recorder';

export const lexChecks: Check[] = [lexMon1, lexMon2, lexMon3, lexMon4, lexMon5, lexMon6, lexMon7];
