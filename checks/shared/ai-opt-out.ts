import { defineCheck, fail, pass, unknown, type Check, type Mode, type Verdict } from '../../lib/engine/check';
import { get, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { findOrReportAbsent } from './app-level';
import { AI_OPT_OUT_POLICY, ORG_POLICY, type OrgPolicyProps } from '../../lib/model/types/organizations';

/**
 * AWS Organizations AI-services opt-out policies (LEX-DP-9, TR-DP-9). A policy reaches a check in
 * two shapes, both as `AWS::Organizations::Policy` with `Type: AISERVICES_OPT_OUT_POLICY`: the
 * authored one from a template (`services.lex.opt_out_policy["@@assign"] = "optOut"`), and the
 * effective policy a live collector reads (`services.lex.opt_out_policy = "optOut"`). `Content` is an
 * object or a JSON string.
 */

export interface OptOut {
  optedOut: boolean;
  detail: string;
}

function parseContent(content: unknown): Record<string, unknown> | Unknown | undefined {
  if (content === undefined || content === null) return undefined;
  if (content instanceof Unknown) return content;
  if (typeof content === 'string') {
    try {
      const parsed: unknown = JSON.parse(content);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : new Unknown('policy content is not a JSON object');
    } catch {
      return new Unknown('policy content is not valid JSON');
    }
  }
  if (typeof content === 'object' && content.constructor === Object) return content as Record<string, unknown>;
  return new Unknown(`policy content is computed at deploy time (${render(content)})`);
}

/** The `opt_out_policy` setting of one `services` entry: authored (`{"@@assign": v}`) or effective (`v`). */
function setting(services: unknown, key: string): string | undefined | Unknown {
  const node = get(services, `${key}.opt_out_policy`);
  if (node !== null && typeof node === 'object' && !(node instanceof Unknown)) return str(get(node, '@@assign'));
  return str(node);
}

/**
 * Whether a policy content opts `service` out: its own entry decides when present (it overrides
 * `default`), else the `default` entry.
 */
export function optOutFor(content: unknown, service: string): OptOut | Unknown {
  const body = parseContent(content);
  if (body === undefined) return new Unknown('the policy has no Content');
  if (body instanceof Unknown) return body;
  const services = get(body, 'services');
  if (services instanceof Unknown) return services;
  for (const key of [service, 'default']) {
    const value = setting(services, key);
    if (value instanceof Unknown) return new Unknown(`services.${key}.opt_out_policy: ${value.reason}`);
    if (value === undefined) continue;
    const optedOut = value.toLowerCase() === 'optout';
    return { optedOut, detail: `services.${key}.opt_out_policy is ${value}${key === 'default' ? ` and there is no ${service} entry` : ''}` };
  }
  return { optedOut: false, detail: `the policy sets opt_out_policy neither for ${service} nor for default` };
}

/** An `AWS::Organizations::Policy` that may be an AI-services opt-out policy (its `Type` says so or cannot be known). */
export function mayBeAiOptOutPolicy(graph: ResourceGraph, r: Resource): boolean {
  const type = str(graph.props<OrgPolicyProps>(r).Type);
  return type instanceof Unknown || type === AI_OPT_OUT_POLICY;
}

/** One AI-services opt-out policy judged for one service (TR-DP-9 finds its workload at run time). */
export function evaluatePolicy(graph: ResourceGraph, r: Resource, service: string): Verdict {
  const props = graph.props<OrgPolicyProps>(r);
  const type = str(props.Type);
  if (type instanceof Unknown) return unknown(`policy ${r.logicalId} has a Type that cannot be known: ${type.reason}`);
  const result = optOutFor(props.Content, service);
  if (result instanceof Unknown) return unknown(`AI-services opt-out policy ${r.logicalId}: ${result.reason}`, { path: 'Content' });
  return result.optedOut
    ? pass(`${result.detail}: ${service} does not use content to improve the service`)
    : fail(`${result.detail}: AWS may store and use ${service} content to improve its services`, { path: 'Content' });
}

/** Metadata of the opt-out check of one AI service; the evaluation is the same for every service. */
export type AiOptOutCheckSpec = Pick<Check, 'id' | 'title' | 'severity' | 'rationale' | 'remediation' | 'docs'> & {
  modes: readonly Mode[];
  /** The key under `services` (`lex`, `transcribe`). */
  aiService: string;
  /** The workload: no finding when the run has none of these. */
  anchorTypes: string[];
};

/**
 * The opt-out check for one service: every opt-out policy of the run is evaluated; with none, one
 * INFO finding per run says so (the policy usually lives in the organization's management account).
 */
export function defineAiOptOutCheck(spec: AiOptOutCheckSpec): Check {
  const { aiService, anchorTypes, ...meta } = spec;
  return defineCheck({
    ...meta,
    // The workload too: an account scan that could not read it cannot say the control is not needed.
    reads: [ORG_POLICY, ...anchorTypes],
    evaluateGraph: (ctx) =>
      findOrReportAbsent(ctx, {
        types: [ORG_POLICY],
        matches: (r) => mayBeAiOptOutPolicy(ctx.graph, r),
        workload: ctx.graph.ofType(...anchorTypes),
        evaluate: (r) => evaluatePolicy(ctx.graph, r, aiService),
        absent: {
          reason: "no AI-services opt-out policy is defined in this app (usually managed in the organization's management account)",
          liveReason: `no AI-services opt-out policy applies to this account, so AWS may use ${aiService} content to improve its services`,
          severity: 'INFO',
        },
      }),
  });
}
