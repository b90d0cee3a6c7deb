import type { Check } from '../../lib/engine/check';
import lexIam1 from './lex-iam-1-wildcard-principal';
import lexIam2 from './lex-iam-2-service-principal-conditions';
import lexIam3 from './lex-iam-3-least-privilege';
import lexIam4 from './lex-iam-4-same-account';
import lexIam5 from './lex-iam-5-full-access';
import lexIam6 from './lex-iam-6-pass-role';
import lexIam7 from './lex-iam-7-bot-role';
import lexIam8 from './lex-iam-8-lambda-permission';
import lexIam9 from './lex-iam-9-tags';
import lexIam10 from './lex-iam-10-trust-conditions';

export const lexChecks: Check[] = [lexIam1, lexIam2, lexIam3, lexIam4, lexIam5, lexIam6, lexIam7, lexIam8, lexIam9, lexIam10];
