import { fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, get, items, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { ALARM, type AlarmProps } from '../../lib/model/types/cloudwatch';

/**
 * CloudWatch alarms on a service's metrics (LEX-MON-3/4, TR-MON-3). An alarm watches a metric through
 * its top-level `Namespace`/`MetricName`, a `Metrics[*].MetricStat.Metric`, or a metric-math
 * `Metrics[*].Expression` (e.g. `SEARCH('{AWS/Lex,BotId} MetricName="RuntimeSystemErrors"', …)`).
 * Live collectors emit `DescribeAlarms` results in the same shape.
 */

/** Does the alarm watch `metric` of `namespace` (any metric of it when `metric` is omitted)? */
export function watches(graph: ResourceGraph, alarm: Resource, namespace: string, metric?: string): boolean | Unknown {
  const props = graph.props<AlarmProps>(alarm);
  const candidates: Array<{ namespace: unknown; name: unknown }> = [];
  if (props.Namespace !== undefined || props.MetricName !== undefined) candidates.push({ namespace: props.Namespace, name: props.MetricName });
  const metrics = items(props.Metrics);
  if (metrics instanceof Unknown) return metrics;
  let doubt: Unknown | undefined;
  for (const m of metrics) {
    const stat = get(m, 'MetricStat.Metric');
    if (stat !== undefined) candidates.push({ namespace: get(stat, 'Namespace'), name: get(stat, 'MetricName') });
    const expression = str(get(m, 'Expression'));
    if (expression instanceof Unknown) doubt = expression;
    else if (expression?.includes(namespace) && (metric === undefined || expression.includes(metric))) return true;
  }
  for (const c of candidates) {
    const ns = str(c.namespace);
    const name = str(c.name);
    if (ns instanceof Unknown || name instanceof Unknown) {
      doubt = ns instanceof Unknown ? ns : (name as Unknown);
      continue;
    }
    if (ns === namespace && (metric === undefined || name === metric)) return true;
  }
  return doubt ?? false;
}

/** Does the alarm notify anyone: actions enabled and `AlarmActions` non-empty (else why not)? */
export function notifies(graph: ResourceGraph, alarm: Resource): true | string | Unknown {
  const props = graph.props<AlarmProps>(alarm);
  const enabled = bool(props.ActionsEnabled);
  if (enabled instanceof Unknown) return enabled;
  if (enabled === false) return 'has its actions disabled (ActionsEnabled: false)';
  const actions = items(props.AlarmActions);
  if (actions instanceof Unknown) return actions;
  return actions.length > 0 ? true : 'has no AlarmActions: it changes state without telling anyone';
}

export interface AlarmRequirement {
  /** Stack pseudo-resource that "no alarm" findings attach to. */
  anchor: Resource;
  namespace: string;
  /** Metric names that each need an alarm; omitted: one alarm on any metric of the namespace. */
  metrics?: readonly string[];
}

/**
 * One verdict per required metric: PASS on an alarm that watches it and notifies, else FAIL/UNKNOWN on
 * the closest candidate (an alarm without actions, one whose metric cannot be known), else FAIL on
 * the anchor. Finding key: `Metric::<namespace>/<name>`.
 */
export function alarmVerdicts(graph: ResourceGraph, req: AlarmRequirement): Verdict[] {
  const alarms = graph.ofType(ALARM);
  const wanted = req.metrics ?? [undefined];
  const out: Verdict[] = [];
  for (const metric of wanted) {
    const label = metric === undefined ? `metrics of ${req.namespace}` : `${req.namespace} ${metric}`;
    const findingKey = `Metric::${req.namespace}/${metric ?? '*'}`;
    const watching: Resource[] = [];
    let maybe: { alarm: Resource; why: Unknown } | undefined;
    for (const alarm of alarms) {
      const w = watches(graph, alarm, req.namespace, metric);
      if (w === true) watching.push(alarm);
      else if (w instanceof Unknown) maybe ??= { alarm, why: w };
    }
    const judged = watching.map((alarm) => ({ alarm, n: notifies(graph, alarm) }));
    const good = judged.find((j) => j.n === true);
    const doubtful = judged.find((j) => j.n instanceof Unknown);
    const silent = judged.find((j) => typeof j.n === 'string');
    if (good) out.push(pass(`alarm ${good.alarm.logicalId} watches ${label} and notifies`, { resource: good.alarm, findingKey }));
    else if (doubtful) out.push(unknown(`whether alarm ${doubtful.alarm.logicalId} on ${label} notifies anyone cannot be known: ${(doubtful.n as Unknown).reason}`, { resource: doubtful.alarm, findingKey }));
    else if (silent) out.push(fail(`alarm ${silent.alarm.logicalId} on ${label} ${silent.n as string}`, { resource: silent.alarm, findingKey, path: 'AlarmActions' }));
    else if (maybe) out.push(unknown(`alarm ${maybe.alarm.logicalId} may watch ${label}: ${maybe.why.reason}`, { resource: maybe.alarm, findingKey }));
    // A source that could not list alarms has already reported UNKNOWN.
    else if (!graph.gaps.some((g) => g.types.includes(ALARM))) out.push(fail(`no CloudWatch alarm watches ${label}`, { resource: req.anchor, findingKey }));
  }
  return out;
}
