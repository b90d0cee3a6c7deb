import { fail, notApplicable, pass, unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { bool, get, items, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { findOrReportAbsent } from './app-level';
import { TRAIL, type TrailProps } from '../../lib/model/types/cloudtrail';
import type { ItemOf } from '../../lib/model/types/view';

/**
 * The CloudTrail requirement shared by LEX-MON-1 and TR-MON-1: an active, multi-Region trail with log
 * file validation and KMS encryption that records read and write management events of a service.
 * Live collectors emit trails in the same CloudFormation shape (`IsLogging` from GetTrailStatus,
 * `EnableLogFileValidation`/`KMSKeyId` from DescribeTrails, selectors from GetEventSelectors).
 */

/** A selector coverage answer: covered, not covered (with why), or not knowable. */
type Coverage = true | string | Unknown;

/** Verdicts of one trail: PASS, or one FAIL/UNKNOWN per unmet requirement (finding key = the property). */
export function evaluateTrail(graph: ResourceGraph, trail: Resource, eventSource: string): Verdict[] {
  const props = graph.props<TrailProps>(trail);
  const out: Verdict[] = [];
  const flag = (prop: 'IsLogging' | 'IsMultiRegionTrail' | 'IncludeGlobalServiceEvents' | 'EnableLogFileValidation', whenAbsent: boolean, problem: string) => {
    const v = bool(props[prop]);
    if (v instanceof Unknown) out.push(unknown(`${prop} cannot be known: ${v.reason}`, { findingKey: prop, path: prop }));
    else if (!(v ?? whenAbsent)) out.push(fail(`trail ${trail.logicalId} ${problem}`, { findingKey: prop, path: prop }));
  };
  flag('IsLogging', false, 'is not logging');
  flag('IsMultiRegionTrail', false, 'records only its own Region (IsMultiRegionTrail is off)');
  // CreateTrail defaults IncludeGlobalServiceEvents to true.
  flag('IncludeGlobalServiceEvents', true, 'leaves out global service events');
  flag('EnableLogFileValidation', false, 'has log file validation off: tampering with delivered logs would go unnoticed');
  const key = props.KMSKeyId;
  if (key === undefined || key === '') out.push(fail(`trail ${trail.logicalId} logs are not encrypted with a KMS key`, { findingKey: 'KMSKeyId', path: 'KMSKeyId' }));
  else if (key instanceof Unknown) out.push(unknown(`KMS key of the trail cannot be known: ${key.reason}`, { findingKey: 'KMSKeyId', path: 'KMSKeyId' }));
  const coverage = managementCoverage(props, eventSource);
  const path = props.AdvancedEventSelectors !== undefined ? 'AdvancedEventSelectors' : 'EventSelectors';
  if (coverage instanceof Unknown) out.push(unknown(`event selectors cannot be known: ${coverage.reason}`, { findingKey: 'EventSelectors', path }));
  else if (coverage !== true) out.push(fail(`trail ${trail.logicalId} ${coverage}`, { findingKey: 'EventSelectors', path }));
  return out.length > 0
    ? out
    : [pass(`trail ${trail.logicalId} is logging, multi-Region, validated, KMS-encrypted (${render(key)}) and records read and write management events of ${eventSource}`)];
}

/**
 * Every trail of the run against the requirement, or one finding when there is none (INFO at synth,
 * where trails usually live in an organization or baseline stack). One trail that meets the
 * requirement is enough: the others (data-event trails, team trails) are then not applicable.
 */
export function trailVerdicts(ctx: CheckContext, workload: readonly Resource[], eventSource: string): Verdict[] {
  const seen = new Set<string>();
  const verdicts = findOrReportAbsent(ctx, {
    types: [TRAIL],
    workload,
    // Live, a multi-Region trail is listed in every Region (shadow trails): judge it once.
    matches: (t) => {
      const id = ctx.graph.arnOf(t) ?? t.key;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    },
    evaluate: (t) => evaluateTrail(ctx.graph, t, eventSource),
    absent: {
      reason: 'no CloudTrail trail is defined in this app (usually in an organization or baseline stack); verify with `lexscribe audit`',
      liveReason: 'no CloudTrail trail exists for this account and Region',
      severity: 'INFO',
      findingKey: `Missing::${TRAIL}`,
    },
  });
  const byTrail = new Map<Resource, Verdict[]>();
  for (const v of verdicts) if (v.resource?.type === TRAIL) byTrail.set(v.resource, [...(byTrail.get(v.resource) ?? []), v]);
  const good = [...byTrail].find(([, vs]) => vs.length === 1 && vs[0].status === 'PASS')?.[0];
  if (!good) return verdicts;
  return [
    ...(byTrail.get(good) ?? []),
    ...[...byTrail.keys()].filter((t) => t !== good).map((t) => notApplicable(`trail ${good.logicalId} already records ${eventSource} as required`, { resource: t })),
  ];
}

function managementCoverage(props: TrailProps, source: string): Coverage {
  const advanced = items(props.AdvancedEventSelectors);
  if (advanced instanceof Unknown) return advanced;
  // CloudTrail uses either advanced or basic selectors, never both.
  if (advanced.length > 0) return advancedCoverage(advanced, source);
  const basic = items(props.EventSelectors);
  if (basic instanceof Unknown) return basic;
  // Without selectors a trail records all management events.
  if (basic.length === 0) return true;
  let read: boolean | Unknown = false;
  let write: boolean | Unknown = false;
  for (const s of basic) {
    const included = bool(get(s, 'IncludeManagementEvents'));
    const excluded = items(get(s, 'ExcludeManagementEventSources'));
    const rw = str(get(s, 'ReadWriteType')) ?? 'All';
    const doubt = [included, excluded, rw].find((x): x is Unknown => x instanceof Unknown);
    if (doubt) {
      if (read !== true) read = doubt;
      if (write !== true) write = doubt;
      continue;
    }
    if (included === false || (excluded as unknown[]).includes(source)) continue;
    if (rw === 'All' || rw === 'ReadOnly') read = true;
    if (rw === 'All' || rw === 'WriteOnly') write = true;
  }
  return combine(read, write, source);
}

function combine(read: boolean | Unknown, write: boolean | Unknown, source: string): Coverage {
  if (read === true && write === true) return true;
  if (read === false || write === false) {
    const missing = read === false && write === false ? 'management events' : read === false ? 'read management events' : 'write management events';
    return `does not record ${missing} of ${source}`;
  }
  return read instanceof Unknown ? read : (write as Unknown);
}

/** Advanced selectors are OR-ed; inside one, field selectors are AND-ed. Tested against one management event of `source`. */
function advancedCoverage(selectors: ReadonlyArray<ItemOf<TrailProps['AdvancedEventSelectors']>>, source: string): Coverage {
  let read: boolean | Unknown = false;
  let write: boolean | Unknown = false;
  for (const selector of selectors) {
    const r = selects(selector, { eventCategory: 'Management', eventSource: source, readOnly: 'true' });
    const w = selects(selector, { eventCategory: 'Management', eventSource: source, readOnly: 'false' });
    if (read !== true && r !== false) read = r;
    if (write !== true && w !== false) write = w;
  }
  return combine(read, write, source);
}

const POSITIVE = ['Equals', 'StartsWith', 'EndsWith'] as const;
const NEGATIVE = ['NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;

function test(op: string, value: string, pattern: string): boolean {
  if (op.endsWith('StartsWith')) return value.startsWith(pattern);
  if (op.endsWith('EndsWith')) return value.endsWith(pattern);
  return value === pattern;
}

function selects(selector: ItemOf<TrailProps['AdvancedEventSelectors']>, event: Record<string, string>): boolean | Unknown {
  const fields = items(get(selector, 'FieldSelectors'));
  if (fields instanceof Unknown) return fields;
  for (const f of fields) {
    const field = str(get(f, 'Field'));
    if (field instanceof Unknown) return field;
    const value = field === undefined ? undefined : event[field];
    for (const op of [...POSITIVE, ...NEGATIVE]) {
      const list = items(get(f, op));
      if (list instanceof Unknown) return list;
      if (list.length === 0) continue;
      const patterns = list.map(str);
      const doubt = patterns.find((p): p is Unknown => p instanceof Unknown);
      if (doubt) return doubt;
      const positive = (POSITIVE as readonly string[]).includes(op);
      // A field the event does not pin (eventName, userIdentity.arn…): a positive filter keeps only
      // some events; a negative one drops only some, so the source's events are still recorded.
      if (value === undefined) {
        if (positive) return false;
        continue;
      }
      const hit = patterns.some((p) => test(op, value, p as string));
      if (positive !== hit) return false;
    }
  }
  return true;
}
