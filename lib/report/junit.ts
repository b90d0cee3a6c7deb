import type { Finding } from '../model/finding';
import type { Report, ReportFinding, ReportGate } from './report';
import { XML_DECLARATION, xmlClose, xmlElement, xmlOpen, xmlTextElement } from './xml';
import { compareCheckIds, compareFindings, compareLabels, displayPath, fileLocation, position, resourceLabel, suppressionOrigin, warningKinds, WARNING_HEADINGS } from './present';

/** Characters XML 1.0 cannot carry at all (escaping does not help): dropped rather than producing a file no parser reads. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any character NOT_XML may remove (a surrogate in a pair too): a text without one, nearly all of them, is taken as it is without the slower pattern. */
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const clean = (s: string) => (MAYBE_NOT_XML.test(s) ? s.replace(NOT_XML, '') : s);

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** JUnit has no "not applicable": such verdicts are not test cases. */
const isTestCase = (f: Finding) => f.status !== 'NOT_APPLICABLE';

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

/**
 * What a test view shows. Without a gate (a report rendered on its own): FAIL fails, ERROR errs,
 * UNKNOWN and SUPPRESSED are skipped. From `scan` and `audit`, the gate decides: only what fails the
 * gate is a failure or an error (an UNKNOWN too, with --fail-on-unknown), and the rest is skipped with
 * the reason, so that the failures a test view counts are the ones behind the exit code.
 */
function outcome(f: ReportFinding, gate: ReportGate | undefined): Outcome {
  if (f.status === 'PASS' || f.status === 'NOT_APPLICABLE') return 'passed';
  if (f.status === 'SUPPRESSED') return 'skipped';
  if (gate && f.blocking !== undefined) return f.blocking ? (f.status === 'ERROR' ? 'error' : 'failure') : 'skipped';
  return f.status === 'FAIL' ? 'failure' : f.status === 'ERROR' ? 'error' : 'skipped';
}

function count(findings: readonly ReportFinding[], gate: ReportGate | undefined): Counts {
  const c: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const f of findings) {
    if (!isTestCase(f)) continue;
    c.tests++;
    const o = outcome(f, gate);
    if (o === 'failure') c.failures++;
    else if (o === 'error') c.errors++;
    else if (o === 'skipped') c.skipped++;
  }
  return c;
}

/** Why a FAIL, ERROR or UNKNOWN finding that the gate lets through is skipped. */
function notBlockingReason(f: ReportFinding, gate: ReportGate): string {
  if (f.baselineState === 'known') return `accepted by the baseline ${gate.baseline ?? ''}`.trimEnd();
  if (f.status === 'UNKNOWN') return 'the gate fails on UNKNOWN only with --fail-on-unknown';
  return `below the gate's threshold: ${f.severity} under --fail-on ${gate.failOn}`;
}

const attrs = (c: Counts) => ({ tests: String(c.tests), failures: String(c.failures), errors: String(c.errors), skipped: String(c.skipped), time: '0' });

function details(f: Finding, cwd: string): string {
  const at = [fileLocation(f, cwd), f.property?.path].filter(Boolean).join(' ');
  let text = `Resource: ${resourceLabel(f.resource)} (${f.resource.type})`;
  if (at) text += `\nLocation: ${at}`;
  if (f.findingKey) text += `\nFinding key: ${f.findingKey}`;
  if (f.reason) text += `\nReason: ${f.reason}`;
  return clean(`${text}\nFix: ${f.remediation}\nDocs: ${f.docs}`);
}

/** Names unique within a suite: the resource, then the finding key, then the property path when still ambiguous. */
function caseNames(findings: readonly Finding[], labels: readonly string[]): string[] {
  const base = findings.map((f, i) => labels[i] + (f.findingKey ? ` [${f.findingKey}]` : ''));
  const uses = new Map<string, number>();
  for (const name of base) uses.set(name, (uses.get(name) ?? 0) + 1);
  return base.map((name, i) => {
    const clash = uses.get(name)! > 1;
    const path = findings[i].property?.path;
    return clash && path ? `${name} (${path})` : name;
  });
}

/** What the test cases of one render share: its settings, and texts that repeat across thousands of cases, made once. */
interface Cases {
  cwd: string;
  gate: ReportGate | undefined;
  /** A file's `file` attribute. */
  files: Map<string, string>;
  /** The `properties` element of a status, severity and baseline state. */
  properties: Map<string, string>;
}

function fileAttribute(file: string, c: Cases): string {
  let shown = c.files.get(file);
  if (shown === undefined) c.files.set(file, (shown = clean(displayPath(file, c.cwd))));
  return shown;
}

/** What the finding was, whatever the test view makes of it: its status, severity and baseline state. */
function propertiesOf(f: ReportFinding, c: Cases): string {
  const key = `${f.status} ${f.severity} ${f.baselineState ?? ''}`;
  let text = c.properties.get(key);
  if (text === undefined) {
    const props = [xmlElement(4, 'property', { name: 'status', value: f.status }), xmlElement(4, 'property', { name: 'severity', value: f.severity })];
    if (f.baselineState) props.push(xmlElement(4, 'property', { name: 'baseline', value: f.baselineState }));
    c.properties.set(key, (text = xmlElement(3, 'properties', {}, props)));
  }
  return text;
}

/** One test case, at level 2 (testsuites → testsuite → testcase); `classname` is its suite's. */
function testCase(f: ReportFinding, name: string, classname: string, c: Cases): string {
  const attributes: Record<string, string> = { name: clean(name), classname, time: '0' };
  if (f.resource.file) {
    attributes.file = fileAttribute(f.resource.file, c);
    const pos = position(f);
    if (pos) attributes.line = String(pos.line);
  }
  const reason = clean(f.reason ?? f.title);
  const children: string[] = [];
  if (f.status !== 'PASS') children.push(propertiesOf(f, c));
  switch (outcome(f, c.gate)) {
    case 'failure':
      children.push(xmlTextElement(3, 'failure', { message: reason, type: f.severity }, details(f, c.cwd)));
      break;
    case 'error':
      children.push(xmlTextElement(3, 'error', { message: reason, type: 'CheckError' }, details(f, c.cwd)));
      break;
    case 'skipped':
      children.push(xmlElement(3, 'skipped', { message: clean(skippedMessage(f, reason, c.gate)) }));
      break;
    case 'passed':
      break;
  }
  return xmlElement(2, 'testcase', attributes, children);
}

function skippedMessage(f: ReportFinding, reason: string, gate: ReportGate | undefined): string {
  if (f.status === 'SUPPRESSED') {
    const s = f.suppression;
    const why = s ? `${s.reason} (${suppressionOrigin(s.source)}${s.expires ? `, until ${s.expires}` : ''})` : 'no reason recorded';
    return `Suppressed: ${why}. Finding: ${reason}`;
  }
  const gated = gate && f.blocking === false ? ` (${notBlockingReason(f, gate)})` : '';
  if (f.status === 'UNKNOWN') return `Could not be evaluated${gated}: ${reason}`;
  return `${f.status} ${f.severity}, not failing the run${gated}: ${reason}`;
}

/**
 * JUnit XML: one test suite per check, one test case per resource (and finding key), with the finding's
 * status, severity and baseline state as properties. PASS passes; what fails the gate is a failure (an
 * ERROR: an error); SUPPRESSED, UNKNOWN, and FAIL the gate lets through are skipped with the reason, so
 * that a test view counts as broken exactly what broke the run. The run's warnings go to a suite of their own.
 */
export function renderJunit(report: Report, opts: { cwd: string }): string {
  return [...junitChunks(report, opts)].join('');
}

/** The JUnit XML of `renderJunit` in pieces: the root's start tag, then one test suite at a time. */
export function* junitChunks(report: Report, opts: { cwd: string }): Generator<string> {
  const timestamp = report.startedAt.slice(0, 19);
  const { gate } = report;
  const byCheck = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    if (!isTestCase(f)) continue;
    const list = byCheck.get(f.checkId);
    if (list) list.push(f);
    else byCheck.set(f.checkId, [f]);
  }
  const ids = [...byCheck.keys()].sort(compareCheckIds);
  const rootAttrs = { name: report.tool, ...attrs(count(report.findings, gate)), timestamp };
  if (ids.length === 0 && report.warnings.length === 0) {
    yield `${XML_DECLARATION}${xmlElement(0, 'testsuites', rootAttrs)}\n`;
    return;
  }
  yield `${XML_DECLARATION}${xmlOpen('testsuites', rootAttrs)}`;
  const shared: Cases = { cwd: opts.cwd, gate, files: new Map(), properties: new Map() };
  for (const [i, id] of ids.entries()) {
    // Each finding's label is made once, not at every comparison of the sort.
    const sorted = byCheck
      .get(id)!
      .map((f) => ({ f, label: resourceLabel(f.resource) }))
      .sort((a, b) => compareFindings(a.f, b.f) || compareLabels(a.label, b.label));
    const findings = sorted.map((e) => e.f);
    const first = findings[0];
    const props = Object.entries({ checkId: id, service: first.service, topic: first.topic, docs: first.docs }).map(([name, value]) => xmlElement(3, 'property', { name, value: clean(value) }));
    const names = caseNames(findings, sorted.map((e) => e.label));
    // A check is of one service: its cases share one class name.
    const classname = clean(`lexscribe.${first.service}.${id}`);
    const cases = findings.map((f, j) => testCase(f, names[j], classname, shared));
    cases.unshift(xmlElement(2, 'properties', {}, props));
    yield xmlElement(1, 'testsuite', { name: clean(`${id} ${first.title}`), id: String(i), ...attrs(count(findings, gate)), timestamp, package: `lexscribe.${first.service}` }, cases);
  }
  if (report.warnings.length > 0) {
    const lines = warningKinds(report.warnings).flatMap((kind) => [
      `${WARNING_HEADINGS[kind] ?? kind}:`,
      ...report.warnings.filter((w) => w.kind === kind).map((w) => `  - ${w.message}`),
    ]);
    yield xmlElement(1, 'testsuite', { name: `${report.tool} warnings`, id: String(ids.length), ...attrs({ tests: 0, failures: 0, errors: 0, skipped: 0 }), timestamp }, [xmlTextElement(2, 'system-out', {}, clean(lines.join('\n')))]);
  }
  yield `${xmlClose('testsuites')}\n`;
}
