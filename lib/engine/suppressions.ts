import picomatch from 'picomatch';
import { isoDate } from '../config/dates';
import { MIN_REASON_LENGTH, type ConfigSuppression, type SuppressionRule } from '../config/types';
import type { Finding, FindingSuppression, RunWarning } from '../model/finding';
import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';

/** Where suppressions written into CloudFormation `Metadata` sit: `Metadata.lexscribe.suppressions`. */
export const METADATA_KEY = 'lexscribe';

export interface Evaluated {
  finding: Finding;
  resource: Resource;
}

/**
 * One suppression as written, wherever it was read: the rules the CDK helper wrote on several
 * resources in one call (`applyToChildren`, a path glob) share one, so that it is used when any of
 * them suppresses something, and reported once when none does.
 */
interface Candidate {
  rule: SuppressionRule;
  source: FindingSuppression['source'];
  used: boolean;
  label: string;
  resource?: Resource;
}

/** What a resource without suppressions has: shared, never changed. */
const NONE: Candidate[] = [];

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
  // Absent: every finding of the check. Present, it lists the keys: an empty list names none.
  if (rule.appliesTo === undefined) return true;
  if (key === undefined) return false;
  return rule.appliesTo.some((p) => keyGlob(p)(key) || p === key);
}

/** Every name a configuration `resource` glob may match: logical id, `stack/logicalId`, construct path, ARN. */
function resourceNames(r: Resource): string[] {
  return [r.logicalId, `${r.stack.name}/${r.logicalId}`, r.provenance.constructPath, r.provenance.arn].filter((x): x is string => !!x);
}

function isExpired(rule: SuppressionRule, now: Date): boolean {
  const end = isoDate(rule.expires);
  // An expiry date covers the whole day it names.
  return end !== undefined && end + 86_400_000 <= now.getTime();
}

function invalid(rule: SuppressionRule): string | undefined {
  if (!rule || typeof rule.id !== 'string' || !rule.id) return 'has no check id';
  if (typeof rule.reason !== 'string' || rule.reason.trim().length < MIN_REASON_LENGTH) {
    return `needs a reason of at least ${MIN_REASON_LENGTH} characters`;
  }
  if (rule.expires !== undefined && isoDate(rule.expires) === undefined) return `has an expiry that is not a date (${rule.expires})`;
  if (rule.appliesTo !== undefined && (!Array.isArray(rule.appliesTo) || rule.appliesTo.length === 0 || rule.appliesTo.some((k) => typeof k !== 'string' || k === ''))) {
    return 'has an appliesTo that is not a non-empty list of finding keys';
  }
  return undefined;
}

/** Metadata rules the CDK helper wrote say so; others were written by hand into the template. */
function metadataSource(rule: SuppressionRule): FindingSuppression['source'] {
  return rule?.origin === 'cdk' ? 'cdk' : 'metadata';
}

/**
 * The suppressions of one run, over every app it evaluates: resource metadata, template (stack)
 * metadata and configuration, applied to FAIL and UNKNOWN findings. Invalid and expired suppressions
 * are reported once each; whether one was used is decided at the end, over everything the run saw.
 */
export class Suppressions {
  /** Warnings about metadata suppressions, which belong to one app each: decided as each app is applied. */
  private readonly appWarnings: RunWarning[] = [];
  private readonly configWarnings: RunWarning[] = [];
  private readonly fromConfig: Array<Candidate & { rule: ConfigSuppression }> = [];
  /** Metadata candidates by the place they were written: one per resource, stack, or CDK helper call. */
  private readonly written = new Map<string, Candidate>();
  private readonly all: Candidate[] = [];

  constructor(
    config: readonly ConfigSuppression[],
    private readonly now: Date,
  ) {
    for (const rule of config) {
      const c = this.accept(`config|${this.fromConfig.length}`, rule, rule.resource ? `resources matching ${rule.resource}` : 'all resources', 'config');
      if (c) this.fromConfig.push(c as Candidate & { rule: ConfigSuppression });
    }
  }

  private accept(place: string, rule: SuppressionRule, label: string, source: Candidate['source'], resource?: Resource): Candidate | undefined {
    const seen = this.written.get(place);
    if (seen !== undefined) return seen;
    const problem = invalid(rule);
    const expired = !problem && isExpired(rule, this.now);
    const warnings = source === 'config' ? this.configWarnings : this.appWarnings;
    if (problem) {
      warnings.push({ kind: 'suppression-invalid', checkId: rule?.id || undefined, message: `Suppression of ${rule?.id || '?'} on ${label} ${problem}; it is not applied.`, resource: where(resource) });
    } else if (expired) {
      warnings.push({ kind: 'suppression-expired', checkId: rule.id, message: `Suppression of ${rule.id} on ${label} expired on ${rule.expires}; the finding is reported again.`, resource: where(resource) });
    }
    const candidate = problem || expired ? undefined : { rule, source, used: false, label, resource };
    if (candidate) this.all.push(candidate);
    this.written.set(place, candidate as Candidate);
    return candidate;
  }

  /** Candidates written on a resource, merged with the other resources of the same CDK helper call. */
  private ofResource(resource: Resource): Candidate[] {
    const isStack = resource.key === `${resource.stack.name}/`;
    // A stack pseudo-resource carries the template metadata, whose suppressions are the stack-wide ones.
    if (isStack) return [];
    const rules = metadataSuppressions(resource.metadata);
    // Most resources carry none: no label, no arrays.
    if (rules.length === 0) return NONE;
    const label = resource.provenance.constructPath ?? resource.key;
    return rules
      .map((rule, i) => {
        const group = typeof rule?.scope === 'string' ? rule.scope : undefined;
        const place = group ? `group|${resource.stack.name}|${group}|${rule.id}|${JSON.stringify(rule.appliesTo ?? null)}` : `resource|${resource.key}|${i}`;
        return this.accept(place, rule, group ?? label, metadataSource(rule), resource);
      })
      .filter((c): c is Candidate => !!c);
  }

  private ofStack(graph: ResourceGraph, stack: string): Candidate[] {
    return metadataSuppressions(graph.stackMetadata.get(stack))
      .map((rule, i) => this.accept(`stack|${stack}|${i}`, rule, `stack ${stack}`, metadataSource(rule), graph.stackResource(graph.stacks.find((s) => s.name === stack)!)))
      .filter((c): c is Candidate => !!c);
  }

  /**
   * Apply to one app's findings: the first that applies wins, in this order: the resource's own, its
   * stack's, the configuration's. Every evaluated resource is read, not only those with findings: a
   * suppression put on the wrong resource must be reported.
   *
   * Returns the warnings about this app's own (metadata) suppressions: invalid, expired, or unused,
   * which nothing outside the app can change. Those about configuration come from `finish`.
   */
  apply(evaluated: readonly Evaluated[], graph: ResourceGraph): RunWarning[] {
    const before = this.appWarnings.length;
    const known = this.all.length;
    const perResource = new Map<Resource, Candidate[]>();
    const collect = (r: Resource) => {
      if (!perResource.has(r)) perResource.set(r, this.ofResource(r));
    };
    for (const e of evaluated) collect(e.resource);
    for (const r of graph.resources) if (graph.isEvaluated(r)) collect(r);
    const perStack = new Map<string, Candidate[]>();
    for (const stack of graph.stackMetadata.keys()) if (graph.isEvaluatedStack(stack)) perStack.set(stack, this.ofStack(graph, stack));

    const none = this.fromConfig.length === 0 && [...perStack.values()].every((l) => l.length === 0) && [...perResource.values()].every((l) => l.length === 0);
    if (none) return this.appWarnings.slice(before);
    const applies = (c: Candidate, finding: Finding) => c.rule.id === finding.checkId && matchesKey(c.rule, finding.findingKey);
    const covers = (c: Candidate & { rule: ConfigSuppression }, resource: Resource) => {
      if (!c.rule.resource) return true;
      const test = resourceGlob(c.rule.resource);
      return resourceNames(resource).some((n) => test(n));
    };
    for (const { finding, resource } of evaluated) {
      if (finding.status !== 'FAIL' && finding.status !== 'UNKNOWN') continue;
      const hit =
        perResource.get(resource)?.find((c) => applies(c, finding)) ??
        perStack.get(resource.stack.name)?.find((c) => applies(c, finding)) ??
        this.fromConfig.find((c) => applies(c, finding) && covers(c, resource));
      if (!hit) continue;
      hit.used = true;
      finding.suppression = { reason: hit.rule.reason, ...(hit.rule.expires ? { expires: hit.rule.expires } : {}), source: hit.source };
      finding.status = 'SUPPRESSED';
    }
    const unused = this.all.slice(known).filter((c) => c.source !== 'config' && !c.used).map(unusedWarning);
    this.appWarnings.push(...unused);
    return this.appWarnings.slice(before);
  }

  /** The run's suppression warnings: every app's, then the configuration's (invalid, expired, used nowhere). */
  finish(): RunWarning[] {
    return [...this.appWarnings, ...this.configWarnings, ...this.fromConfig.filter((c) => !c.used).map(unusedWarning)];
  }
}

function unusedWarning(c: Candidate): RunWarning {
  return {
    kind: 'suppression-unused',
    checkId: c.rule.id,
    message: `Suppression of ${c.rule.id}${c.rule.appliesTo ? ` (${c.rule.appliesTo.join(', ')})` : ''} on ${c.label} matched no finding; remove it.`,
    resource: where(c.resource),
  };
}
