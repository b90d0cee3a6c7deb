import type { Check } from '../../lib/engine/check';
import trMon1 from './tr-mon-1-cloudtrail';
import trMon2 from './tr-mon-2-eventbridge';
import trMon3 from './tr-mon-3-alarms';
import trMon4 from './tr-mon-4-config-recorder';

export const transcribeChecks: Check[] = [trMon1, trMon2, trMon3, trMon4];
