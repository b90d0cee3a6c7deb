import type { Check } from '../../lib/engine/check';
import { lexChecks } from './lex';
import { lexLiveChecks } from './lex-live';
import { transcribeChecks } from './transcribe';

export const checks: Check[] = [...lexChecks, ...lexLiveChecks, ...transcribeChecks];
