import type { Check } from '../../lib/engine/check';
import trComp1 from './tr-comp-1-phi-workloads';
import trComp2 from './tr-comp-2-security-hub-config';

export const transcribeChecks: Check[] = [trComp1, trComp2];
