import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Finding, Severity, Status } from '../model/finding';

/** One accepted finding. The readable fields are for reviewers; matching uses only `fingerprint`. */
export interface BaselineEntry {
  fingerprint: string;
  checkId: string;
  /** What the fingerprint names: an ARN, `stack/logicalId`, or a construct path. */
  resource: string;
  findingKey?: string;
  status: Status;
  severity: Severity;
}

/** A baseline file (`--write-baseline`): sorted and free of dates, so that it diffs cleanly under review. */
export interface Baseline {
  tool: 'lexscribe';
  baselineVersion: 1;
  entries: BaselineEntry[];
}

/** Thrown for a baseline file that cannot be read or is not one; the message is one line for the user. */
export class BaselineError extends Error {}

/** Statuses a baseline records: what the gate can fail on and a team can decide to accept for now. */
const RECORDED: readonly Status[] = ['FAIL', 'UNKNOWN'];

/** The resource as a baseline names it: stable across reformatting and line moves (no file or line). */
export function baselineResource(f: Finding): string {
  const r = f.resource;
  if (r.arn) return r.arn;
  if (r.logicalId) return r.stack ? `${r.stack}/${r.logicalId}` : r.logicalId;
  return r.constructPath ?? r.type;
}

/** Check id + resource (ARN, stack and logical id, or construct path) + finding key. */
export function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update(JSON.stringify([f.checkId, baselineResource(f), f.findingKey ?? '']))
    .digest('hex')
    .slice(0, 32);
}

export function isRecorded(f: Finding): boolean {
  return RECORDED.includes(f.status);
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings.filter(isRecorded)) {
    const fp = fingerprint(f);
    entries.set(fp, { fingerprint: fp, checkId: f.checkId, resource: baselineResource(f), ...(f.findingKey ? { findingKey: f.findingKey } : {}), status: f.status, severity: f.severity });
  }
  const sorted = [...entries.values()].sort((a, b) => a.checkId.localeCompare(b.checkId) || a.resource.localeCompare(b.resource) || (a.findingKey ?? '').localeCompare(b.findingKey ?? ''));
  return { tool: 'lexscribe', baselineVersion: 1, entries: sorted };
}

export function writeBaseline(path: string, baseline: Baseline): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(baseline, null, 2) + '\n');
  } catch (e) {
    throw new BaselineError(`cannot write baseline ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function readBaseline(path: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BaselineError(code ? `cannot read baseline ${path}: ${code === 'ENOENT' ? 'no such file' : code}` : `baseline ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const b = raw as Partial<Baseline> | null;
  if (!b || b.tool !== 'lexscribe' || b.baselineVersion !== 1 || !Array.isArray(b.entries) || b.entries.some((e) => typeof e?.fingerprint !== 'string')) {
    throw new BaselineError(`${path} is not a lexscribe baseline (write one with --write-baseline)`);
  }
  return b as Baseline;
}
