import type { Finding } from '../../lib/model/finding';
import type { Synthesized } from './synth';

/** Statuses of findings grouped by `keyOf`; several findings on one key read "FAIL,PASS", in finding order. */
export function statusesBy(findings: Iterable<Finding>, keyOf: (f: Finding) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of findings) {
    const k = keyOf(f);
    out[k] = out[k] ? `${out[k]},${f.status}` : f.status;
  }
  return out;
}

/** Statuses of one check keyed by construct path inside the stack (`App`, `App/DefaultPolicy`): L2 logical ids carry hashes. */
export function byPath(out: Synthesized, checkId: string): Record<string, string> {
  return statusesBy(out.of(checkId), (f) => (f.resource.constructPath ?? f.resource.logicalId ?? '?').replace(/^[^/]+\//, '').replace(/\/Resource$/, ''));
}
