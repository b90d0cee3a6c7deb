import { option } from '../../lib/engine/options';
import { defineCheck, notApplicable } from '../../lib/engine/check';
import { items } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import { Unknown } from '../../lib/model/values';
import { alarmVerdicts } from '../shared/alarms';
import { codeHooks } from '../shared/code-hooks';
import { ALARM } from '../../lib/model/types/cloudwatch';
import { ALIAS_HOLDERS, BOT, BOT_ALIAS, type BotProps } from '../../lib/model/types/lex';

const LAMBDA_METRICS = ['RuntimeLambdaErrors', 'RuntimeInvalidLambdaResponses'];
const KENDRA_METRICS = ['KendraIndexAccessError'];

function usesCodeHooks(graph: ResourceGraph): boolean {
  return graph.ofType(...ALIAS_HOLDERS).some((r) => {
    const hooks = codeHooks(graph, r);
    return hooks instanceof Unknown || hooks.length > 0;
  });
}

/** Any Kendra setting (intent `KendraConfiguration`, QnA `KendraConfiguration.KendraIndex`) in a bot's locales, or locales that cannot be read. */
function usesKendra(graph: ResourceGraph): boolean {
  const mentions = (node: unknown): boolean => {
    if (node instanceof Unknown) return true;
    if (Array.isArray(node)) return node.some(mentions);
    if (node === null || typeof node !== 'object' || node.constructor !== Object) return false;
    for (const k of Object.keys(node)) if (k.startsWith('Kendra') || mentions((node as Record<string, unknown>)[k])) return true;
    return false;
  };
  return graph.ofType(BOT).some((bot) => {
    const locales = items(graph.props<BotProps>(bot).BotLocales);
    return locales instanceof Unknown || mentions(locales);
  });
}

export default defineCheck({
  id: 'LEX-MON-4',
  title: 'Alarms notify on bot runtime errors',
  severity: 'LOW',
  rationale:
    'System errors, throttling, failing or malformed Lambda code-hook responses and Kendra access errors break conversations for every user. Without alarms they surface only as complaints.',
  remediation:
    'Create CloudWatch alarms with an AlarmActions target on AWS/Lex RuntimeSystemErrors and RuntimeThrottledEvents, plus RuntimeLambdaErrors and RuntimeInvalidLambdaResponses when aliases use Lambda code hooks and KendraIndexAccessError when intents use Kendra.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/monitoring-cloudwatch.html',
  modes: ['synth', 'live'],
  options: {
    metrics: option.strings(
      ['RuntimeSystemErrors', 'RuntimeThrottledEvents', ...LAMBDA_METRICS, ...KENDRA_METRICS],
      'AWS/Lex metrics that need an alarm; the Lambda metrics apply only when aliases use code hooks, the Kendra one only when intents use Kendra',
    ),
  },
  reads: [ALARM, ...ALIAS_HOLDERS],
  // Runtime metrics carry the bot's dimensions, so their alarms belong with the bot: absence is a FAIL.
  evaluateGraph({ graph, options }) {
    const anchor = graph.anchor(BOT, BOT_ALIAS);
    if (!anchor) return [];
    const lambda = usesCodeHooks(graph);
    const kendra = usesKendra(graph);
    const metrics = (options.metrics as string[]).filter((m) => (lambda || !LAMBDA_METRICS.includes(m)) && (kendra || !KENDRA_METRICS.includes(m)));
    if (metrics.length === 0) return [notApplicable('none of the configured runtime metrics applies to these bots', { resource: anchor })];
    return alarmVerdicts(graph, { anchor, namespace: 'AWS/Lex', metrics });
  },
});
