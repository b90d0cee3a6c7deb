import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { items, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { sameScope } from '../shared/app-level';
import { aliasLabel, logDestinationVerdicts } from '../shared/lex';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';
import { LOG_GROUP, LOGS_ACCOUNT_POLICY as ACCOUNT_POLICY, type LogGroupProps, type LogsAccountPolicyProps } from '../../lib/model/types/logs';

/**
 * Where a log group's masking policy comes from: its own `DataProtectionPolicy`, an account-wide one
 * (live: `InheritedProperties` holds `ACCOUNT_DATA_PROTECTION`; in an app: an `AWS::Logs::AccountPolicy`
 * of type `DATA_PROTECTION_POLICY` in the same account and Region), or none.
 */
function maskingPolicy(graph: ResourceGraph, group: Resource): string | undefined | Unknown {
  const props = graph.props<LogGroupProps>(group);
  if (props.DataProtectionPolicy instanceof Unknown) return props.DataProtectionPolicy;
  if (props.DataProtectionPolicy !== undefined) return 'its own data-protection policy';
  const inherited = items(props.InheritedProperties);
  if (inherited instanceof Unknown) return inherited;
  if (inherited.includes('ACCOUNT_DATA_PROTECTION')) return 'the account-level data-protection policy';
  for (const policy of graph.ofType(ACCOUNT_POLICY)) {
    const type = str(graph.props<LogsAccountPolicyProps>(policy).PolicyType);
    if (type === 'DATA_PROTECTION_POLICY' && sameScope(policy.stack, group.stack)) return `account policy ${policy.logicalId}`;
  }
  return undefined;
}

export default defineCheck({
  id: 'LEX-DP-7',
  title: 'A CloudWatch Logs data-protection policy is attached to the conversation-log group',
  severity: 'LOW',
  rationale: 'Slot obfuscation misses personal data said outside slots, in session attributes or in echoed prompts; a data-protection policy masks such data in the log group as a second line of defence.',
  remediation:
    'Attach a DataProtectionPolicy (CDK: logs.LogGroup dataProtectionPolicy) with the data identifiers your bots may hear to the log group named by TextLogSettings, or an account-level data-protection policy.',
  docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/mask-sensitive-log-data.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  reads: [LOG_GROUP, ACCOUNT_POLICY],
  evaluate(resource, ctx) {
    const verdicts = logDestinationVerdicts(ctx, resource, 'Text', (target, targetPath) => {
      const policy = maskingPolicy(ctx.graph, target);
      if (policy === undefined) return fail(`log group ${target.logicalId} has no data-protection policy`, { path: targetPath });
      if (policy instanceof Unknown) return unknown(`data-protection policy of log group ${target.logicalId} cannot be known: ${policy.reason}`, { path: targetPath });
      return pass(`log group ${target.logicalId} is masked by ${policy}`);
    });
    return verdicts.length > 0 ? verdicts : notApplicable(`${aliasLabel(resource)} has no enabled text logs`);
  },
});
