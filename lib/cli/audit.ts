import { ALL_CHECKS } from '../../checks';
import { readConfigFile, ConfigError } from '../config/file';
import type { LexscribeConfig } from '../config/types';
import { runChecks } from '../engine/run';
import { ResourceGraph } from '../model/graph';
import { renderReport, FORMATS, type Format } from '../report/render';
import { buildReport, type Report } from '../report/report';
import type { TestHooks } from '../sources/account/clients';
import { ALL_COLLECTORS } from '../sources/account/collectors';
import { CredentialsError } from '../sources/account/credentials';
import { parseRegions } from '../sources/account/regions';
import { collect, coverageWarnings } from '../sources/account/runner';
import { openSession } from '../sources/account/session';
import type { AuditFlags } from './audit-command';
import { terminalProgress } from './audit-progress';
import { EXIT } from './exit';
import { writeFileSync } from 'node:fs';

/** Test-only: a module that adapts requests to an emulator and records commands. Never set in production. */
export const TEST_HOOKS_ENV = 'LEXSCRIBE_TEST_REQUEST_HANDLER';

async function testHooks(): Promise<TestHooks | undefined> {
  const path = process.env[TEST_HOOKS_ENV];
  if (!path) return undefined;
  return (await import(path)) as TestHooks;
}

function fail(message: string): number {
  console.error(`lexscribe: ${message}`);
  return EXIT.USAGE;
}

export interface AuditStats {
  account: string;
  regions: string[];
  resources: number;
  /** HTTP requests, retries included. */
  requests: number;
  failedCalls: number;
  durationMs: number;
}

/** Collect, evaluate and build the report; exported for the benchmark, which measures this without the CLI. */
export async function auditAccount(flags: AuditFlags, config: LexscribeConfig, opts: { verbose?: boolean; progress?: boolean } = {}): Promise<{ report: Report; stats: AuditStats }> {
  const startedAt = new Date();
  const session = await openSession({
    profile: flags.profile,
    regions: parseRegions(flags.region),
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
  let collected;
  try {
    collected = await collect({
      account: session.account,
      partition: session.partition,
      regions: session.regions,
      collectors: ALL_COLLECTORS,
      pool: session.pool,
      concurrency: flags.concurrency,
      progress,
    });
  } finally {
    progress?.stop();
    session.pool.close();
  }
  const graph = new ResourceGraph(collected.stacks);
  const result = runChecks(graph, { checks: ALL_CHECKS, mode: 'live', config });
  const notes = session.notes.map((message) => ({ kind: 'coverage' as const, message }));
  const report = buildReport(result.findings, [...result.warnings, ...notes, ...coverageWarnings(collected)], 'audit', { verbose: opts.verbose, startedAt });
  return {
    report,
    stats: {
      account: session.account,
      regions: session.regions,
      resources: collected.resources,
      requests: session.pool.requests,
      failedCalls: collected.failures.filter((f) => f.failure.kind !== 'not-found').length,
      durationMs: Date.now() - startedAt.getTime(),
    },
  };
}

export async function runAudit(flags: AuditFlags & { format: string; output?: string; config?: string; verbose?: boolean }): Promise<number> {
  // The SDK warns about Node versions on stderr; the audit's stderr is for the user.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (!(FORMATS as readonly string[]).includes(flags.format)) return fail(`unknown format "${flags.format}" (one of ${FORMATS.join(', ')})`);
  let config: LexscribeConfig = {};
  try {
    if (flags.config) config = readConfigFile(flags.config);
    const { report } = await auditAccount(flags, config, { verbose: flags.verbose, progress: !flags.quiet });
    const text = renderReport(report, flags.format as Format, { color: !flags.output && process.stdout.isTTY, verbose: flags.verbose });
    if (flags.output) writeFileSync(flags.output, text);
    else process.stdout.write(text);
    return report.summary.byStatus.FAIL > 0 || report.summary.byStatus.ERROR > 0 ? EXIT.GATE : EXIT.OK;
  } catch (e) {
    if (e instanceof CredentialsError || e instanceof ConfigError) return fail(e.message);
    if (e instanceof Error && /Region name|concurrency/.test(e.message)) return fail(e.message);
    throw e;
  }
}
