import { runTables } from '../../tester/tables';

/** The moto cases of this folder that attach AWS managed policies, against a moto that loads them. */
runTables(__dirname, 'any', { awsManagedPolicies: true });
