import { isAbsolute, relative, resolve, sep } from 'node:path';
import { SEVERITIES, severityRank, type Finding, type FindingResource, type RunWarning, type Severity, type Status } from '../model/finding';

/** The order a reader acts on: what broke, what failed, what nobody could verify, what was accepted, what is fine. */
export const STATUS_ORDER: readonly Status[] = ['ERROR', 'FAIL', 'UNKNOWN', 'SUPPRESSED', 'PASS', 'NOT_APPLICABLE'];

/** Severities from the worst down. */
export const SEVERITIES_DESC: readonly Severity[] = [...SEVERITIES].reverse();

/** Statuses a report lists by default: everything a person may have to act on. */
export function isActionable(f: Finding): boolean {
  return f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE';
}

/**
 * What a resource is, independent of where it was read and where it sits in its file: the ARN for live
 * resources (with the Region when the ARN has none, as for account-wide findings), `stack/logicalId`
 * otherwise. Line moves do not change it.
 */
export function resourceIdentity(r: FindingResource): string {
  if (r.arn) return r.arn.split(':')[3] === '' && r.region ? `${r.arn}@${r.region}` : r.arn;
  return `${r.stack ?? ''}/${r.logicalId ?? ''}`;
}

/**
 * How a person recognises a resource: its ARN (with the Region when the ARN has none, as for
 * account-wide findings), its construct path, or `stack/logicalId`.
 */
export function resourceLabel(r: FindingResource): string {
  if (r.arn) return r.arn.split(':')[3] === '' && r.region ? `${r.arn} in ${r.region}` : r.arn;
  return r.constructPath ?? (r.stack && r.logicalId ? `${r.stack}/${r.logicalId}` : (r.logicalId ?? r.stack ?? r.type));
}

/** By working directory, then file: a key made of both would be a new string, hashed anew, at every call. */
const displayed = new Map<string, Map<string, string>>();

/** A path as a reader at `cwd` would type it: relative when the file is under `cwd`, as given otherwise. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  // Every finding of a template asks for the same file.
  let files = displayed.get(cwd);
  if (!files) {
    if (displayed.size >= 100) displayed.clear();
    displayed.set(cwd, (files = new Map()));
  }
  let shown = files.get(file);
  if (shown === undefined) {
    const rel = relative(cwd, file);
    shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
    if (files.size >= 10_000) files.clear();
    files.set(file, shown);
  }
  return shown;
}

/** Path of `file` relative to `cwd` with `/` separators, or undefined when it lies outside `cwd`. */
export function relativeToCwd(file: string, cwd: string): string | undefined {
  const rel = relative(cwd, resolve(cwd, file));
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
}

/** Line and column of a finding: the offending property's when the source located it, else the resource's. */
export function position(f: Finding): { line: number; column?: number } | undefined {
  if (f.property?.line !== undefined) return { line: f.property.line, column: f.property.column };
  if (f.resource.line !== undefined) return { line: f.resource.line, column: f.resource.column };
  return undefined;
}

/** `lib/bot-stack.ts:49:17`: where a resource's construct was created, as a reader at `cwd` types it. */
export function sourceLocation(source: { file: string; line: number; column?: number }, cwd: string): string {
  const file = displayPath(source.file, cwd);
  return source.column !== undefined ? `${file}:${source.line}:${source.column}` : `${file}:${source.line}`;
}

/** `file:line:col` of a finding read from a file, undefined for live and synth findings. */
export function fileLocation(f: Finding, cwd: string): string | undefined {
  if (!f.resource.file) return undefined;
  const pos = position(f);
  const file = displayPath(f.resource.file, cwd);
  if (!pos) return file;
  return pos.column !== undefined ? `${file}:${pos.line}:${pos.column}` : `${file}:${pos.line}`;
}

// Made once: `localeCompare` with locales or options builds a collator on every call, which dominated
// sorting tens of thousands of findings. Same comparisons as `a.localeCompare(b, 'en', { numeric: true })`
// and `a.localeCompare(b)`; equal strings (a check's own id, a shared finding key) are 0 without the collator.
const compareIds = new Intl.Collator('en', { numeric: true }).compare;
const compareText = new Intl.Collator().compare;

/** `a.localeCompare(b)`, with the collator made once. */
export function compareLabels(a: string, b: string): number {
  return a === b ? 0 : compareText(a, b);
}

/** Check ids in catalog order: `LEX-DP-2` before `LEX-DP-10`. */
export function compareCheckIds(a: string, b: string): number {
  return a === b ? 0 : compareIds(a, b);
}

function statusRank(s: Status): number {
  return STATUS_ORDER.indexOf(s);
}

/** Worst first: by status, then severity, then check id and finding key for a stable order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    compareCheckIds(a.checkId, b.checkId) ||
    compareLabels(a.findingKey ?? '', b.findingKey ?? '') ||
    compareLabels(a.property?.path ?? '', b.property?.path ?? '')
  );
}

export interface ResourceGroup {
  id: string;
  resource: FindingResource;
  findings: Finding[];
}

/** Findings grouped by resource, worst resource first, each group's findings worst first. */
export function groupByResource(findings: readonly Finding[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  // The findings on one resource share its object: its identity is made once per object, not per finding.
  const ofObject = new Map<FindingResource, ResourceGroup>();
  for (const f of findings) {
    let g = ofObject.get(f.resource);
    if (!g) {
      const id = resourceIdentity(f.resource);
      g = groups.get(id);
      if (!g) groups.set(id, (g = { id, resource: f.resource, findings: [] }));
      ofObject.set(f.resource, g);
    }
    g.findings.push(f);
  }
  const sorted = [...groups.values()].map((g) => ({ ...g, findings: [...g.findings].sort(compareFindings) }));
  const labels = new Map(sorted.map((g) => [g, resourceLabel(g.resource)]));
  return sorted.sort((a, b) => compareFindings(a.findings[0], b.findings[0]) || compareText(labels.get(a)!, labels.get(b)!));
}

export interface TopicSummary {
  topic: string;
  byStatus: Record<Status, number>;
  /** FAIL findings by severity. */
  failedBySeverity: Record<Severity, number>;
}

/** Counts per documentation topic, in the order topics first appear in the findings. */
export function groupByTopic(findings: readonly Finding[]): TopicSummary[] {
  const topics = new Map<string, TopicSummary>();
  for (const f of findings) {
    let t = topics.get(f.topic);
    if (!t) {
      t = {
        topic: f.topic,
        byStatus: Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>,
        failedBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
      };
      topics.set(f.topic, t);
    }
    t.byStatus[f.status]++;
    if (f.status === 'FAIL') t.failedBySeverity[f.severity]++;
  }
  return [...topics.values()];
}

/** Human wording of a suppression's origin. */
export function suppressionOrigin(source: 'metadata' | 'config' | 'cdk'): string {
  return { metadata: 'template metadata', config: 'configuration file', cdk: 'CDK suppression' }[source];
}

/** Headline of each warning kind, as the text and HTML reports print it. */
export const WARNING_HEADINGS: Record<string, string> = {
  'suppression-unused': 'Unused suppressions',
  'suppression-expired': 'Expired suppressions',
  'suppression-invalid': 'Invalid suppressions',
  input: 'Unreadable inputs',
  config: 'Configuration',
  coverage: 'Could not be evaluated',
};

/** Warning kinds present, in the order of `WARNING_HEADINGS` (kinds it does not know last). */
export function warningKinds(warnings: readonly RunWarning[]): string[] {
  const present = new Set(warnings.map((w) => w.kind as string));
  return [...new Set([...Object.keys(WARNING_HEADINGS), ...present])].filter((k) => present.has(k));
}
