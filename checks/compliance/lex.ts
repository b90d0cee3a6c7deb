import type { Check } from '../../lib/engine/check';
import lexComp2 from './lex-comp-2-security-hub-config';

export const lexChecks: Check[] = [lexComp2];
