import { severityRank, type Finding, type Severity } from '../model/finding';
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
