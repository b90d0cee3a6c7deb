import { pass, type CheckContext, type Verdict } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import type { Severity } from '../../lib/model/finding';
import type { Resource, StackInfo } from '../../lib/model/resource';

/**
 * Controls met by a resource that usually lives in an account baseline rather than in the workload
 * (Security Hub, Config rules, an AI-services opt-out policy, a trail): evaluate each one the run
 * has, or report once that there is none. The "none" finding attaches to the stack (live: the
 * account and Region) holding the workload, so it can be suppressed like any other finding.
 */
export interface AppLevelControl {
  /** Resource types that meet the control when present. */
  types: string[];
  /** Keeps only the resources of `types` that count (an Organizations policy of the right `Type`). */
  matches?: (r: Resource) => boolean;
  /** The resources of the workload the control protects: a run without one reports nothing. */
  workload: readonly Resource[];
  /**
   * `app`: one control for the whole run (organization-wide policies). `region`: one per account and
   * Region holding the workload (Security Hub, Config), where stacks of unknown account or Region
   * match any.
   * @default 'app'
   */
  scope?: 'app' | 'region';
  /** Verdict for each resource present. @default PASS, "defined" */
  evaluate?: (r: Resource) => Verdict | Verdict[];
  /** The finding when none is present. */
  absent: {
    /** At synth, e.g. "no Security Hub hub is defined in this app (often in a baseline stack)". */
    reason: string;
    /** Against an account, e.g. "Security Hub is not enabled". @default reason */
    liveReason?: string;
    /**
     * Severity at synth, where absence only means "not in this app". Against an account, absence is
     * the real state and keeps the check's severity.
     * @default the check's severity
     */
    severity?: Severity;
    /** Distinguishes the parts of a control with several (`SecurityHub::Hub`). */
    findingKey?: string;
  };
}

const wildcardEqual = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;

/** Could two stacks be the same account and Region? An unknown account or Region on either side may. */
export function sameScope(a: StackInfo, b: StackInfo): boolean {
  return wildcardEqual(a.account, b.account) && wildcardEqual(a.region, b.region);
}

export function findOrReportAbsent(ctx: CheckContext, control: AppLevelControl): Verdict[] {
  const { graph } = ctx;
  const workloads = control.workload.filter((r) => graph.isEvaluated(r));
  if (workloads.length === 0) return [];
  const present = graph.ofType(...control.types).filter((r) => graph.isEvaluated(r) && (control.matches?.(r) ?? true));
  const evaluate = control.evaluate ?? ((r: Resource) => pass(`${r.type} ${r.logicalId} is defined`));
  const out: Verdict[] = present.flatMap((r) => [evaluate(r)].flat().map((v) => conditional(ctx, r, { ...v, resource: v.resource ?? r })));

  // One representative workload per scope: the first of each account and Region, or of the whole run.
  const scopes: Resource[] = [];
  for (const w of workloads) {
    if (control.scope === 'region' ? !scopes.some((s) => sameScope(s.stack, w.stack)) : scopes.length === 0) scopes.push(w);
  }
  for (const workload of scopes) {
    const inScope = (stack: StackInfo) => control.scope !== 'region' || sameScope(stack, workload.stack);
    if (present.some((r) => inScope(r.stack))) continue;
    // A source that could not read these types has already reported UNKNOWN for that scope.
    if (graph.gaps.some((g) => inScope(g.stack) && g.types.some((t) => control.types.includes(t)))) continue;
    // Absent from an app means only "not in this app" (often in a baseline); absent from an account is the state.
    const live = graph.scope === 'account';
    out.push({
      status: 'FAIL',
      reason: live ? (control.absent.liveReason ?? control.absent.reason) : control.absent.reason,
      resource: graph.stackResource(workload.stack),
      ...(control.absent.severity && !live ? { severity: control.absent.severity } : {}),
      ...(control.absent.findingKey ? { findingKey: control.absent.findingKey } : {}),
    });
  }
  return out;
}

/**
 * A control met by a resource that exists only under a condition that cannot be known here (a
 * parameter without a value) is not known to be met: its PASS is UNKNOWN, as any value behind an
 * unset parameter is. The pipeline adds which condition it is.
 */
function conditional(ctx: CheckContext, r: Resource, v: Verdict): Verdict {
  if (v.status !== 'PASS' || r.condition === undefined) return v;
  const state = ctx.graph.conditionOf(r);
  if (!(state instanceof Unknown)) return v;
  return { ...v, status: 'UNKNOWN', reason: `whether ${r.type} ${r.logicalId} is deployed cannot be known, so neither can whether the control is met` };
}
