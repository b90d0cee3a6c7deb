import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import { runPipeline } from '../engine/pipeline';
import { buildReport, type Report } from '../report/report';
import type { TestHooks } from '../sources/account/clients';
import { ALL_COLLECTORS } from '../sources/account/collectors';
import { SessionError } from '../sources/account/credentials';
import { parseRegions } from '../sources/account/regions';
import { collect, coverageWarnings, type Collected } from '../sources/account/runner';
import type { RegionImport } from '../sources/account/security-hub-import';
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

/** Ids of the checks a run evaluates against an account: those with a live side that the configuration leaves on. */
function liveChecksRun(config: LexscribeConfig | undefined): Set<string> {
  return new Set(ALL_CHECKS.filter((c) => c.sides.live && config?.checks?.[c.id]?.enabled !== false).map((c) => c.id));
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

/**
 * Collect the account, run the live checks and build the report (`mode: 'audit'`); with
 * `flags.securityHub`, import the findings into the account's Security Hub. The benchmark calls this directly.
 */
export async function auditAccount(flags: AuditFlags, opts: AuditRunOptions = {}): Promise<{ report: Report; stats: AuditStats; securityHub?: RegionImport[] }> {
  const startedAt = new Date();
  let regions: string[];
  try {
    regions = parseRegions(flags.region);
  } catch (e) {
    throw new UsageError(`--region: ${(e as Error).message}`);
  }
  const importer = flags.securityHub ? await import('../sources/account/security-hub-import') : undefined;
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
    // The one write, and only when asked for: every other call is still refused unless it is a read.
    writes: importer?.SECURITY_HUB_WRITES,
  });
  try {
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
    }
    const result = runPipeline([{ stacks: collected.stacks }], { checks: ALL_CHECKS, mode: 'live', config: opts.config, now: startedAt });
    const notes = session.notes.map((message) => ({ kind: 'coverage' as const, message }));
    const report = buildReport(result.findings, [...result.warnings, ...notes, ...coverageWarnings(collected)], 'audit', { verbose: opts.verbose, startedAt });
    const securityHub = importer
      ? await importer.importFindings(report, {
          pool: session.pool,
          account: session.account,
          partition: session.partition,
          home: session.regions[0],
          regions: session.regions,
          checks: liveChecksRun(opts.config),
          now: startedAt,
        })
      : undefined;
    return { report, stats: stats(collected, session, startedAt.getTime(), collectMs), ...(securityHub ? { securityHub } : {}) };
  } finally {
    session.pool.close();
  }
}

/** One line per Region, and one per finding Security Hub refused; true when everything was imported. */
function reportImport(imports: readonly RegionImport[], quiet: boolean): boolean {
  const say = (line: string) => process.stderr.write(`lexscribe: ${line}\n`);
  for (const r of imports) {
    if (!quiet) say(`Security Hub ${r.region}: ${r.imported} finding${r.imported === 1 ? '' : 's'} imported (${r.resolved} now passing, ${r.archived} archived)${r.failed.length > 0 ? `, ${r.failed.length} failed` : ''}`);
    for (const f of r.failed.slice(0, 20)) say(`Security Hub ${r.region}: not imported${f.id ? ` ${f.id}` : ''}: ${f.code}: ${f.message}`);
    if (r.failed.length > 20) say(`Security Hub ${r.region}: … and ${r.failed.length - 20} more not imported`);
  }
  return imports.every((r) => r.failed.length === 0);
}

/** `lexscribe audit`: returns the exit code. Reports and the gate are the same as `scan`'s. */
export async function runAudit(flags: AuditFlags & ReportFlags, targets: readonly RawTarget[]): Promise<number> {
  // The SDK's Node-version notice would be the only line on stderr of a clean run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    const run = await prepareRun(flags, targets);
    const { report, stats, securityHub } = await auditAccount(flags, { config: run.config, verbose: flags.verbose, progress: !flags.quiet });
    // ASFF of global services' findings (IAM, Organizations) names the first Region audited, as the import does.
    run.flags.asffRegion ??= stats.regions[0];
    const code = await finishRun(report, run);
    // The reports are written and the gate has spoken; an import that did not fully land is its own failure.
    if (securityHub && !reportImport(securityHub, !!flags.quiet)) return EXIT.DELIVERY;
    return code;
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof SessionError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}
