import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, get, num } from '../../lib/engine/read';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { aliasLabel, logSettings } from '../shared/lex';
import { ALIAS_HOLDERS, BOT, BOT_ALIAS } from '../../lib/model/types/lex';
import { LOG_GROUP, LOG_GROUP_ALLOWED, type LogGroupProps } from '../../lib/model/types/logs';
import { invalidValue } from '../../lib/model/types/view';

export default defineCheck({
  id: 'LEX-MON-6',
  title: 'Conversation-log groups have a retention period',
  severity: 'LOW',
  rationale:
    'Text conversation logs hold what users typed or said. A log group without a retention period keeps every transcript forever, which outlives any purpose and widens the impact of a leak.',
  remediation: 'Set RetentionInDays on the CloudWatch Logs group that receives the text conversation logs, to the shortest period your records policy allows.',
  docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  modes: ['synth', 'live'],
  reads: [LOG_GROUP, ...ALIAS_HOLDERS],
  // Several aliases often share one log group: judged once, on the group.
  evaluateGraph({ graph }) {
    const out: Verdict[] = [];
    const groups = new Set<Resource>();
    for (const holder of graph.ofType(...ALIAS_HOLDERS)) {
      if (!graph.isEvaluated(holder)) continue;
      const settings = logSettings(graph, holder, 'Text');
      if (settings instanceof Unknown) {
        out.push(unknown(`text log settings of ${aliasLabel(holder)}: ${settings.reason}`, { resource: holder }));
        continue;
      }
      for (const { value, path } of settings) {
        const enabled = bool(get(value, 'Enabled'));
        if (enabled === false || enabled === undefined) continue;
        const arn = get(value, 'Destination.CloudWatch.CloudWatchLogGroupArn');
        const target = graph.target(arn, LOG_GROUP);
        const where = { resource: holder, path: `${path}.Destination.CloudWatch.CloudWatchLogGroupArn` };
        if (target === undefined) continue;
        if (target instanceof Unknown) out.push(unknown(`log group of ${aliasLabel(holder)} cannot be known: ${target.reason}`, where));
        else if ('external' in target) out.push(unknown(`log group ${target.external} is not in this app: its retention cannot be checked here`, where));
        else if (target.resource.type !== LOG_GROUP) out.push(unknown(`text logs of ${aliasLabel(holder)} go to ${render(arn)}, which is not a log group of this app`, where));
        else groups.add(target.resource);
      }
    }
    for (const group of groups) {
      const raw = graph.props<LogGroupProps>(group).RetentionInDays;
      const invalid = invalidValue(raw, LOG_GROUP_ALLOWED.RetentionInDays);
      const days = num(raw);
      if (invalid) out.push(fail(`RetentionInDays of log group ${group.logicalId}: ${invalid}, as CloudFormation requires: the value is invalid`, { resource: group, path: 'RetentionInDays' }));
      else if (days instanceof Unknown) out.push(unknown(`retention of log group ${group.logicalId} cannot be known: ${days.reason}`, { resource: group, path: 'RetentionInDays' }));
      else if (days === undefined) out.push(fail(`log group ${group.logicalId} keeps conversation logs forever (no RetentionInDays)`, { resource: group, path: 'RetentionInDays' }));
      else out.push(pass(`log group ${group.logicalId} keeps conversation logs for ${days} days`, { resource: group }));
    }
    const anchor = graph.anchor(BOT, BOT_ALIAS);
    if (out.length === 0 && anchor) out.push(notApplicable('no alias writes text conversation logs', { resource: anchor }));
    return out;
  },
});
