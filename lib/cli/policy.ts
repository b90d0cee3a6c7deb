import { ALL_COLLECTORS } from '../sources/account/collectors';
import { auditorPolicy, auditorPolicyCdk, callerPolicy } from '../sources/account/policy';
import { VERSION } from '../version';

/** The member role's read-only policy, or with `orgRole` the caller's (list the organization, assume that role). */
export function printPolicy(format: 'json' | 'cdk', orgRole?: string): void {
  const policy = orgRole ? callerPolicy(orgRole) : auditorPolicy(ALL_COLLECTORS);
  process.stdout.write(format === 'cdk' ? auditorPolicyCdk(policy, VERSION, orgRole ? 'caller' : 'auditor') : JSON.stringify(policy, null, 2) + '\n');
}
