import type { Check } from '../../lib/engine/check';
import lexComp1 from './lex-comp-1-data-classification';
import lexComp2 from './lex-comp-2-security-hub-config';

export const lexChecks: Check[] = [lexComp1, lexComp2];
