import type { Check } from '../../lib/engine/check';
import lexNet1 from './lex-net-1-interface-endpoints';
import lexNet2 from './lex-net-2-endpoint-policy';
import lexNet3 from './lex-net-3-network-conditions';

export const lexChecks: Check[] = [lexNet1, lexNet2, lexNet3];
