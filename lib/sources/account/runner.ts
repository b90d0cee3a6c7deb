import type { RunWarning } from '../../model/finding';
import type { StackInput, StackInfo } from '../../model/resource';
import type { ClientPool } from './clients';
import { CallFailure, type AwsOperation, type Collector, type CollectorContext, type LiveResource } from './collector';
import { classify } from './failure';
import { Limiter } from './limiter';
import { operationName } from './operations';

/** What a progress display is told as the run goes. */
export interface ProgressListener {
  /** Before any collector runs: how many collectors each scope (`us-east-1`, `global`) will run. */
  planned(scopes: ReadonlyArray<{ scope: string; collectors: number }>): void;
  /** One collector finished in a scope, having emitted `resources`. */
  collected(scope: string, collector: string, resources: number): void;
}

export interface CollectOptions {
  account: string;
  partition: string;
  regions: readonly string[];
  collectors: readonly Collector[];
  pool: ClientPool;
  /** Collectors running at once. */
  concurrency: number;
  progress?: ProgressListener;
  /** Start of the look-back window (`CollectorContext.since`); default `DEFAULT_SINCE_DAYS` before the run. */
  since?: Date;
}

/** Transcribe keeps job records ~90 days and CloudTrail event history covers 90 days. */
export const DEFAULT_SINCE_DAYS = 90;

/** A failed call, where it happened. */
export interface FailedCall {
  scope: string;
  failure: CallFailure;
}

export interface Collected {
  /** One per Region (`<account>/<region>`), and `<account>/global` for global services. */
  stacks: StackInput[];
  failures: FailedCall[];
  /** Calls collectors made through `ctx.call` (HTTP requests, retries included, are `pool.requests`). */
  calls: number;
  resources: number;
}

export const GLOBAL_SCOPE = 'global';

interface Scope {
  info: StackInfo;
  resources: LiveResource[];
  gaps: Array<{ types: readonly string[]; reason: string }>;
  logicalIds: Set<string>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const DIGITS_OR_NOT = /\d+|\D+/g;

/**
 * `job-2` before `job-10`: digit runs compare as numbers, the rest by code unit (no locale, so the
 * order is the same on every machine).
 */
export function naturalCompare(a: string, b: string): number {
  const x = a.match(DIGITS_OR_NOT) ?? [];
  const y = b.match(DIGITS_OR_NOT) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i], y[i]];
    if (p === q) continue;
    const numeric = p.charCodeAt(0) <= 57 && p.charCodeAt(0) >= 48 && q.charCodeAt(0) <= 57 && q.charCodeAt(0) >= 48;
    if (numeric) {
      const [u, v] = [p.replace(/^0+/, ''), q.replace(/^0+/, '')];
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
      if (p.length !== q.length) return p.length - q.length;
      continue;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Run every collector in every Region (global ones once) and gather what they found into one
 * StackInput per scope. Nothing a collector throws escapes: it becomes a gap for the types it emits,
 * and what it had emitted before is kept.
 */
export async function collect(opts: CollectOptions): Promise<Collected> {
  const scopes = new Map<string, Scope>();
  const scope = (name: string): Scope => {
    let s = scopes.get(name);
    if (!s) {
      scopes.set(name, (s = { info: { name: `${opts.account}/${name}`, account: opts.account, region: name }, resources: [], gaps: [], logicalIds: new Set() }));
    }
    return s;
  };
  const since = opts.since ?? new Date(Date.now() - DEFAULT_SINCE_DAYS * 86_400_000);
  const home = opts.regions[0];
  const regional = opts.collectors.filter((c) => !c.global);
  const global = opts.collectors.filter((c) => c.global);
  const tasks: Array<{ scope: string; region: string; collector: Collector }> = [
    ...global.map((collector) => ({ scope: GLOBAL_SCOPE, region: home, collector })),
    ...opts.regions.flatMap((region) => regional.map((collector) => ({ scope: region, region, collector }))),
  ];
  for (const region of opts.regions) scope(region);
  if (global.length > 0) scope(GLOBAL_SCOPE);
  opts.progress?.planned([...scopes.keys()].map((s) => ({ scope: s, collectors: tasks.filter((t) => t.scope === s).length })));

  const failures: FailedCall[] = [];
  let calls = 0;
  let resources = 0;
  const run = async (task: (typeof tasks)[number]) => {
    const target = scope(task.scope);
    let emitted = 0;
    const ctx: CollectorContext = {
      account: opts.account,
      region: task.region,
      partition: opts.partition,
      since,
      client: (ctor, region) => opts.pool.get(ctor, region ?? task.region),
      call: async <T>(op: AwsOperation, send: () => Promise<T>): Promise<T | CallFailure> => {
        calls++;
        try {
          return await send();
        } catch (e) {
          const failure = classify(op, e, task.region);
          failures.push({ scope: task.scope, failure });
          return failure;
        }
      },
      emit: (resource) => {
        // Two collectors describing the same resource would make the graph keep only one silently.
        if (target.logicalIds.has(resource.logicalId)) return;
        target.logicalIds.add(resource.logicalId);
        target.resources.push(resource);
        emitted++;
        resources++;
      },
      gap: (types, reason) => {
        target.gaps.push({ types: [...types], reason });
      },
    };
    try {
      await task.collector.collect(ctx);
    } catch (e) {
      target.gaps.push({ types: task.collector.emits, reason: `collector ${task.collector.name} stopped: ${message(e)}` });
    }
    opts.progress?.collected(task.scope, task.collector.name, emitted);
  };
  await new Limiter(opts.concurrency).map(tasks, run);

  // Collectors emit as answers arrive, in an order that depends on the service's timing; checks that
  // name one of several referrers name the first in the graph. Ordered by id, the report is the same
  // whatever the timing and the concurrency.
  for (const s of scopes.values()) s.resources.sort((a, b) => naturalCompare(a.logicalId, b.logicalId));
  const stacks: StackInput[] = [...scopes.values()].map((s) => ({ stack: s.info, resources: s.resources, gaps: s.gaps }));
  return { stacks, failures, calls, resources };
}

/**
 * What could not be evaluated, for the end of the report: every gap, and the calls that failed
 * (grouped by scope, operation and kind). A "not found" is an answer, not a failure.
 *
 * With `account` (a multi-account audit), each call failure names its scope as `<account>/<region>`,
 * every warning carries the account and Region it is about (`resource`), and they are sorted, so
 * that a report (and a merge of shard reports) lists them the same way whatever order calls failed in.
 */
export function coverageWarnings(collected: Collected, opts: { account?: string } = {}): RunWarning[] {
  const warnings: RunWarning[] = [];
  const byMessage = (a: RunWarning, b: RunWarning) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
  const about = (region: string | undefined): Pick<RunWarning, 'resource'> => (opts.account ? { resource: { type: 'AWS::Region', account: opts.account, region } } : {});
  for (const stack of collected.stacks) {
    for (const gap of stack.gaps ?? []) {
      warnings.push({ kind: 'coverage', message: `${gap.types.join(', ')} not evaluated in ${stack.stack.name}: ${gap.reason}`, ...about(stack.stack.region) });
    }
  }
  // Gaps and failed calls come in the order collectors met them, which depends on the service's timing.
  warnings.sort(byMessage);
  const gapCount = warnings.length;
  // A failed List already stands as its gap; the failed calls listed next are the ones that left Unknown values.
  const gapReasons = new Set(collected.stacks.flatMap((s) => (s.gaps ?? []).map((g) => `${s.stack.region}|${g.reason}`)));
  const groups = new Map<string, { scope: string; failure: CallFailure; count: number }>();
  for (const f of collected.failures) {
    if (f.failure.kind === 'not-found' || gapReasons.has(`${f.scope}|${f.failure.reason}`)) continue;
    const key = `${f.scope}|${operationName(f.failure.op)}|${f.failure.kind}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { scope: f.scope, failure: f.failure, count: 1 });
  }
  for (const g of groups.values()) {
    const times = g.count === 1 ? '' : ` (${g.count} calls)`;
    const scope = opts.account ? `${opts.account}/${g.scope}` : g.scope;
    warnings.push({ kind: 'coverage', message: `${scope}: ${g.failure.reason}${times}; what it would have read is UNKNOWN`, ...about(g.scope) });
  }
  if (opts.account) return warnings.sort(byMessage);
  return [...warnings.slice(0, gapCount), ...warnings.slice(gapCount).sort(byMessage)];
}
