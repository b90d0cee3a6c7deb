import type { Finding } from '../model/finding';
import { indentedJson, JsonText, newline } from './json-stream';
import { compareCheckIds } from './present';
import type { Report, ReportFinding } from './report';

/**
 * The two shapes of the JSON report. `indexed` (schema version 2, the default) says what each check is
 * once, in a `checks` table keyed by check id, and its findings name the check by `checkId`; `flat`
 * (schema version 1) repeats the check's title, remediation, docs, topic and service in every finding,
 * as lexscribe wrote reports before version 2. In memory a report is always flat: the shape is how it is
 * written and read.
 */
export const REPORT_SHAPES = ['indexed', 'flat'] as const;
export type ReportShape = (typeof REPORT_SHAPES)[number];

/** The schema version of an indexed report. A report without `schemaVersion` is version 1 (flat). */
export const REPORT_SCHEMA_VERSION = 2;

/** What a finding says of its check rather than of the resource: the same in every finding of the check. */
export const CHECK_FIELDS = ['title', 'remediation', 'docs', 'topic', 'service'] as const;
type CheckField = (typeof CHECK_FIELDS)[number];
export type CheckEntry = Pick<Finding, CheckField>;

/** A finding of an indexed report: its check's fields are in `checks` (a field that differs from the table stays here). */
export type IndexedFinding = Omit<ReportFinding, CheckField> & Partial<CheckEntry>;

/** The `checks` table: each check of the findings once, in catalog order, as its first finding describes it. */
export function checksTable(findings: readonly Finding[]): Record<string, CheckEntry> {
  const byId = new Map<string, CheckEntry>();
  for (const f of findings) {
    if (!byId.has(f.checkId)) byId.set(f.checkId, { title: f.title, remediation: f.remediation, docs: f.docs, topic: f.topic, service: f.service });
  }
  return Object.fromEntries([...byId.keys()].sort(compareCheckIds).map((id) => [id, byId.get(id)!]));
}

/** A finding without what the table says of its check. */
export function indexedFinding(f: ReportFinding, entry: CheckEntry): IndexedFinding {
  const { title, remediation, docs, topic, service, ...rest } = f;
  const own: Partial<CheckEntry> = {};
  if (title !== entry.title) own.title = title;
  if (remediation !== entry.remediation) own.remediation = remediation;
  if (docs !== entry.docs) own.docs = docs;
  if (topic !== entry.topic) own.topic = topic;
  if (service !== entry.service) own.service = service;
  return { ...rest, ...own };
}

const CHECK_FIELD_NAMES: ReadonlySet<string> = new Set(CHECK_FIELDS);
/** `"key":` of each key a finding has, made once. */
const keyTexts = new Map<string, string>();
/** The JSON of string values seen; bounded, as reasons come from input. */
const stringTexts = new Map<string, string>();

/** `JSON.stringify` of a string: a check's id, title or remediation, a status, a pass's reason are the same few strings, over and over. */
function stringJson(value: string): string {
  let text = stringTexts.get(value);
  if (text === undefined) {
    if (stringTexts.size >= 10_000) stringTexts.clear();
    stringTexts.set(value, (text = JSON.stringify(value)));
  }
  return text;
}

/**
 * `JSON.stringify(indexedFinding(f, entry))`, byte for byte, without the copy, and with the JSON of the
 * finding's resource made once for all the findings that share it (`texts`): a resource is most of a
 * finding's text, and its four or five findings hold the same object.
 */
export function indexedFindingText(f: ReportFinding, entry: CheckEntry, texts: WeakMap<object, string>): string {
  let text = '';
  let own: CheckField[] | undefined;
  for (const key in f) {
    const value = (f as unknown as Record<string, unknown>)[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (CHECK_FIELD_NAMES.has(key)) {
      if (value !== entry[key as CheckField]) (own ??= []).push(key as CheckField);
      continue;
    }
    let keyText = keyTexts.get(key);
    if (keyText === undefined) keyTexts.set(key, (keyText = `${JSON.stringify(key)}:`));
    let valueText: string | undefined;
    if (typeof value === 'string') valueText = stringJson(value);
    else if (key === 'resource' && value !== null && typeof value === 'object') {
      valueText = texts.get(value);
      if (valueText === undefined) texts.set(value, (valueText = JSON.stringify(value)));
    } else valueText = JSON.stringify(value);
    // A value whose toJSON gives nothing is left out, as JSON.stringify leaves it.
    if (valueText === undefined) continue;
    text += text === '' ? '{' + keyText + valueText : ',' + keyText + valueText;
  }
  // `indexedFinding` puts the fields that differ from the table after the finding's own, in CHECK_FIELDS order.
  for (const key of CHECK_FIELDS) if (own?.includes(key)) text += `${text === '' ? '{' : ','}${JSON.stringify(key)}:${JSON.stringify(f[key])}`;
  return text === '' ? '{}' : `${text}}`;
}

/** Where a flat report's findings are written: report → findings → finding. */
const FINDING_LEVEL = 2;
/** `\n` and the indentation of a finding's keys, and `"key": ` after it, made once per key. */
const flatKeyTexts = new Map<string, string>();

/**
 * A finding as `JSON.stringify(report, null, 2)` writes it in a flat report's `findings`, byte for byte,
 * with the JSON of its resource made once for all the findings that share it (`texts`) and its strings'
 * JSON (the check's title, remediation and docs, in every finding) made once.
 */
export function flatFindingText(f: ReportFinding, texts: WeakMap<object, string>): string {
  if (typeof (f as { toJSON?: unknown }).toJSON === 'function') return indentedJson(f, FINDING_LEVEL);
  let text = '';
  for (const key in f) {
    const value = (f as unknown as Record<string, unknown>)[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    let keyText = flatKeyTexts.get(key);
    if (keyText === undefined) flatKeyTexts.set(key, (keyText = `${newline(FINDING_LEVEL + 1)}${JSON.stringify(key)}: `));
    let valueText: string | undefined;
    if (typeof value === 'string') valueText = stringJson(value);
    else if (value === null || typeof value !== 'object') valueText = JSON.stringify(value);
    // What a toJSON gives (undefined drops the key) is JSON.stringify's to decide, for the whole finding.
    else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return indentedJson(f, FINDING_LEVEL);
    else if (key === 'resource') {
      valueText = texts.get(value);
      if (valueText === undefined) texts.set(value, (valueText = indentedJson(value, FINDING_LEVEL + 1)));
    } else valueText = indentedJson(value, FINDING_LEVEL + 1);
    text += (text === '' ? '{' : ',') + keyText + valueText;
  }
  return text === '' ? '{}' : text + newline(FINDING_LEVEL) + '}';
}

/** The report as the flat shape writes it: its findings as their text (`flatFindingText`), made one at a time as a writer streams them. */
export function flatReport(report: Report): Record<string, unknown> {
  return {
    ...report,
    findings: (function* () {
      const texts = new WeakMap<object, string>();
      for (const f of report.findings) yield new JsonText(flatFindingText(f, texts), FINDING_LEVEL);
    })(),
  };
}

/**
 * The report as the indexed shape writes it: `schemaVersion` after `version`, `checks` before
 * `findings`, and the findings converted one at a time as they are iterated (a writer streams them).
 * `asText`: each finding as its compact JSON text (`JsonText`), for the writer that puts one per line.
 */
export function indexedReport(report: Report, opts: { asText?: boolean } = {}): Record<string, unknown> {
  const checks = checksTable(report.findings);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (key === 'findings') {
      out.checks = checks;
      out.findings = opts.asText
        ? (function* () {
            const texts = new WeakMap<object, string>();
            for (const f of report.findings) yield new JsonText(indexedFindingText(f, checks[f.checkId], texts));
          })()
        : (function* () {
            for (const f of report.findings) yield indexedFinding(f, checks[f.checkId]);
          })();
    } else out[key] = value;
    if (key === 'version') out.schemaVersion = REPORT_SCHEMA_VERSION;
  }
  return out;
}

/** Why a parsed JSON document is not a lexscribe report this version reads. */
export class ReportFormatError extends Error {}

function expandFinding(f: IndexedFinding, checks: Record<string, CheckEntry>): ReportFinding {
  const entry = Object.hasOwn(checks, f.checkId) ? checks[f.checkId] : undefined;
  if (!entry) throw new ReportFormatError(`a finding names check ${String(f.checkId)}, which the report's checks table does not have`);
  // The flat finding's own order: title after checkId, the check's other fields after resource.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) {
    if ((CHECK_FIELDS as readonly string[]).includes(key)) continue;
    out[key] = value;
    if (key === 'checkId') out.title = f.title ?? entry.title;
    if (key === 'resource') for (const field of CHECK_FIELDS.slice(1)) out[field] = f[field] ?? entry[field];
  }
  return out as unknown as ReportFinding;
}

/** Whether a parsed JSON document is a lexscribe report (of any schema version). */
export function isReport(raw: unknown): raw is Report {
  const doc = raw as Partial<Report> | null;
  return !!doc && typeof doc === 'object' && doc.tool === 'lexscribe' && Array.isArray(doc.findings);
}

/**
 * A JSON report as read from a file, in either shape, as the flat report lexscribe works with. Throws
 * `ReportFormatError` for a document that is not a lexscribe report, or one of a newer schema version.
 */
export function parseReport(raw: unknown): Report {
  if (!isReport(raw)) throw new ReportFormatError('not a lexscribe JSON report (write one with -f json)');
  const doc = raw as Report & { schemaVersion?: unknown; checks?: unknown };
  const version = doc.schemaVersion ?? 1;
  if (version === 1) return doc as Report;
  if (version !== REPORT_SCHEMA_VERSION) throw new ReportFormatError(`report schema version ${String(version)} is newer than this lexscribe reads (${REPORT_SCHEMA_VERSION}); upgrade lexscribe`);
  if (!doc.checks || typeof doc.checks !== 'object' || Array.isArray(doc.checks)) throw new ReportFormatError('a schema version 2 report without its checks table');
  const checks = doc.checks as Record<string, CheckEntry>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'schemaVersion' || key === 'checks') continue;
    out[key] = key === 'findings' ? (value as IndexedFinding[]).map((f) => expandFinding(f, checks)) : value;
  }
  return out as unknown as Report;
}
