import { fail, pass, unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { bool, get, items, str } from '../../lib/engine/read';
import type { Severity } from '../../lib/model/finding';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { findOrReportAbsent } from './app-level';
import { RECORDER, type RecorderProps } from '../../lib/model/types/config';

/**
 * AWS Config recording of a service's resource types (LEX-MON-7, TR-MON-4). Config recorders are
 * regional, so each Region where the workload runs needs one. Live collectors emit
 * `DescribeConfigurationRecorders` results in CloudFormation shape and add `Recording` (boolean, from
 * `DescribeConfigurationRecorderStatus`), which CloudFormation does not have.
 */

/** Does the recorder record every one of `types` (true), or why not? */
export function recordsTypes(graph: ResourceGraph, recorder: Resource, types: readonly string[]): true | string | Unknown {
  const props = graph.props<RecorderProps>(recorder);
  const recording = bool(props.Recording);
  if (recording instanceof Unknown) return recording;
  if (recording === false) return 'is stopped (not recording)';
  const group = props.RecordingGroup;
  // Without a recording group, Config records all supported resource types.
  if (group === undefined) return true;
  if (group instanceof Unknown) return group;
  const strategy = str(get(group, 'RecordingStrategy.UseOnly'));
  if (strategy instanceof Unknown) return strategy;
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    const excluded = literalList(get(group, 'ExclusionByResourceTypes.ResourceTypes'));
    if (excluded instanceof Unknown) return excluded;
    const hit = types.filter((t) => excluded.includes(t));
    return hit.length === 0 ? true : `excludes ${hit.join(', ')}`;
  }
  const all = bool(get(group, 'AllSupported'));
  if (all instanceof Unknown) return all;
  if (all === true || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES') return true;
  const listed = literalList(get(group, 'ResourceTypes'));
  if (listed instanceof Unknown) return listed;
  const missing = types.filter((t) => !listed.includes(t));
  return missing.length === 0 ? true : `does not record ${missing.join(', ')}`;
}

function literalList(node: unknown): string[] | Unknown {
  const list = items(node);
  if (list instanceof Unknown) return list;
  const out: string[] = [];
  for (const item of list) {
    const s = str(item);
    if (s instanceof Unknown) return s;
    if (s !== undefined) out.push(s);
  }
  return out;
}

export interface RecorderRequirement {
  /** The resources whose presence makes the control apply (the workload): the bots and aliases, … */
  workload: readonly Resource[];
  /** Types the recorder must record. */
  types: readonly string[];
  /** Severity at synth when no recorder is in the app (see `absent`). */
  baselineSeverity?: Severity;
}

/** A verdict on each recorder, and one finding for each account and Region of the workload without one. */
export function recorderVerdicts(ctx: CheckContext, req: RecorderRequirement): Verdict[] {
  return findOrReportAbsent(ctx, {
    types: [RECORDER],
    workload: req.workload,
    scope: 'region',
    evaluate: (recorder) => {
      const v = recordsTypes(ctx.graph, recorder, req.types);
      if (v === true) return pass(`recorder ${recorder.logicalId} records ${req.types.join(', ')}`);
      if (v instanceof Unknown) return unknown(`what recorder ${recorder.logicalId} records cannot be known: ${v.reason}`, { path: 'RecordingGroup' });
      return fail(`recorder ${recorder.logicalId} ${v}`, { path: 'RecordingGroup' });
    },
    absent: {
      reason: 'no AWS Config configuration recorder is defined in this app (usually in a baseline stack); verify with `lexscribe audit`',
      liveReason: 'AWS Config has no configuration recorder in this account and Region',
      severity: req.baselineSeverity,
      findingKey: `Missing::${RECORDER}`,
    },
  });
}
