import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { aliasLabel, escalateIfSensitive, logSettings } from '../shared/lex';
import { PRODUCTION_OPTIONS, isProductionAlias } from '../shared/production';
import { ALIAS_HOLDERS, type BotProps } from '../../lib/model/types/lex';
import { botOf } from '../../lib/model/relations/lex';

export default defineCheck({
  id: 'LEX-MON-2',
  title: 'Production aliases have text conversation logs enabled',
  severity: 'MEDIUM',
  rationale:
    'Text conversation logs are the only record of what users said to a bot and how it answered. Without them, a complaint, an abuse report or a data-handling incident cannot be investigated.',
  remediation:
    'Add an enabled ConversationLogSettings.TextLogSettings entry with a CloudWatch Logs destination to every production alias (and protect the log group: KMS key, retention, data-protection policy).',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-configure.html',
  modes: ['synth', 'live'],
  options: { ...PRODUCTION_OPTIONS },
  reads: ['AWS::Lex::Bot'],
  resourceTypes: ALIAS_HOLDERS,
  evaluate(resource, { graph, options, classification }) {
    const production = isProductionAlias(graph, resource, options);
    if (production instanceof Unknown) return unknown(production.reason);
    if (production !== true) return notApplicable(production);
    const found = botOf(graph, resource);
    const bot = found instanceof Unknown ? undefined : found;
    // Conversation logs of bots for children are not expected (COPPA): the control does not apply.
    const childDirected = bot && bool(get(graph.props<BotProps>(bot), 'DataPrivacy.ChildDirected'));
    if (bot && childDirected === true) return notApplicable(`bot ${bot.logicalId} is child-directed`);
    return escalateIfSensitive(graph, resource, classification, [textLogVerdict(graph, resource, found, childDirected)]);
  },
});

/** Enabled text logs PASS; none FAIL, or UNKNOWN when their setting or the bot's child-directed flag cannot be known. */
function textLogVerdict(graph: ResourceGraph, resource: Resource, found: Resource | undefined | Unknown, childDirected: boolean | undefined | Unknown): Verdict {
  const bot = found instanceof Unknown ? undefined : found;
  const settings = logSettings(graph, resource, 'Text');
  if (settings instanceof Unknown) return unknown(`text log settings of ${aliasLabel(resource)}: ${settings.reason}`);
  let doubt: Verdict | undefined;
  for (const { value, path } of settings) {
    const enabled = bool(get(value, 'Enabled'));
    const group = get(value, 'Destination.CloudWatch.CloudWatchLogGroupArn');
    if (enabled === true && group !== undefined) return pass(`text logs of ${aliasLabel(resource)} go to ${render(group)}`);
    if (enabled instanceof Unknown) doubt ??= unknown(`whether text logging is enabled cannot be known: ${enabled.reason}`, { path: `${path}.Enabled` });
  }
  if (doubt) return doubt;
  const why = found instanceof Unknown ? found.reason : !bot ? 'the bot is not in this app' : childDirected instanceof Unknown ? childDirected.reason : undefined;
  if (why !== undefined) return unknown(`${aliasLabel(resource)} has no text logs, and whether its bot is child-directed cannot be known: ${why}`);
  return fail(`${aliasLabel(resource)} has no enabled text conversation logs`, { path: 'ConversationLogSettings' });
}
