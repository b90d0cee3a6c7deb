import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import { ALIAS_HOLDERS, LOG_GROUP, aliasLabel, logDestinations } from '../shared/lex';

export default defineCheck({
  id: 'LEX-DP-7',
  title: 'A CloudWatch Logs data-protection policy is attached to the conversation-log group',
  service: 'lex',
  topic: 'data-protection',
  severity: 'LOW',
  rationale: 'Slot obfuscation misses personal data said outside slots, in session attributes or in echoed prompts; a data-protection policy masks such data in the log group as a second line of defence.',
  remediation: 'Attach a DataProtectionPolicy (CDK: logs.LogGroup dataProtectionPolicy) with the data identifiers your bots may hear to the log group named by TextLogSettings.',
  docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/mask-sensitive-log-data.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  reads: [LOG_GROUP],
  evaluate(resource, ctx) {
    const { destinations, unknowns } = logDestinations(ctx, resource, 'Text');
    const verdicts: Verdict[] = [...unknowns];
    for (const { target, targetPath } of destinations) {
      if (target instanceof Unknown) {
        verdicts.push(unknown(target.reason, { path: targetPath }));
        continue;
      }
      const policy = ctx.graph.props(target).DataProtectionPolicy;
      if (policy === undefined) verdicts.push(fail(`log group ${target.logicalId} has no data-protection policy`, { path: targetPath }));
      else if (policy instanceof Unknown) verdicts.push(unknown(`data-protection policy of log group ${target.logicalId} cannot be known: ${policy.reason}`, { path: targetPath }));
      else verdicts.push(pass(`log group ${target.logicalId} has a data-protection policy`));
    }
    return verdicts.length > 0 ? verdicts : notApplicable(`${aliasLabel(resource)} has no enabled text logs`);
  },
});
