import type { RunWarning } from '../model/finding';
import { buildReport, compareAuditFindings, type AccountInfo, type AccountSummary, type Report, type ReportScope } from '../report/report';
import { parseReportFile, readJsonFile, ReportReadError } from '../report/read';
import { isReport } from '../report/shape';
import { shardOf } from '../sources/account/accounts';
import { EXIT } from './exit';
import { finishRun, prepareRun, UsageError, type RawTarget, type ReportFlags } from './report-options';

/** One report given to `lexscribe merge`, and the file it came from. */
export interface MergeInput {
  source: string;
  report: Report;
}

export interface Merged {
  report: Report;
  /** Shards that are missing: the report was still made, but the run exits 2. */
  missing: string[];
}

/** Reports that cannot be merged (exit 2, nothing written); the message names the files. */
export class MergeError extends Error {}

function shardOfReport(r: Report): string | undefined {
  const s = r.scope?.shard;
  return s ? `${s.index}/${s.count}` : undefined;
}

function check(inputs: readonly MergeInput[]): void {
  if (inputs.length === 0) throw new MergeError('no report to merge');
  for (const { source, report } of inputs) {
    if (report?.tool !== 'lexscribe' || !Array.isArray(report.findings) || !Array.isArray(report.warnings)) throw new MergeError(`${source} is not a lexscribe JSON report (write one with -f json)`);
    if (report.mode !== 'audit') throw new MergeError(`${source} is a report of lexscribe ${report.mode}, not of lexscribe audit: only audit reports are merged`);
    if (!report.accounts) throw new MergeError(`${source} has no account table: it was written by a lexscribe older than merge`);
  }
  const sharded = inputs.filter((i) => i.report.scope?.shard);
  if (sharded.length > 0 && sharded.length < inputs.length) {
    const plain = inputs.find((i) => !i.report.scope?.shard)!;
    throw new MergeError(`${plain.source} is not a shard report but ${sharded[0].source} is (shard ${shardOfReport(sharded[0].report)}): merge the shards of one run, or whole reports`);
  }
  const orgs = [...new Set(inputs.map((i) => i.report.scope?.organization).filter(Boolean))];
  if (orgs.length > 1) throw new MergeError(`the reports audit different organizations (${orgs.join(', ')})`);
  const counts = [...new Set(sharded.map((i) => i.report.scope!.shard!.count))];
  if (counts.length > 1) {
    throw new MergeError(`the shard reports split the accounts differently: ${sharded.map((i) => `${i.source} is shard ${shardOfReport(i.report)}`).join(', ')}`);
  }
  const byShard = new Map<number, string>();
  for (const i of sharded) {
    const index = i.report.scope!.shard!.index;
    const seen = byShard.get(index);
    if (seen) throw new MergeError(`shard ${shardOfReport(i.report)} is given twice: ${seen} and ${i.source}`);
    byShard.set(index, i.source);
  }
  const byAccount = new Map<string, string>();
  for (const { source, report } of inputs) {
    for (const a of report.accounts!) {
      const seen = byAccount.get(a.id);
      if (seen) throw new MergeError(`account ${a.id} is in both ${seen} and ${source}: an account is merged from one report only`);
      byAccount.set(a.id, source);
      const shard = report.scope?.shard;
      if (shard && shardOf(a.id, shard.count) !== shard.index) {
        throw new MergeError(`${source} (shard ${shardOfReport(report)}) holds account ${a.id}, which belongs to shard ${shardOf(a.id, shard.count)}/${shard.count}: it was not sharded by this lexscribe`);
      }
    }
  }
}

/** An account row without its counts, which the merge works out again from the findings. */
function accountInfo(a: AccountSummary): AccountInfo {
  const info: Partial<AccountSummary> = { ...a };
  delete info.byStatus;
  delete info.failedBySeverity;
  return info as AccountInfo;
}

/** A warning that one account's audit raised (it names the account), as opposed to one about the run. */
const isAccountWarning = (w: RunWarning) => w.resource?.account !== undefined;

/**
 * The warnings of the merge. Those about one account come from its report. Those about the run are
 * listed once; an unused suppression stays only when no report used it: each shard saw only its own
 * accounts, so "matched no finding" in one shard is not "matched nothing in the organization".
 */
function mergeWarnings(inputs: readonly MergeInput[]): RunWarning[] {
  const run = new Map<string, { warning: RunWarning; reports: number }>();
  for (const { report } of inputs) {
    const seen = new Set<string>();
    for (const w of report.warnings.filter((x) => !isAccountWarning(x))) {
      const key = `${w.kind}\u0000${w.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = run.get(key);
      if (entry) entry.reports++;
      else run.set(key, { warning: w, reports: 1 });
    }
  }
  const kept = [...run.values()].filter((e) => e.warning.kind !== 'suppression-unused' || e.reports === inputs.length).map((e) => e.warning);
  const perAccount = inputs
    .flatMap(({ report }) => report.warnings.filter(isAccountWarning))
    .map((w, i) => ({ w, i }))
    .sort((a, b) => a.w.resource!.account!.localeCompare(b.w.resource!.account!) || a.i - b.i)
    .map((x) => x.w);
  return [...kept, ...perAccount];
}

/**
 * Join the reports of the shards of one audit (or of audits of disjoint accounts) into one report, as
 * the unsharded audit would have written it: findings and account rows of every report, in account
 * order; the run's warnings once; the accounts no report audited named, with why.
 */
export function mergeReports(inputs: readonly MergeInput[]): Merged {
  check(inputs);
  const reports = inputs.map((i) => i.report);
  const first = reports[0];
  const count = first.scope?.shard?.count;
  const present = new Set(reports.flatMap((r) => (r.scope?.shard ? [r.scope.shard.index] : [])));
  const missingIndexes = count === undefined ? [] : Array.from({ length: count }, (_, k) => k + 1).filter((k) => !present.has(k));
  const warnings = mergeWarnings(inputs);

  const audited = new Map<string, AccountSummary>(reports.flatMap((r) => r.accounts!.map((a) => [a.id, a] as const)));
  const selected = [...new Set(reports.flatMap((r) => r.scope?.selected ?? r.accounts!.map((a) => a.id)))].sort();
  const missingAccounts: AccountInfo[] = [];
  for (const id of selected.filter((a) => !audited.has(a))) {
    const shard = count === undefined ? undefined : shardOf(id, count);
    const reason =
      shard === undefined
        ? 'no report audited it'
        : missingIndexes.includes(shard)
          ? `its shard ${shard}/${count} is missing`
          : `shard ${shard}/${count} did not list it (the accounts changed between the shard runs)`;
    missingAccounts.push({ id, status: 'not-audited', regions: [], resources: 0, failedCalls: 0, reason });
    warnings.push({ kind: 'coverage', message: `account ${id} was not audited: ${reason}`, resource: { type: 'AWS::Region', account: id } });
  }
  for (const k of missingIndexes) warnings.push({ kind: 'coverage', message: `shard ${k}/${count} is missing: the accounts it holds were not audited` });

  const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => v !== undefined))];
  const digests = distinct(reports.map((r) => r.scope?.configDigest));
  if (digests.length > 1) warnings.push({ kind: 'config', message: `the reports were made with ${digests.length} different configurations: their suppressions and check settings differ between accounts` });
  const regionSets = distinct(reports.map((r) => r.scope?.regions.join(',')));
  if (regionSets.length > 1) warnings.push({ kind: 'config', message: `the reports audited different Regions (${regionSets.join(' / ')})` });
  const versions = distinct(reports.map((r) => r.version));
  if (versions.length > 1) warnings.push({ kind: 'config', message: `the reports were made by different lexscribe versions (${versions.join(', ')})` });

  const findings = reports.flatMap((r) => r.findings).sort(compareAuditFindings);
  const startedAt = new Date(Math.min(...reports.map((r) => Date.parse(r.startedAt))));
  const accounts: AccountInfo[] = [...[...audited.values()].map(accountInfo), ...missingAccounts];
  const organization = first.scope?.organization;
  const scope: ReportScope = {
    ...(organization ? { organization } : {}),
    selected,
    regions: first.scope?.regions ?? [...new Set(reports.flatMap((r) => r.accounts!.flatMap((a) => a.regions)))],
    configDigest: first.scope?.configDigest ?? '',
    merged: inputs.map((i) => ({ source: i.source, startedAt: i.report.startedAt, ...(shardOfReport(i.report) ? { shard: shardOfReport(i.report) } : {}) })),
  };
  // Verbose shard reports carry their PASS and NOT_APPLICABLE findings: keep whatever they hold.
  const report = buildReport(findings, warnings, 'audit', { verbose: true, startedAt, accounts, scope });
  return { report, missing: missingIndexes.map((k) => `${k}/${count}`) };
}

function readReport(path: string): MergeInput {
  try {
    const raw = readJsonFile(path);
    // Either shape (schema version 1 or 2) is merged; what is not a report at all is refused by `check`.
    return { source: path, report: isReport(raw) ? parseReportFile(path, raw) : (raw as Report) };
  } catch (e) {
    if (e instanceof ReportReadError) throw new MergeError(e.message);
    throw e;
  }
}

/**
 * `lexscribe merge REPORT.json…`: one report from the shards, in every format, with the gate applied to
 * the merge. Returns the exit code: 2 for reports that cannot be merged (nothing written) or a missing
 * shard (the merge of the others is written), else the gate's.
 */
export async function runMerge(paths: readonly string[], flags: ReportFlags, targets: readonly RawTarget[]): Promise<number> {
  try {
    const run = await prepareRun(flags, targets);
    const { report, missing } = mergeReports(paths.map(readReport));
    // --framework (and checks disabled in the configuration) narrow the merge as they narrow an audit.
    const disabled = new Set(Object.entries(run.config.checks ?? {}).flatMap(([id, c]) => (c.enabled === false ? [id] : [])));
    const kept = disabled.size === 0 ? report : { ...report, ...rebuilt(report, report.findings.filter((f) => !disabled.has(f.checkId))) };
    for (const shard of missing) console.error(`lexscribe: shard ${shard} is missing: the merge does not cover its accounts`);
    return await finishRun(kept, run, { inputFailed: missing.length > 0 });
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof MergeError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}

function rebuilt(report: Report, findings: Report['findings']): Pick<Report, 'findings' | 'summary' | 'accounts'> {
  const again = buildReport(findings, report.warnings, 'audit', { verbose: true, accounts: report.accounts?.map(accountInfo) });
  return { findings: again.findings, summary: again.summary, accounts: again.accounts };
}
