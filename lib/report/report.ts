import type { Finding, RunWarning, Severity, Status } from '../model/finding';
import { SEVERITIES, STATUSES } from '../model/finding';
import { VERSION } from '../version';

export const REPORT_FILE = 'lexscribe-report.json';

export interface ReportSummary {
  total: number;
  byStatus: Record<Status, number>;
  /** FAIL findings by severity. */
  failedBySeverity: Record<Severity, number>;
  /** Findings by AWS documentation topic, then status. */
  byTopic: Record<string, Record<Status, number>>;
}

/** The JSON report: the same shape at synth (`lexscribe-report.json`), from `scan` and from `audit`. */
export interface Report {
  tool: 'lexscribe';
  version: string;
  mode: 'synth' | 'scan' | 'audit';
  startedAt: string;
  summary: ReportSummary;
  findings: Finding[];
  warnings: RunWarning[];
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

/** Build a report. NOT_APPLICABLE verdicts are left out unless `verbose`. */
export function buildReport(findings: readonly Finding[], warnings: readonly RunWarning[], mode: Report['mode'], opts: { verbose?: boolean; startedAt?: Date } = {}): Report {
  const kept = opts.verbose ? [...findings] : findings.filter((f) => f.status !== 'NOT_APPLICABLE');
  return {
    tool: 'lexscribe',
    version: VERSION,
    mode,
    startedAt: (opts.startedAt ?? new Date()).toISOString(),
    summary: summarize(kept),
    findings: kept,
    warnings: [...warnings],
  };
}
