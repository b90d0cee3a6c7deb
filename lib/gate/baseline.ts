import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import picomatch from 'picomatch';
import type { Finding, Severity, Status } from '../model/finding';

/**
 * One accepted finding. Written by `--write-baseline`, it has a `fingerprint`, and matching uses only
 * that; the other fields are for reviewers (`account` for live findings). Written by hand, an entry
 * without a fingerprint accepts every FAIL and UNKNOWN of `checkId` (a glob: `LEX-MON-*`, `*`) in
 * `account` (an id, or a list of ids) and/or on resources matching `resource` (an ARN glob in which
 * `*` stops at `/`, `**` does not; or a plain account id).
 */
export interface BaselineEntry {
  fingerprint?: string;
  checkId: string;
  /** What the fingerprint names (an ARN, `stack/logicalId`, or a construct path), or a glob over ARNs in a hand-written entry. */
  resource?: string;
  findingKey?: string;
  account?: string | string[];
  status?: Status;
  severity?: Severity;
  /** Why a hand-written entry accepts what it does. */
  reason?: string;
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
    const account = f.resource.arn ? f.resource.account : undefined;
    entries.set(fp, {
      fingerprint: fp,
      checkId: f.checkId,
      resource: baselineResource(f),
      ...(f.findingKey ? { findingKey: f.findingKey } : {}),
      ...(account ? { account } : {}),
      status: f.status,
      severity: f.severity,
    });
  }
  const sorted = [...entries.values()].sort((a, b) => a.checkId.localeCompare(b.checkId) || (a.resource ?? '').localeCompare(b.resource ?? '') || (a.findingKey ?? '').localeCompare(b.findingKey ?? ''));
  return { tool: 'lexscribe', baselineVersion: 1, entries: sorted };
}

const ACCOUNT_ID = /^\d{12}$/;

/** How a hand-written entry (no fingerprint) decides whether it accepts a finding; compiled once per entry. */
export function entryMatcher(e: BaselineEntry): (f: Finding) => boolean {
  const check = picomatch(e.checkId, { nocase: true });
  const accounts = e.account === undefined ? undefined : new Set(Array.isArray(e.account) ? e.account : [e.account]);
  const resource = resourceMatcher(e.resource);
  return (f) => {
    if (!check(f.checkId)) return false;
    if (e.findingKey !== undefined && e.findingKey !== f.findingKey) return false;
    if (accounts && (f.resource.account === undefined || !accounts.has(f.resource.account))) return false;
    return !resource || resource(f);
  };
}

function resourceMatcher(pattern: string | undefined): ((f: Finding) => boolean) | undefined {
  if (pattern === undefined) return undefined;
  if (ACCOUNT_ID.test(pattern)) return (f) => f.resource.account === pattern;
  const glob = picomatch(pattern, { dot: true });
  return (f) => glob(baselineResource(f));
}

/** An entry as a person reads it: `LEX-DP-2 on arn:… (key)`, `LEX-MON-* in account 111122223333`. */
export function describeEntry(e: BaselineEntry): string {
  const where = [e.resource && `on ${e.resource}`, e.account && `in account ${[e.account].flat().join(', ')}`].filter(Boolean).join(' ');
  return `${e.checkId}${where ? ` ${where}` : ''}${e.findingKey ? ` (${e.findingKey})` : ''}`;
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
  if (!b || b.tool !== 'lexscribe' || b.baselineVersion !== 1 || !Array.isArray(b.entries)) {
    throw new BaselineError(`${path} is not a lexscribe baseline (write one with --write-baseline)`);
  }
  b.entries.forEach((e, i) => {
    const problem = entryProblem(e);
    if (problem) throw new BaselineError(`${path}: entry ${i + 1} ${problem}`);
  });
  return b as Baseline;
}

function entryProblem(e: Partial<BaselineEntry> | null): string | undefined {
  if (!e || typeof e !== 'object') return 'is not an object';
  if (typeof e.fingerprint === 'string') return undefined;
  if (e.fingerprint !== undefined) return 'has a fingerprint that is not a string';
  if (typeof e.checkId !== 'string' || !e.checkId) return 'has neither a fingerprint nor a checkId';
  const accounts = e.account === undefined ? [] : Array.isArray(e.account) ? e.account : [e.account];
  if (accounts.some((a) => typeof a !== 'string' || !ACCOUNT_ID.test(a))) return 'has an account that is not an account id (twelve digits)';
  if (e.resource !== undefined && (typeof e.resource !== 'string' || !e.resource)) return 'has a resource that is not an ARN glob or an account id';
  if (accounts.length === 0 && e.resource === undefined) return `has no fingerprint: name the account or the resources (an ARN glob) it accepts ${e.checkId} on`;
  return undefined;
}
