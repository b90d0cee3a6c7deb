import * as crypto from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Location, Log, Notification, PhysicalLocation, ReportingDescriptor, Result, Suppression } from 'sarif';
import { SEVERITIES, severityRank, type Finding, type Severity } from '../model/finding';
import { INFORMATION_URI } from '../version';
import type { Report, ReportFinding } from './report';
import { compareCheckIds, position, relativeToCwd, resourceIdentity, resourceLabel, suppressionOrigin } from './present';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base the artifact URIs are relative to: the source root (`--sarif-source-root`; the repository's root by default). */
const SRCROOT = 'SRCROOT';

/** GitHub code scanning rejects a run with more results than this (and shows the 5,000 most severe). */
export const GITHUB_MAX_RESULTS = 25_000;

/** The name of our partial fingerprint, versioned as SARIF recommends so its recipe can change later. */
export const FINGERPRINT = 'lexscribeFinding/v1';

/**
 * GitHub code scanning turns these into Critical/High/Medium/Low (9.0+, 7.0–8.9, 4.0–6.9, 0.1–3.9);
 * 0.0 reads as "None", which is what an inventory (INFO) control is.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '3.0', INFO: '0.0' };

function severityLevel(s: Severity): Result.level {
  if (s === 'CRITICAL' || s === 'HIGH') return 'error';
  return s === 'MEDIUM' ? 'warning' : 'note';
}

/**
 * ERROR: a check crashed, so nothing was verified: as loud as a serious failure. UNKNOWN: never a silent
 * pass, so a warning whatever the severity. FAIL and SUPPRESSED: by severity (a suppression hides the
 * result in viewers, it does not lower it).
 */
export function resultLevel(f: Finding): Result.level {
  if (f.status === 'ERROR') return 'error';
  if (f.status === 'UNKNOWN') return 'warning';
  return severityLevel(f.severity);
}

/** Capitalised, with a full stop: reasons are written as clauses (`audio logs of … are written without a key`). */
function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Remediations are one per check: each made a sentence once, not once per result. */
const fixes = new Map<string, string>();

function fix(remediation: string): string {
  let text = fixes.get(remediation);
  if (text === undefined) {
    if (fixes.size >= 1_000) fixes.clear();
    fixes.set(remediation, (text = sentence(remediation)));
  }
  return text;
}

function message(f: Finding): string {
  const reason = f.reason ?? f.title;
  const at = f.property ? ` (at ${f.property.path})` : '';
  switch (f.status) {
    case 'UNKNOWN':
      return `Could not be evaluated: ${reason.trim()}${at}${/[.!?]$/.test(reason.trim()) ? '' : '.'} Verify it by hand or make the value known. If it fails: ${fix(f.remediation)}`;
    case 'ERROR':
      return `The check could not run, so this resource was not verified (${reason.trim()}).`;
    default:
      return `${sentence(reason + at)} Fix: ${fix(f.remediation)}`;
  }
}

/** The most common severity of a check's findings (the worse one on a tie): its default, escalations aside. */
function defaultSeverity(findings: readonly Finding[]): Severity {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return [...SEVERITIES].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || severityRank(b) - severityRank(a))[0];
}

/** A rule identifier-like name from a title: `Enabled audio logs are…` → `EnabledAudioLogsAre…`. */
function ruleName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function rule(findings: readonly Finding[]): ReportingDescriptor {
  const f = findings[0];
  const severity = defaultSeverity(findings);
  const service = f.service === 'lex' ? 'Amazon Lex' : f.service === 'transcribe' ? 'Amazon Transcribe' : f.service;
  return {
    id: f.checkId,
    name: ruleName(f.title),
    shortDescription: { text: f.title },
    fullDescription: { text: `${sentence(f.title)} ${service} control, topic "${f.topic}" of the AWS security documentation; default severity ${severity}.` },
    help: {
      text: `${sentence(f.title)}\n\nHow to fix: ${sentence(f.remediation)}\n\nDocumentation: ${f.docs}`,
      markdown: `**${f.checkId}: ${f.title}**\n\n**How to fix:** ${sentence(f.remediation)}\n\n[AWS documentation](${f.docs})`,
    },
    helpUri: f.docs,
    defaultConfiguration: { level: severityLevel(severity) },
    properties: {
      tags: ['security', f.service, f.topic],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[severity],
      severity,
      topic: f.topic,
      service: f.service,
    },
  };
}

function artifactLocation(file: string, root: string): ArtifactLocation {
  const rel = relativeToCwd(file, root);
  if (rel === undefined) return { uri: pathToFileURL(resolve(root, file)).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

type Artifacts = (file: string) => ArtifactLocation;

/** A region SARIF accepts: lines and columns start at 1 (anything else is a source's placeholder, not a position). */
function region(line: number | undefined, column: number | undefined): PhysicalLocation['region'] {
  return { startLine: line !== undefined && line >= 1 ? line : 1, ...(line !== undefined && line >= 1 && column !== undefined && column >= 1 ? { startColumn: column } : {}) };
}

/**
 * The template location: the offending property's line, else the resource's, else line 1 (a finding
 * about a whole stack). Every result read from a file gets a `startLine`: GitHub code scanning requires one.
 */
function templateLocation(f: Finding, artifact: Artifacts): PhysicalLocation | undefined {
  if (!f.resource.file) return undefined;
  const pos = position(f);
  return { artifactLocation: artifact(f.resource.file), region: region(pos?.line, pos?.column) };
}

/** Where the construct was created in the app's source, when that file is under the source root (the repository). */
function sourceLocation(f: Finding, artifact: Artifacts): PhysicalLocation | undefined {
  const src = f.resource.source;
  if (!src) return undefined;
  const at = artifact(src.file);
  return at.uriBaseId === SRCROOT ? { artifactLocation: at, region: region(src.line, src.column) } : undefined;
}

/**
 * The primary location is where the fix goes: the line of the CDK app that creates the construct,
 * when the assembly recorded it, with the template as a related location; else the template itself;
 * live findings have only a logical location (the ARN).
 */
function locations(f: Finding, artifact: Artifacts): { locations: Location[]; relatedLocations?: Location[] } {
  const r = f.resource;
  const logical: Location['logicalLocations'] = [
    r.arn
      ? { fullyQualifiedName: r.arn, name: r.logicalId, kind: 'resource', properties: { type: r.type, region: r.region, account: r.account } }
      : { fullyQualifiedName: resourceLabel(r), name: r.logicalId, kind: 'resource', properties: { type: r.type, stack: r.stack } },
  ];
  const template = templateLocation(f, artifact);
  const source = sourceLocation(f, artifact);
  if (source && template) {
    return {
      locations: [{ physicalLocation: source, logicalLocations: logical, message: { text: `where ${resourceLabel(r)} is created` } }],
      relatedLocations: [{ id: 1, physicalLocation: template, message: { text: `${r.logicalId ?? r.type} in the synthesized template${f.property ? `, at ${f.property.path}` : ''}` } }],
    };
  }
  return { locations: [template ? { physicalLocation: template, logicalLocations: logical } : { logicalLocations: logical }] };
}

// One call per result: crypto.hash (Node 20.12 and later) makes no Hash object; older Nodes take the long way.
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const sha256 = oneShot ? (data: string) => oneShot('sha256', data) : (data: string) => crypto.createHash('sha256').update(data).digest('hex');

/** Same check, same resource, same finding key (or property path) → same fingerprint, wherever the lines move. */
export function fingerprint(f: Finding): string {
  const parts = [f.checkId, resourceIdentity(f.resource), f.findingKey ?? '', f.findingKey ? '' : (f.property?.path ?? '')];
  return sha256(parts.join('\u0000'));
}

function suppressions(f: Finding): Suppression[] | undefined {
  const s = f.suppression;
  if (!s) return undefined;
  return [
    {
      // Metadata and CDK suppressions live in the template next to the resource; config ones do not.
      kind: s.source === 'config' ? 'external' : 'inSource',
      status: 'accepted',
      justification: s.reason,
      properties: { source: suppressionOrigin(s.source), ...(s.expires ? { expires: s.expires } : {}) },
    },
  ];
}

/** SARIF's baseline states: `new`, or `unchanged` for a finding the baseline records. */
function baselineState(f: ReportFinding): Result['baselineState'] {
  return f.baselineState === undefined ? undefined : f.baselineState === 'known' ? 'unchanged' : 'new';
}

function result(f: ReportFinding, ruleIndex: number, artifact: Artifacts): Result {
  const state = baselineState(f);
  return {
    ruleId: f.checkId,
    ruleIndex,
    level: resultLevel(f),
    message: { text: message(f) },
    ...locations(f, artifact),
    partialFingerprints: { [FINGERPRINT]: fingerprint(f) },
    ...(state ? { baselineState: state } : {}),
    ...(f.suppression ? { suppressions: suppressions(f) } : {}),
    properties: {
      status: f.status,
      severity: f.severity,
      ...(f.findingKey ? { findingKey: f.findingKey } : {}),
      ...(f.property ? { propertyPath: f.property.path } : {}),
      resourceType: f.resource.type,
      ...(f.blocking !== undefined ? { blocking: f.blocking } : {}),
    },
  };
}

export interface SarifOptions {
  /** Working directory: relative paths in the report are relative to it. */
  cwd: string;
  /**
   * The directory artifact URIs are relative to (GitHub resolves them against the repository's root).
   * @default cwd
   */
  sourceRoot?: string;
}

/**
 * The report as SARIF 2.1.0: one rule per check that produced a finding (PASS included, so a viewer
 * knows what was evaluated), one result per FAIL, UNKNOWN, SUPPRESSED and ERROR finding.
 */
export function renderSarif(report: Report, opts: SarifOptions): Log {
  return sarifLog(report, opts, (results) => [...results]);
}

/**
 * The log of `renderSarif` with its results as they are made, one at a time, for a writer that walks
 * into them (json-stream writes an iterable as an array): tens of thousands of results are then never
 * all alive at once, and die young instead of filling the old generation.
 */
export function sarifLogStreaming(report: Report, opts: SarifOptions): Log {
  return sarifLog(report, opts, (results) => results as unknown as Result[]);
}

function sarifLog(report: Report, opts: SarifOptions, gather: (results: Iterable<Result>) => Result[]): Log {
  const root = resolve(opts.cwd, opts.sourceRoot ?? opts.cwd);
  const byCheck = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byCheck.get(f.checkId);
    if (list) list.push(f);
    else byCheck.set(f.checkId, [f]);
  }
  const ids = [...byCheck.keys()].sort(compareCheckIds);
  const index = new Map(ids.map((id, i) => [id, i]));

  // Every finding of a template names the same file: work its URI out once per file.
  const artifacts = new Map<string, ArtifactLocation>();
  const artifact = (file: string) => {
    let a = artifacts.get(file);
    if (!a) artifacts.set(file, (a = artifactLocation(resolve(opts.cwd, file), root)));
    return a;
  };

  const notifications: Notification[] = report.warnings.map((w) => ({
    level: 'warning',
    message: { text: w.message },
    descriptor: { id: w.kind },
    ...(w.checkId ? { associatedRule: index.has(w.checkId) ? { id: w.checkId, index: index.get(w.checkId) } : { id: w.checkId } } : {}),
  }));
  const reported = report.findings.filter((f) => f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE');
  const results = gather(
    (function* () {
      for (const f of reported) yield result(f, index.get(f.checkId)!, artifact);
    })(),
  );
  if (reported.length > GITHUB_MAX_RESULTS) {
    notifications.push({
      level: 'warning',
      descriptor: { id: 'github-limits' },
      message: { text: `${reported.length} results: GitHub code scanning rejects a run of more than ${GITHUB_MAX_RESULTS}; narrow the scan (--fail-on does not filter results; --framework, or disabled checks in the configuration, do).` },
    });
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool,
            fullName: `${report.tool} ${report.version}: compliance checks for Amazon Lex V2 and Amazon Transcribe`,
            version: report.version,
            semanticVersion: report.version,
            informationUri: INFORMATION_URI,
            shortDescription: { text: 'Compliance checks for Amazon Lex V2 and Amazon Transcribe, from the AWS security documentation: at cdk synth, on templates, and live.' },
            rules: ids.map((id) => rule(byCheck.get(id)!)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, startTimeUtc: report.startedAt, toolExecutionNotifications: notifications }],
        results,
        properties: { mode: report.mode, summary: report.summary, ...(report.gate ? { gate: report.gate } : {}) },
      },
    ],
  };
}
