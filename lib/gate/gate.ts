import { SEVERITIES, severityRank, type Finding, type Severity } from '../model/finding';
import type { Report, ReportFinding } from '../report/report';
import { entryMatcher, fingerprint, isRecorded, type Baseline, type BaselineEntry } from './baseline';

/** What fails a run: FAIL (and ERROR) findings at or above `failOn`, and UNKNOWN ones if `failOnUnknown`. */
export interface GatePolicy {
  failOn: Severity;
  failOnUnknown: boolean;
}

export interface GateResult {
  failed: boolean;
  /** Findings that fail the run (new ones, when there is a baseline). */
  blocking: Finding[];
  /** Findings that would fail the run but are recorded in the baseline. */
  accepted: Finding[];
  /** Baseline entries that no longer occur (fixed, suppressed, or the resource is gone). */
  gone: BaselineEntry[];
}

/**
 * Whether one finding fails the gate. A check that crashed (ERROR) could not rule out a failure,
 * so it counts like a FAIL of its severity rather than passing unseen.
 */
export function blocks(f: Finding, policy: GatePolicy): boolean {
  if (f.status === 'FAIL' || f.status === 'ERROR') return severityRank(f.severity) >= severityRank(policy.failOn);
  return f.status === 'UNKNOWN' && policy.failOnUnknown;
}

/**
 * Apply the policy, and the baseline if any: a recorded finding whose fingerprint the baseline holds,
 * or that a hand-written entry (account, ARN glob) covers, is accepted rather than blocking. Entries
 * that match nothing of the run are `gone`.
 */
export function evaluateGate(findings: readonly Finding[], policy: GatePolicy, baseline?: Baseline): GateResult {
  const entries = baseline?.entries ?? [];
  const known = new Set(entries.flatMap((e) => (e.fingerprint ? [e.fingerprint] : [])));
  const patterns = entries.filter((e) => !e.fingerprint).map((entry) => ({ entry, matches: entryMatcher(entry), used: false }));
  const blocking: Finding[] = [];
  const accepted: Finding[] = [];
  const present = new Set<string>();
  for (const f of findings) {
    const recorded = baseline !== undefined && isRecorded(f);
    const fp = recorded ? fingerprint(f) : undefined;
    if (fp) present.add(fp);
    let covered = fp !== undefined && known.has(fp);
    if (recorded) {
      for (const p of patterns) {
        if (!p.matches(f)) continue;
        p.used = true;
        covered = true;
      }
    }
    if (!blocks(f, policy)) continue;
    if (covered) accepted.push(f);
    else blocking.push(f);
  }
  const gone = [...entries.filter((e) => e.fingerprint && !present.has(e.fingerprint)), ...patterns.filter((p) => !p.used).map((p) => p.entry)];
  return { failed: blocking.length > 0, blocking, accepted, gone };
}

/** Statuses the gate rules on: what can fail a run. */
const GATED = new Set<Finding['status']>(['FAIL', 'ERROR', 'UNKNOWN']);

/**
 * The report as the gate saw it: each FAIL, ERROR and UNKNOWN finding says whether it fails the gate
 * and, against a baseline, whether it is new or known; the report carries the policy and the verdict,
 * and the summary the baseline counts. `gone` is how many entries of the given baseline no longer occur.
 */
// Copies by Object.assign, not spread: V8 gave each spread copy a hidden class of its own, so every
// reader of tens of thousands of gated findings (the report writers) missed its inline caches.
export function gatedReport(report: Report, policy: GatePolicy, result: GateResult, baseline?: { file: string; baseline: Baseline; gone: number }): Report {
  const blocking = new Set<Finding>(result.blocking);
  const known = baseline && new Set(baseline.baseline.entries.map((e) => e.fingerprint));
  const counts = { new: 0, known: 0, gone: baseline?.gone ?? 0 };
  const findings = report.findings.map((f): ReportFinding => {
    if (!GATED.has(f.status)) return f;
    if (!known) return Object.assign({}, f, { blocking: blocking.has(f) });
    const state = isRecorded(f) && known.has(fingerprint(f)) ? 'known' : 'new';
    counts[state]++;
    return Object.assign({}, f, { blocking: blocking.has(f), baselineState: state });
  });
  return {
    ...report,
    summary: { ...report.summary, ...(baseline ? { baseline: counts } : {}) },
    findings,
    gate: { failOn: policy.failOn, failOnUnknown: policy.failOnUnknown, failed: result.failed, blocking: result.blocking.length, ...(baseline ? { baseline: baseline.file } : {}) },
  };
}

/** `gate failed: 3 findings at or above HIGH (1 critical, 2 high)`: why the run failed, in one line. */
export function gateFailureLine(policy: GatePolicy, result: GateResult, withBaseline: boolean): string {
  const n = result.blocking.length;
  const what = policy.failOnUnknown ? `at or above ${policy.failOn}, or UNKNOWN` : `at or above ${policy.failOn}`;
  const count = (status: Finding['status'], severity?: Severity) => result.blocking.filter((f) => f.status === status && (!severity || f.severity === severity)).length;
  const parts = [
    ...[...SEVERITIES].reverse().map((s) => [count('FAIL', s), s.toLowerCase()] as const),
    [count('ERROR'), `check error${count('ERROR') === 1 ? '' : 's'}`] as const,
    [count('UNKNOWN'), 'unknown'] as const,
  ].filter(([c]) => c > 0);
  return `gate failed: ${n} finding${n === 1 ? '' : 's'} ${what}${withBaseline ? ' not in the baseline' : ''} (${parts.map(([c, label]) => `${c} ${label}`).join(', ')})`;
}
