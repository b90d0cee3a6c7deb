import type { Check } from '../../lib/engine/check';
import trIam1 from './tr-iam-1-trust-conditions';
import trIam2 from './tr-iam-2-data-access-role';
import trIam3 from './tr-iam-3-start-job-conditions';
import trIam4 from './tr-iam-4-full-access';
import trIam5 from './tr-iam-5-kms-key-policy';
import trIam6 from './tr-iam-6-tags';
import trIam7 from './tr-iam-7-long-term-keys';

export const transcribeChecks: Check[] = [trIam1, trIam2, trIam3, trIam4, trIam5, trIam6, trIam7];
