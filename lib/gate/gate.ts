import { severityRank, type Finding, type Severity } from '../model/finding';
import { fingerprint, isRecorded, type Baseline, type BaselineEntry } from './baseline';

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

export function evaluateGate(findings: readonly Finding[], policy: GatePolicy, baseline?: Baseline): GateResult {
  const known = new Set(baseline?.entries.map((e) => e.fingerprint));
  const blocking: Finding[] = [];
  const accepted: Finding[] = [];
  const present = new Set<string>();
  for (const f of findings) {
    const fp = baseline && isRecorded(f) ? fingerprint(f) : undefined;
    if (fp) present.add(fp);
    if (!blocks(f, policy)) continue;
    if (fp && known.has(fp)) accepted.push(f);
    else blocking.push(f);
  }
  const gone = baseline?.entries.filter((e) => !present.has(e.fingerprint)) ?? [];
  return { failed: blocking.length > 0, blocking, accepted, gone };
}
