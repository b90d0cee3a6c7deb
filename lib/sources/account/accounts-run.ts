import type { StackInput } from '../../model/resource';
import type { Collector } from './collector';
import { Limiter } from './limiter';
import { AssumeRoleError } from './organization';
import { collect, GLOBAL_SCOPE, type Collected, type ProgressListener } from './runner';
import { openAccountSession, type AccountSessionOptions, type AccountTarget, type Session } from './session';

/** How one account of the run went. */
export type AccountStatus = 'complete' | 'partial' | 'unreadable';

export interface AccountAudit {
  target: AccountTarget;
  /** complete: every call answered; partial: some calls failed (their data is UNKNOWN); unreadable: nothing could be read. */
  status: AccountStatus;
  /** Why nothing could be read (unreadable): the role could not be assumed, the session could not be opened. */
  reason?: string;
  /** Who read it (the assumed role's session, or the caller). */
  principal?: string;
  regions: string[];
  /** What the pipeline evaluates for this account: one stack per Region and one for global services. */
  stacks: StackInput[];
  collected?: Collected;
  notes: string[];
  /** HTTP requests sent for this account (retries included), and their time in flight summed. */
  requests: number;
  requestMs: number;
  /** Wall time of the account, from assuming its role to its last collector. */
  durationMs: number;
}

/** What a progress display is told about accounts. */
export interface AccountProgress {
  /** Before any account starts: how many there are. */
  planned(accounts: number): void;
  /** An account starts; the listener returned, if any, follows its Regions' collectors. */
  started(target: AccountTarget): ProgressListener | undefined;
  finished(audit: AccountAudit): void;
}

export interface AccountsRunOptions extends AccountSessionOptions {
  collectors: readonly Collector[];
  /** Accounts audited at once; each has its own request limit (`concurrency`). */
  accountConcurrency: number;
  since?: Date;
  progress?: AccountProgress;
  /** Read the one target with the caller's own session (a single-account audit) instead of opening another. */
  reuseCaller?: boolean;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * An account that could not be read at all: every type every collector emits is a gap, in each Region
 * it would have been audited in and in its global scope, so each check says UNKNOWN there with the
 * reason, once per Region, and nothing passes or fails.
 */
export function unreadableStacks(account: string, regions: readonly string[], collectors: readonly Collector[], reason: string): StackInput[] {
  const regional = [...new Set(collectors.filter((c) => !c.global).flatMap((c) => c.emits))];
  const global = [...new Set(collectors.filter((c) => c.global).flatMap((c) => c.emits))];
  const stack = (region: string, types: string[]): StackInput => ({ stack: { name: `${account}/${region}`, account, region }, resources: [], gaps: [{ types, reason }] });
  return [...(global.length > 0 ? [stack(GLOBAL_SCOPE, global)] : []), ...regions.map((r) => stack(r, regional))];
}

/**
 * Audit accounts, `accountConcurrency` at a time, each with its own role, client pool and Regions,
 * and hand each one to `done` as it finishes (in the order they finish). A fault stays in its account:
 * a role that cannot be assumed makes that account unreadable, a denied service leaves gaps in that
 * account only, and the others go on.
 */
export async function auditAccounts(caller: Session, targets: readonly AccountTarget[], opts: AccountsRunOptions, done: (audit: AccountAudit) => void): Promise<void> {
  opts.progress?.planned(targets.length);
  const fallbackRegions = opts.regions.length > 0 ? [...opts.regions] : caller.regions;
  const one = async (target: AccountTarget): Promise<void> => {
    const start = Date.now();
    let session: Session;
    try {
      session = opts.reuseCaller ? caller : await openAccountSession(caller, target, opts);
    } catch (e) {
      const reason = e instanceof AssumeRoleError ? e.message : `cannot open a session: ${message(e)}`;
      const audit: AccountAudit = {
        target,
        status: 'unreadable',
        reason,
        regions: fallbackRegions,
        stacks: unreadableStacks(target.id, fallbackRegions, opts.collectors, `the account could not be read: ${reason}`),
        notes: [],
        requests: 0,
        requestMs: 0,
        durationMs: Date.now() - start,
      };
      opts.progress?.finished(audit);
      done(audit);
      return;
    }
    const listener = opts.progress?.started(target);
    let collected: Collected;
    const requestsBefore = session.pool.requests;
    const msBefore = session.pool.requestMs;
    try {
      collected = await collect({
        account: session.account,
        partition: session.partition,
        regions: session.regions,
        collectors: opts.collectors,
        pool: session.pool,
        concurrency: opts.concurrency,
        since: opts.since,
        progress: listener,
      });
    } finally {
      if (!opts.reuseCaller) session.pool.close();
    }
    const failed = collected.failures.some((f) => f.failure.kind !== 'not-found') || collected.stacks.some((s) => (s.gaps ?? []).length > 0);
    const audit: AccountAudit = {
      target,
      status: failed ? 'partial' : 'complete',
      principal: session.principal,
      regions: session.regions,
      stacks: collected.stacks,
      collected,
      notes: opts.reuseCaller ? [] : session.notes,
      requests: session.pool.requests - requestsBefore,
      requestMs: session.pool.requestMs - msBefore,
      durationMs: Date.now() - start,
    };
    opts.progress?.finished(audit);
    done(audit);
  };
  await new Limiter(opts.accountConcurrency).map(targets, one);
}
