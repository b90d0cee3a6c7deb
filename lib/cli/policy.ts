import { ALL_COLLECTORS } from '../sources/account/collectors';
import { auditorPolicy, auditorPolicyCdk } from '../sources/account/policy';
import { VERSION } from '../version';

export function printPolicy(format: 'json' | 'cdk', opts: { securityHub?: boolean } = {}): void {
  const policy = auditorPolicy(ALL_COLLECTORS, opts);
  process.stdout.write(format === 'cdk' ? auditorPolicyCdk(policy, VERSION) : JSON.stringify(policy, null, 2) + '\n');
}
