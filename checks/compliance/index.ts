import type { Check } from '../../lib/engine/check';
import { lexChecks } from './lex';
import { transcribeChecks } from './transcribe';

export const checks: Check[] = [...lexChecks, ...transcribeChecks];
