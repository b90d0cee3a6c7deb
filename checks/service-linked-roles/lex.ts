import type { Check } from '../../lib/engine/check';
import lexSlr1 from './lex-slr-1-bot-role-kind';
import lexSlr2 from './lex-slr-2-orphaned';
import lexSlr4 from './lex-slr-4-create-delete-scope';

export const lexChecks: Check[] = [lexSlr1, lexSlr2, lexSlr4];
