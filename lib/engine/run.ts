import type { ConfigSuppression, LexscribeConfig } from '../config/types';
import type { Finding, FindingResource, RunWarning, Severity } from '../model/finding';
import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import { TOPICS, isResourceCheck, type Check, type CheckContext, type Mode, type Verdict } from './check';
import { applySuppressions, type Evaluated } from './suppressions';

export interface RunOptions {
  checks: readonly Check[];
  mode: Mode;
  config?: LexscribeConfig;
  /** Suppressions given outside the config file (e.g. CLI). */
  extraSuppressions?: ConfigSuppression[];
  now?: Date;
  /** How to label suppressions read from resource metadata: `cdk` at synth, `metadata` on templates. */
  metadataSource?: 'metadata' | 'cdk';
  /**
   * Keep NOT_APPLICABLE verdicts as findings. A run whose report leaves them out (not verbose) can drop
   * them here: they are often a third of all verdicts, and can be neither suppressed nor gated.
   * @default true
   */
  notApplicable?: boolean;
}

export interface RunResult {
  /** Every verdict, NOT_APPLICABLE included unless `notApplicable: false` (reporters leave it out unless asked). */
  findings: Finding[];
  /** The resource each finding is about, for integrations that annotate it (CDK). */
  resources: Map<Finding, Resource>;
  warnings: RunWarning[];
}

export function findingResource(r: Resource): FindingResource {
  const p = r.provenance;
  if (p.arn) {
    return { type: r.type, arn: p.arn, region: r.stack.region, account: r.stack.account, logicalId: r.logicalId };
  }
  return {
    type: r.type,
    logicalId: r.logicalId,
    stack: r.stack.name,
    constructPath: p.constructPath,
    file: p.file ?? r.stack.file,
    line: p.line,
    column: p.column,
  };
}

function propertyLocation(r: Resource, path: string | undefined): Finding['property'] {
  if (!path) return undefined;
  const known = r.provenance.properties;
  if (!known) return { path };
  // The offending value may sit deeper than anything the source located: use the closest parent.
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const loc = known[p];
    if (loc) return { path, line: loc.line, column: loc.column };
  }
  return { path };
}

/** Option values of a check: its declared defaults, overridden by configuration. */
export function checkOptions(check: Check, config?: LexscribeConfig): Record<string, unknown> {
  const defaults = Object.fromEntries(Object.entries(check.options ?? {}).map(([k, v]) => [k, v.default]));
  return { ...defaults, ...(config?.checks?.[check.id]?.options ?? {}) };
}

function toFinding(check: Check, v: Verdict, r: Resource, described: FindingResource, severity: Severity): Finding {
  return {
    checkId: check.id,
    title: check.title,
    severity,
    status: v.status,
    reason: v.reason,
    findingKey: v.findingKey,
    resource: described,
    remediation: check.remediation,
    docs: check.docs,
    topic: TOPICS[check.topic],
    service: check.service,
    property: propertyLocation(r, v.path),
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Run checks over a graph. A check that throws yields an ERROR finding for what it was evaluating,
 * never a crash and never a pass.
 */
export function runChecks(graph: ResourceGraph, opts: RunOptions): RunResult {
  const evaluated: Evaluated[] = [];
  const config = opts.config ?? {};
  // Findings on one resource describe it alike: one description per resource, not one per finding.
  const descriptions = new Map<Resource, FindingResource>();
  const describe = (r: Resource) => {
    let d = descriptions.get(r);
    if (!d) descriptions.set(r, (d = findingResource(r)));
    return d;
  };
  // Many checks evaluate the same types (aliases and bots): list the evaluated resources of each set once.
  const evaluatedLists = new Map<string, Resource[]>();
  const evaluatedOfTypes = (types: string[]) => {
    const key = types.join('|');
    let list = evaluatedLists.get(key);
    if (!list) evaluatedLists.set(key, (list = graph.ofType(...types).filter((r) => graph.isEvaluated(r))));
    return list;
  };
  for (const check of opts.checks) {
    const settings = config.checks?.[check.id];
    if (settings?.enabled === false || !check.modes.includes(opts.mode)) continue;
    const ctx: CheckContext = { graph, options: checkOptions(check, config), mode: opts.mode };
    const record = (v: Verdict, fallback: Resource) => {
      if (v.status === 'NOT_APPLICABLE' && opts.notApplicable === false) return;
      const resource = v.resource ?? fallback;
      const severity = settings?.severity ?? v.severity ?? check.severity;
      evaluated.push({ finding: toFinding(check, v, resource, describe(resource), severity), resource });
    };
    const needs = new Set([...(isResourceCheck(check) ? check.resourceTypes : []), ...(check.reads ?? [])]);
    for (const gap of graph.gaps) {
      const missing = gap.types.filter((t) => needs.has(t));
      if (missing.length > 0) record({ status: 'UNKNOWN', reason: `${missing.join(', ')} could not be read: ${gap.reason}` }, graph.stackResource(gap.stack));
    }
    if (isResourceCheck(check)) {
      for (const resource of evaluatedOfTypes(check.resourceTypes)) {
        try {
          const out = check.evaluate(resource, ctx);
          for (const v of Array.isArray(out) ? out : [out]) record(v, resource);
        } catch (e) {
          record({ status: 'FAIL', reason: `check failed: ${errorMessage(e)}` }, resource);
          evaluated[evaluated.length - 1].finding.status = 'ERROR';
        }
      }
    } else {
      try {
        for (const v of check.evaluateGraph(ctx)) {
          if (!v.resource) throw new Error(`${check.id} returned a verdict without a resource`);
          record(v, v.resource);
        }
      } catch (e) {
        const anchor = graph.anchor();
        if (anchor) {
          record({ status: 'FAIL', reason: `check failed: ${errorMessage(e)}` }, anchor);
          evaluated[evaluated.length - 1].finding.status = 'ERROR';
        }
      }
    }
  }
  const warnings = applySuppressions(evaluated, graph, [...(config.suppressions ?? []), ...(opts.extraSuppressions ?? [])], {
    now: opts.now ?? new Date(),
    metadataSource: opts.metadataSource ?? 'metadata',
  });
  let resources: Map<Finding, Resource> | undefined;
  return {
    findings: evaluated.map((e) => e.finding),
    // Built when first asked for: a scan without configuration suppressions never needs it.
    get resources() {
      return (resources ??= new Map(evaluated.map((e) => [e.finding, e.resource])));
    },
    warnings,
  };
}
