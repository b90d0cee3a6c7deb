import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get, items, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { TRANSCRIBE_TYPES, transcribeAnchor } from '../shared/transcribe';
import { parseJsonValue } from '../../lib/model/json';
import { EVENT_RULE, type RuleProps } from '../../lib/model/types/events';

const SOURCE = 'aws.transcribe';

export default defineCheck({
  id: 'TR-MON-2',
  title: 'An EventBridge rule routes failed Transcribe jobs to a target',
  severity: 'LOW',
  rationale:
    'Transcribe reports job outcomes only as EventBridge events (Transcribe Job State Change, Call Analytics Job State Change, Vocabulary State Change...). Failed jobs often mean S3 or KMS permissions drifted; without a rule, nobody hears about them.',
  remediation:
    'Add an enabled EventBridge rule with EventPattern {"source": ["aws.transcribe"]} (optionally narrowed to the job state change detail types, keeping FAILED) and a target such as an SNS topic, queue or function.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/monitoring-events.html',
  modes: ['synth', 'live'],
  // The workload too: an account scan that could not read it cannot say the control is not needed.
  reads: [EVENT_RULE, ...TRANSCRIBE_TYPES],
  evaluateGraph({ graph }) {
    const anchor = transcribeAnchor(graph);
    if (!anchor) return [];
    const out: Verdict[] = [];
    for (const rule of graph.ofType(EVENT_RULE).filter((r) => graph.isEvaluated(r))) {
      const v = ruleVerdict(graph, rule);
      if (v) out.push({ ...v, resource: rule });
    }
    const routed = out.some((v) => v.status === 'PASS' || v.status === 'UNKNOWN');
    // A source that could not list rules has already reported UNKNOWN.
    if (!routed && !graph.gaps.some((g) => g.types.includes(EVENT_RULE))) {
      out.push(fail(`no enabled EventBridge rule with a target routes ${SOURCE} events`, { resource: anchor, findingKey: `Missing::${EVENT_RULE}` }));
    }
    return out;
  },
});

/** The verdict on one rule; undefined when it does not match Transcribe events. */
function ruleVerdict(graph: ResourceGraph, rule: Resource): Verdict | undefined {
  const props = graph.props<RuleProps>(rule);
  const pattern = parseJsonValue(props.EventPattern);
  if (pattern === undefined) return undefined;
  if (pattern instanceof Unknown) return unknown(`the event pattern of rule ${rule.logicalId} cannot be read: ${pattern.reason}`, { path: 'EventPattern' });
  const sources = items(get(pattern, 'source'));
  if (sources instanceof Unknown) return unknown(`the sources of rule ${rule.logicalId} cannot be known: ${sources.reason}`, { path: 'EventPattern.source' });
  const matches = sources.some((s) => s === SOURCE || (typeof get(s, 'prefix') === 'string' && SOURCE.startsWith(get(s, 'prefix') as string)));
  if (!matches) return sources.some((s) => typeof s !== 'string' && typeof get(s, 'prefix') !== 'string') ? unknown(`rule ${rule.logicalId} matches sources ${render(sources)}`, { path: 'EventPattern.source' }) : undefined;
  const state = str(props.State);
  if (state instanceof Unknown) return unknown(`the state of rule ${rule.logicalId} cannot be known: ${state.reason}`, { path: 'State' });
  // PutRule and CloudFormation create rules enabled unless told otherwise.
  if (state === 'DISABLED') return fail(`rule ${rule.logicalId} matches ${SOURCE} events but is disabled`, { path: 'State' });
  const targets = items(props.Targets);
  if (targets instanceof Unknown) return unknown(`the targets of rule ${rule.logicalId} cannot be known: ${targets.reason}`, { path: 'Targets' });
  if (targets.length === 0) return fail(`rule ${rule.logicalId} matches ${SOURCE} events but has no target`, { path: 'Targets' });
  const dropped = statusFilterWithoutFailed(get(pattern, 'detail'));
  if (dropped) return fail(`rule ${rule.logicalId} filters ${dropped} without FAILED: failed jobs are not routed`, { path: 'EventPattern.detail' });
  return pass(`rule ${rule.logicalId} routes ${SOURCE} events to ${targets.length} target(s)`);
}

/** A `detail.*Status` filter that leaves FAILED out (`TranscriptionJobStatus: ["COMPLETED"]`), by name. */
function statusFilterWithoutFailed(detail: unknown): string | undefined {
  if (!detail || typeof detail !== 'object' || detail.constructor !== Object) return undefined;
  for (const [k, v] of Object.entries(detail as Record<string, unknown>)) {
    if (!/status$/i.test(k) || !Array.isArray(v)) continue;
    if (v.every((x) => typeof x === 'string') && !v.includes('FAILED')) return `detail.${k}`;
  }
  return undefined;
}
