import type { Finding, RunWarning, Severity, Status } from '../model/finding';
import { SEVERITIES, STATUSES } from '../model/finding';
import { VERSION } from '../version';

// Brings the finding resource's `source` (the CDK source location of its construct) into the report's types.
export type { SourceLocation } from '../sources/template/assembly';

export const REPORT_FILE = 'lexscribe-report.json';

/** Findings of a run against `--baseline`: new ones, ones the baseline records, and entries no longer found. */
export interface BaselineCounts {
  new: number;
  known: number;
  /** Baseline entries that no longer occur (fixed, suppressed, or the resource is gone). */
  gone: number;
}

export interface ReportSummary {
  total: number;
  byStatus: Record<Status, number>;
  /** FAIL findings by severity. */
  failedBySeverity: Record<Severity, number>;
  /** Findings by AWS documentation topic, then status. */
  byTopic: Record<string, Record<Status, number>>;
  /** With `--baseline`: the FAIL, UNKNOWN and ERROR findings that are new and known, and the entries gone. */
  baseline?: BaselineCounts;
}

/**
 * A finding as a report carries it. Reports made for a gate (`scan`, `audit`) add the gate's verdict on
 * each FAIL, UNKNOWN and ERROR finding, so that every format shows what the exit code was decided on.
 */
export interface ReportFinding extends Finding {
  /** Whether the finding fails the gate: at or above the threshold (UNKNOWN: with failOnUnknown), and not in the baseline. */
  blocking?: boolean;
  /** With `--baseline`: `new` (not recorded in it) or `known` (recorded, so accepted by the gate). */
  baselineState?: 'new' | 'known';
}

/** The gate a report was made for: its policy and what it decided. */
export interface ReportGate {
  failOn: Severity;
  failOnUnknown: boolean;
  failed: boolean;
  /** Findings that fail the gate. */
  blocking: number;
  /** The baseline file the gate compared against, when there was one. */
  baseline?: string;
}

/** How an account of an audit was read, and what its findings came to. */
export interface AccountSummary {
  id: string;
  /** The account's name in the organization (or in `--accounts-file`). */
  name?: string;
  /**
   * complete: every call answered; partial: some calls failed and what they would have read is
   * UNKNOWN; unreadable: nothing could be read (the role could not be assumed); not-audited: a merge
   * found no shard that audited it.
   */
  status: 'complete' | 'partial' | 'unreadable' | 'not-audited';
  /** The audit role assumed in it; absent when it was read with the caller's own credentials. */
  role?: string;
  regions: string[];
  /** Resources read. */
  resources: number;
  /** Calls that failed (a "not found" is an answer, not a failure). */
  failedCalls: number;
  /** Why it is unreadable or not audited. */
  reason?: string;
  byStatus: Record<Status, number>;
  /** FAIL findings by severity. */
  failedBySeverity: Record<Severity, number>;
}

/** What a multi-account audit (or a merge of several) covers. */
export interface ReportScope {
  /** `o-…` when the accounts came from AWS Organizations (`--org`). */
  organization?: string;
  /** Every account the run was asked to cover, before `--shard`: the shards of a run together audit all of them. */
  selected: string[];
  /** `--shard K/N`: this report covers the accounts of the K-th of N shards. */
  shard?: { index: number; count: number };
  /** The Regions as asked (`--region`), or `["all"]` for `--all-regions`. */
  regions: string[];
  /** SHA-256 of the configuration the checks ran with: shard reports merge only when it is the same. */
  configDigest: string;
  /** A merged report: the reports it joins. */
  merged?: Array<{ source: string; startedAt: string; shard?: string }>;
}

/** The JSON report: the same shape at synth (`lexscribe-report.json`), from `scan` and from `audit`. */
export interface Report {
  tool: 'lexscribe';
  version: string;
  mode: 'synth' | 'scan' | 'audit';
  startedAt: string;
  summary: ReportSummary;
  findings: ReportFinding[];
  warnings: RunWarning[];
  /** Audits: one entry per account, sorted by id. */
  accounts?: AccountSummary[];
  /** Multi-account audits and merges. */
  scope?: ReportScope;
  /** Present when the report was made for a gate (`scan`, `audit`); absent at synth. */
  gate?: ReportGate;
}

/** An account as the audit read it, before its findings are counted. */
export type AccountInfo = Omit<AccountSummary, 'byStatus' | 'failedBySeverity'>;

const zeroStatuses = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
const zeroSeverities = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;

/** The accounts of a report, each with the counts of its findings (by `resource.account`), sorted by id. */
export function summarizeAccounts(accounts: readonly AccountInfo[], findings: readonly Finding[]): AccountSummary[] {
  const byId = new Map<string, AccountSummary>(accounts.map((a) => [a.id, { ...a, byStatus: zeroStatuses(), failedBySeverity: zeroSeverities() }]));
  for (const f of findings) {
    const a = f.resource.account === undefined ? undefined : byId.get(f.resource.account);
    if (!a) continue;
    a.byStatus[f.status]++;
    if (f.status === 'FAIL') a.failedBySeverity[f.severity]++;
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

// Made at the first comparison: the first collator loads ICU's data (milliseconds), which a synth that sorts nothing need not pay.
let collator: Intl.Collator | undefined;
const compareIds = (a: string, b: string) => (a === b ? 0 : (collator ??= new Intl.Collator('en', { numeric: true })).compare(a, b));
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of an audit's findings: by account, then check (catalog order), resource (ARN), finding
 * key and property path. It does not depend on the order collectors happened to answer in, so two
 * audits of the same accounts (or a merge of shards and the unsharded run) list findings alike.
 */
export function compareAuditFindings(a: Finding, b: Finding): number {
  const ra = a.resource;
  const rb = b.resource;
  return (
    byText(ra.account ?? '', rb.account ?? '') ||
    compareIds(a.checkId, b.checkId) ||
    byText(ra.arn ?? '', rb.arn ?? '') ||
    byText(ra.region ?? '', rb.region ?? '') ||
    byText(`${ra.stack ?? ''}/${ra.logicalId ?? ''}`, `${rb.stack ?? ''}/${rb.logicalId ?? ''}`) ||
    byText(a.findingKey ?? '', b.findingKey ?? '') ||
    byText(a.property?.path ?? '', b.property?.path ?? '') ||
    byText(a.reason ?? '', b.reason ?? '')
  );
}

export function summarize(findings: readonly Finding[]): ReportSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byTopic: Record<string, Record<Status, number>> = {};
  for (const f of findings) {
    byStatus[f.status]++;
    if (f.status === 'FAIL') failedBySeverity[f.severity]++;
    (byTopic[f.topic] ??= Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>)[f.status]++;
  }
  return { total: findings.length, byStatus, failedBySeverity, byTopic };
}

export interface BuildOptions {
  verbose?: boolean;
  startedAt?: Date;
  /** Audits: the accounts read (their finding counts are added here). */
  accounts?: readonly AccountInfo[];
  scope?: ReportScope;
}

/** Build a report. NOT_APPLICABLE verdicts are left out unless `verbose`. */
export function buildReport(findings: readonly Finding[], warnings: readonly RunWarning[], mode: Report['mode'], opts: BuildOptions = {}): Report {
  const kept = opts.verbose ? [...findings] : findings.filter((f) => f.status !== 'NOT_APPLICABLE');
  return {
    tool: 'lexscribe',
    version: VERSION,
    mode,
    startedAt: (opts.startedAt ?? new Date()).toISOString(),
    summary: summarize(kept),
    findings: kept,
    warnings: [...warnings],
    ...(opts.accounts ? { accounts: summarizeAccounts(opts.accounts, kept) } : {}),
    ...(opts.scope ? { scope: opts.scope } : {}),
  };
}
