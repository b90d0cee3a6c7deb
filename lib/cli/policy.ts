import { ALL_COLLECTORS } from '../sources/account/collectors';
import { auditorPolicy, auditorPolicyCdk, callerPolicy } from '../sources/account/policy';
import { VERSION } from '../version';

/** The member role's policy (read-only, plus the import with `securityHub`), or with `orgRole` the caller's (list the organization, assume that role). */
export function printPolicy(format: 'json' | 'cdk', opts: { orgRole?: string; securityHub?: boolean } = {}): void {
  const policy = opts.orgRole ? callerPolicy(opts.orgRole) : auditorPolicy(ALL_COLLECTORS, { securityHub: opts.securityHub });
  process.stdout.write(format === 'cdk' ? auditorPolicyCdk(policy, VERSION, opts.orgRole ? 'caller' : 'auditor') : JSON.stringify(policy, null, 2) + '\n');
}
