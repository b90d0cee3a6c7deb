import type { Check } from '../../lib/engine/check';
import trNet1 from './tr-net-1-interface-endpoints';
import trNet2 from './tr-net-2-endpoint-policy';

export const transcribeChecks: Check[] = [trNet1, trNet2];
