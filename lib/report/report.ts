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

/** The JSON report: the same shape at synth (`lexscribe-report.json`), from `scan` and from `audit`. */
export interface Report {
  tool: 'lexscribe';
  version: string;
  mode: 'synth' | 'scan' | 'audit';
  startedAt: string;
  summary: ReportSummary;
  findings: ReportFinding[];
  warnings: RunWarning[];
  /** Present when the report was made for a gate (`scan`, `audit`); absent at synth. */
  gate?: ReportGate;
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
