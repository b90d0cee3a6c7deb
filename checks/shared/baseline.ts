import { fail, type Mode, type Verdict } from '../../lib/engine/check';
import type { Severity } from '../../lib/model/finding';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';

/**
 * Account-level controls (a trail, a Config recorder, alarms, endpoints) that a workload relies on but
 * that are often defined elsewhere (an organization or baseline stack). Shared by the Lex and
 * Transcribe monitoring and network checks.
 */

/** True when a source could not read resources of `type`: the engine already reports UNKNOWN for it. */
export function unreadable(graph: ResourceGraph, type: string): boolean {
  return graph.gaps.some((g) => g.types.includes(type));
}

export interface Absence {
  /** Resource type that is missing. */
  type: string;
  /** What is missing, for the reason text: "CloudTrail trail". */
  what: string;
  /**
   * Severity of the finding at synth when the resource is usually kept in a baseline stack (the app
   * not defining it proves nothing about the account). Omitted: absence is a plain FAIL in both modes.
   */
  baselineSeverity?: Severity;
}

/**
 * The one finding for "none of `type` exists", on `anchor`. Live, absence from the account is the
 * failure itself; at synth, a baseline resource is only reported for awareness. Nothing when the type
 * could not be read (the engine's UNKNOWN says so already).
 */
export function absent(graph: ResourceGraph, anchor: Resource, mode: Mode, a: Absence): Verdict[] {
  if (unreadable(graph, a.type)) return [];
  if (mode === 'live') return [fail(`no ${a.what} exists in ${anchor.stack.name}`, { resource: anchor, findingKey: `Missing::${a.type}` })];
  if (a.baselineSeverity) {
    return [
      fail(`no ${a.what} is defined in this app (usually in an organization or baseline stack); verify with \`lexscribe audit\``, {
        resource: anchor,
        severity: a.baselineSeverity,
        findingKey: `Missing::${a.type}`,
      }),
    ];
  }
  return [fail(`no ${a.what} is defined in this app`, { resource: anchor, findingKey: `Missing::${a.type}` })];
}

/**
 * Regions where the workload (`types`) runs, each with the stack pseudo-resource that findings about
 * it attach to. Stacks without a known Region share one entry (an environment-agnostic app).
 */
export function workloadRegions(graph: ResourceGraph, types: string[]): Map<string | undefined, Resource> {
  const out = new Map<string | undefined, Resource>();
  for (const r of graph.ofType(...types)) {
    if (!graph.isEvaluated(r) || out.has(r.stack.region)) continue;
    out.set(r.stack.region, graph.stackResource(r.stack));
  }
  return out;
}

/** Does a regional resource serve a workload in `region`? An unknown Region on either side may. */
export function sameRegion(r: Resource, region: string | undefined): boolean {
  return region === undefined || r.stack.region === undefined || r.stack.region === region;
}
