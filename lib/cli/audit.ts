import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import { runPipeline } from '../engine/pipeline';
import { buildReport, type Report } from '../report/report';
import type { TestHooks } from '../sources/account/clients';
import { ALL_COLLECTORS } from '../sources/account/collectors';
import { SessionError } from '../sources/account/credentials';
import { parseRegions } from '../sources/account/regions';
import { collect, coverageWarnings, type Collected } from '../sources/account/runner';
import { openSession } from '../sources/account/session';
import type { AuditFlags } from './audit-command';
import { terminalProgress } from './audit-progress';
import { EXIT } from './exit';
import { finishRun, prepareRun, UsageError, type RawTarget, type ReportFlags } from './report-options';

/**
 * Test-only: a module that adapts requests to an emulator's quirks and records the commands sent
 * (see `TestHooks`). Loaded only when this variable is set; nothing in the product sets it.
 */
export const TEST_HOOKS_ENV = 'LEXSCRIBE_TEST_REQUEST_HANDLER';

async function testHooks(): Promise<TestHooks | undefined> {
  const path = process.env[TEST_HOOKS_ENV];
  return path ? ((await import(path)) as TestHooks) : undefined;
}

export interface AuditStats {
  account: string;
  regions: string[];
  resources: number;
  /** Calls collectors made, and HTTP requests sent (retries included). */
  calls: number;
  requests: number;
  /** Requests in flight on average while collecting (at most the concurrency). */
  meanInFlight: number;
  failedCalls: number;
  durationMs: number;
}

export interface AuditRunOptions {
  config?: LexscribeConfig;
  verbose?: boolean;
  /** Show the progress bars (only ever drawn on a terminal). */
  progress?: boolean;
}

function stats(collected: Collected, session: { account: string; regions: string[]; pool: { requests: number; requestMs: number } }, started: number, collectMs: number): AuditStats {
  return {
    account: session.account,
    regions: session.regions,
    resources: collected.resources,
    calls: collected.calls,
    requests: session.pool.requests,
    meanInFlight: session.pool.requestMs / Math.max(1, collectMs),
    failedCalls: collected.failures.filter((f) => f.failure.kind !== 'not-found').length,
    durationMs: Date.now() - started,
  };
}

/** Collect the account, run the live checks and build the report (`mode: 'audit'`); the benchmark calls this directly. */
export async function auditAccount(flags: AuditFlags, opts: AuditRunOptions = {}): Promise<{ report: Report; stats: AuditStats }> {
  const startedAt = new Date();
  let regions: string[];
  try {
    regions = parseRegions(flags.region);
  } catch (e) {
    throw new UsageError(`--region: ${(e as Error).message}`);
  }
  const session = await openSession({
    profile: flags.profile,
    regions,
    allRegions: !!flags.allRegions,
    roleArn: flags.roleArn,
    externalId: flags.externalId,
    endpoint: flags.endpointUrl,
    maxAttempts: flags.maxAttempts,
    requestTimeoutMs: flags.timeout * 1000,
    concurrency: flags.concurrency,
    hooks: await testHooks(),
  });
  const progress = opts.progress ? await terminalProgress(process.stderr) : undefined;
  let collected: Collected;
  const collectStart = Date.now();
  let collectMs = 0;
  try {
    collected = await collect({
      account: session.account,
      partition: session.partition,
      regions: session.regions,
      collectors: ALL_COLLECTORS,
      pool: session.pool,
      concurrency: flags.concurrency,
      since: flags.since === undefined ? undefined : new Date(Date.now() - flags.since * 86_400_000),
      progress,
    });
  } finally {
    collectMs = Date.now() - collectStart;
    progress?.stop();
    session.pool.close();
  }
  const result = runPipeline([{ stacks: collected.stacks }], { checks: ALL_CHECKS, mode: 'live', config: opts.config, now: startedAt });
  const notes = session.notes.map((message) => ({ kind: 'coverage' as const, message }));
  const report = buildReport(result.findings, [...result.warnings, ...notes, ...coverageWarnings(collected)], 'audit', { verbose: opts.verbose, startedAt });
  return { report, stats: stats(collected, session, startedAt.getTime(), collectMs) };
}

/** `lexscribe audit`: returns the exit code. Reports and the gate are the same as `scan`'s. */
export async function runAudit(flags: AuditFlags & ReportFlags, targets: readonly RawTarget[]): Promise<number> {
  // The SDK's Node-version notice would be the only line on stderr of a clean run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    const run = await prepareRun(flags, targets);
    const { report } = await auditAccount(flags, { config: run.config, verbose: flags.verbose, progress: !flags.quiet });
    return await finishRun(report, run);
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof SessionError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}
