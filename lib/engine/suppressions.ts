import picomatch from 'picomatch';
import { MIN_REASON_LENGTH, type ConfigSuppression, type SuppressionRule } from '../config/types';
import type { Finding, RunWarning } from '../model/finding';
import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';

/** Where suppressions written into CloudFormation `Metadata` sit: `Metadata.lexscribe.suppressions`. */
export const METADATA_KEY = 'lexscribe';

export interface Evaluated {
  finding: Finding;
  resource: Resource;
}

interface Candidate {
  rule: SuppressionRule;
  source: 'metadata' | 'config' | 'cdk';
  used: boolean;
  label: string;
  resource?: Resource;
}

/** Suppressions in a `Metadata` object, or [] when there are none. */
export function metadataSuppressions(metadata: Readonly<Record<string, unknown>> | undefined): SuppressionRule[] {
  const block = metadata?.[METADATA_KEY] as { suppressions?: unknown } | undefined;
  return Array.isArray(block?.suppressions) ? (block.suppressions as SuppressionRule[]) : [];
}

/** The resource a suppression warning is about, so integrations can point at it (the CDK annotates it). */
function where(r: Resource | undefined): RunWarning['resource'] {
  return r && { type: r.type, logicalId: r.logicalId, stack: r.stack.name, constructPath: r.provenance.constructPath };
}

/** A glob compiled once per pattern and options: `picomatch.isMatch` compiles it again on every call. */
function compiled(cache: Map<string, (s: string) => boolean>, options: picomatch.PicomatchOptions): (pattern: string) => (s: string) => boolean {
  return (pattern) => {
    let test = cache.get(pattern);
    if (!test) {
      const matcher = picomatch(pattern, options);
      cache.set(pattern, (test = (s) => matcher(s)));
    }
    return test;
  };
}
const keyGlob = compiled(new Map(), { dot: true, bash: true, nocase: false });
const resourceGlob = compiled(new Map(), { dot: true });

function matchesKey(rule: SuppressionRule, key: string | undefined): boolean {
  if (!rule.appliesTo || rule.appliesTo.length === 0) return true;
  if (key === undefined) return false;
  return rule.appliesTo.some((p) => keyGlob(p)(key) || p === key);
}

function resourceNames(r: Resource): string[] {
  return [r.logicalId, `${r.stack.name}/${r.logicalId}`, r.provenance.constructPath, r.provenance.arn].filter((x): x is string => !!x);
}

function isExpired(rule: SuppressionRule, now: Date): boolean {
  if (!rule.expires) return false;
  const end = new Date(rule.expires);
  // An expiry date covers the whole day it names.
  return !Number.isNaN(end.getTime()) && end.getTime() + 86_400_000 <= now.getTime();
}

function invalid(rule: SuppressionRule): string | undefined {
  if (!rule || typeof rule.id !== 'string' || !rule.id) return 'has no check id';
  if (typeof rule.reason !== 'string' || rule.reason.trim().length < MIN_REASON_LENGTH) {
    return `needs a reason of at least ${MIN_REASON_LENGTH} characters`;
  }
  if (rule.expires !== undefined && Number.isNaN(new Date(rule.expires).getTime())) return `has an expiry that is not a date (${rule.expires})`;
  return undefined;
}

/**
 * Apply suppressions from resource metadata, template metadata and configuration to FAIL and UNKNOWN
 * findings. Invalid, expired and unused suppressions are returned as warnings, never dropped silently.
 */
export function applySuppressions(
  evaluated: Evaluated[],
  graph: ResourceGraph,
  config: ConfigSuppression[],
  opts: { now: Date; metadataSource: 'metadata' | 'cdk' },
): RunWarning[] {
  const warnings: RunWarning[] = [];
  const perResource = new Map<Resource, Candidate[]>();
  const stackWide = new Map<string, Candidate[]>();
  const fromConfig: Array<Candidate & { rule: ConfigSuppression }> = [];

  const accept = (rule: SuppressionRule, label: string, source: Candidate['source'], resource?: Resource): Candidate | undefined => {
    const problem = invalid(rule);
    if (problem) {
      warnings.push({ kind: 'suppression-invalid', checkId: rule?.id, message: `Suppression of ${rule?.id ?? '?'} on ${label} ${problem}; it is not applied.`, resource: where(resource) });
      return undefined;
    }
    if (isExpired(rule, opts.now)) {
      warnings.push({ kind: 'suppression-expired', checkId: rule.id, message: `Suppression of ${rule.id} on ${label} expired on ${rule.expires}; the finding is reported again.`, resource: where(resource) });
      return undefined;
    }
    return { rule, source, used: false, label, resource };
  };

  // Every evaluated resource, not only those with findings: a suppression put on the wrong resource must be reported.
  const collect = (resource: Resource) => {
    if (perResource.has(resource)) return;
    // A stack pseudo-resource carries the template metadata, whose suppressions are the stack-wide ones below.
    const isStack = resource.key === `${resource.stack.name}/`;
    const rules = isStack ? [] : metadataSuppressions(resource.metadata);
    const list = rules.length === 0 ? [] : rules.map((rule) => accept(rule, resource.provenance.constructPath ?? resource.key, opts.metadataSource, resource)).filter((c): c is Candidate => !!c);
    perResource.set(resource, list);
  };
  for (const e of evaluated) collect(e.resource);
  for (const r of graph.resources) if (graph.isEvaluated(r)) collect(r);
  for (const [stack, metadata] of graph.stackMetadata) {
    stackWide.set(
      stack,
      metadataSuppressions(metadata)
        .map((rule) => accept(rule, `stack ${stack}`, opts.metadataSource))
        .filter((c): c is Candidate => !!c),
    );
  }
  for (const rule of config) {
    const c = accept(rule, rule.resource ? `resources matching ${rule.resource}` : 'all resources', 'config');
    if (c) fromConfig.push(c as Candidate & { rule: ConfigSuppression });
  }

  // The first that applies, in this order: the resource's own, its stack's, the configuration's.
  const applies = (c: Candidate, finding: Finding) => c.rule.id === finding.checkId && matchesKey(c.rule, finding.findingKey);
  const covers = (c: Candidate & { rule: ConfigSuppression }, resource: Resource) => {
    if (!c.rule.resource) return true;
    const test = resourceGlob(c.rule.resource);
    return resourceNames(resource).some((n) => test(n));
  };
  const none = fromConfig.length === 0 && [...stackWide.values()].every((l) => l.length === 0) && [...perResource.values()].every((l) => l.length === 0);
  for (const { finding, resource } of none ? [] : evaluated) {
    if (finding.status !== 'FAIL' && finding.status !== 'UNKNOWN') continue;
    const hit =
      perResource.get(resource)?.find((c) => applies(c, finding)) ??
      stackWide.get(resource.stack.name)?.find((c) => applies(c, finding)) ??
      fromConfig.find((c) => applies(c, finding) && covers(c, resource));
    if (!hit) continue;
    hit.used = true;
    finding.suppression = { reason: hit.rule.reason, expires: hit.rule.expires, source: hit.source };
    finding.status = 'SUPPRESSED';
  }

  const unused = [...[...perResource.values()].flat(), ...[...stackWide.values()].flat(), ...fromConfig].filter((c) => !c.used);
  for (const c of unused) {
    warnings.push({
      kind: 'suppression-unused',
      checkId: c.rule.id,
      message: `Suppression of ${c.rule.id}${c.rule.appliesTo ? ` (${c.rule.appliesTo.join(', ')})` : ''} on ${c.label} matched no finding; remove it.`,
      resource: where(c.resource),
    });
  }
  return warnings;
}
