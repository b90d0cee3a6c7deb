import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { auditAccount } from '../lib/cli/audit';
import { raiseInterruptBudget } from '../lib/cli/tiering';
import { extraRequests, sentRequests } from '../test/integration/moto-adapter';

/**
 * One audit of the benchmark (bench/audit.ts), in a process of its own so that its CPU time and peak
 * memory are the audit's alone, start-up included, as a `lexscribe audit` run pays them:
 * `node audit-child.js URL [keep]` prints an `AuditRun` as JSON; with LEXSCRIBE_BENCH_RECORD=FILE, it writes
 * every request it sent to moto there too (recorded as they are sent: an array push each).
 */
export interface AuditRun {
  resources: number;
  /** The audit's HTTP requests, plus those the test adapter sent to bridge moto's alias listing (they reach moto too). */
  requests: number;
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  meanInFlight: number;
  /** sha256 of the JSON report without `startedAt`: the runs of one size must agree. */
  digest: string;
  report?: string;
}

async function main(url: string, keepReport: boolean): Promise<void> {
  // As `lexscribe audit` runs (bin/lexscribe.ts).
  raiseInterruptBudget();
  // One attempt per call: moto answers operations it lacks with HTTP 500, which the SDK would retry.
  const { report, stats } = await auditAccount({ region: ['us-east-1'], endpointUrl: url, concurrency: Number(process.env.LEXSCRIBE_BENCH_CONCURRENCY ?? 8), maxAttempts: 1, timeout: 60 });
  const used = process.cpuUsage();
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const text = JSON.stringify({ ...report, startedAt: undefined }, null, 2);
  const run: AuditRun = {
    resources: stats.resources,
    requests: stats.requests + extraRequests(),
    wallMs: stats.durationMs,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMiB,
    meanInFlight: stats.meanInFlight,
    digest: createHash('sha256').update(text).digest('hex').slice(0, 12),
    ...(keepReport ? { report: text } : {}),
  };
  // After the measures: the requests the audit sent, for the benchmark to send again (LEXSCRIBE_BENCH_RECORD names the file).
  const record = process.env.LEXSCRIBE_BENCH_RECORD;
  if (record) writeFileSync(record, JSON.stringify(sentRequests()));
  process.stdout.write(JSON.stringify(run));
}

main(process.argv[2], process.argv[3] === 'keep').catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
