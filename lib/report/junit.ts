import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Finding } from '../model/finding';
import type { Report } from './report';
import { compareCheckIds, compareFindings, displayPath, fileLocation, position, resourceLabel, suppressionOrigin, warningKinds, WARNING_HEADINGS } from './present';

/** Characters XML 1.0 cannot carry at all (escaping does not help): dropped rather than producing a file no parser reads. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (s: string) => s.replace(NOT_XML, '');

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** JUnit has no "not applicable": such verdicts are not test cases. */
const isTestCase = (f: Finding) => f.status !== 'NOT_APPLICABLE';

function count(findings: readonly Finding[]): Counts {
  const cases = findings.filter(isTestCase);
  return {
    tests: cases.length,
    failures: cases.filter((f) => f.status === 'FAIL').length,
    errors: cases.filter((f) => f.status === 'ERROR').length,
    skipped: cases.filter((f) => f.status === 'UNKNOWN' || f.status === 'SUPPRESSED').length,
  };
}

const attrs = (c: Counts) => ({ tests: String(c.tests), failures: String(c.failures), errors: String(c.errors), skipped: String(c.skipped), time: '0' });

function details(f: Finding, cwd: string): string {
  const at = [fileLocation(f, cwd), f.property?.path].filter(Boolean).join(' ');
  const lines = [
    `Resource: ${resourceLabel(f.resource)} (${f.resource.type})`,
    ...(at ? [`Location: ${at}`] : []),
    ...(f.findingKey ? [`Finding key: ${f.findingKey}`] : []),
    ...(f.reason ? [`Reason: ${f.reason}`] : []),
    `Fix: ${f.remediation}`,
    `Docs: ${f.docs}`,
  ];
  return clean(lines.join('\n'));
}

/** Names unique within a suite: the resource, then the finding key, then the property path when still ambiguous. */
function caseNames(findings: readonly Finding[]): string[] {
  const base = findings.map((f) => resourceLabel(f.resource) + (f.findingKey ? ` [${f.findingKey}]` : ''));
  return base.map((name, i) => {
    const clash = base.filter((b) => b === name).length > 1;
    const path = findings[i].property?.path;
    return clash && path ? `${name} (${path})` : name;
  });
}

function addCase(suite: XMLBuilder, f: Finding, name: string, cwd: string): void {
  const pos = position(f);
  const tc = suite.ele('testcase', {
    name: clean(name),
    classname: clean(`lexscribe.${f.service}.${f.checkId}`),
    time: '0',
    ...(f.resource.file ? { file: clean(displayPath(f.resource.file, cwd)), ...(pos ? { line: String(pos.line) } : {}) } : {}),
  });
  const reason = clean(f.reason ?? f.title);
  switch (f.status) {
    case 'FAIL':
      tc.ele('failure', { message: reason, type: f.severity }).txt(details(f, cwd));
      break;
    case 'ERROR':
      tc.ele('error', { message: reason, type: 'CheckError' }).txt(details(f, cwd));
      break;
    case 'UNKNOWN':
      tc.ele('skipped', { message: `Could not be evaluated: ${reason}` });
      break;
    case 'SUPPRESSED': {
      const s = f.suppression;
      const why = s ? `${s.reason} (${suppressionOrigin(s.source)}${s.expires ? `, until ${s.expires}` : ''})` : 'no reason recorded';
      tc.ele('skipped', { message: clean(`Suppressed: ${why}. Finding: ${reason}`) });
      break;
    }
  }
}

/**
 * JUnit XML: one test suite per check, one test case per resource (and finding key). PASS passes; FAIL
 * is a failure and ERROR an error; UNKNOWN and SUPPRESSED are skipped with the reason, so that a test
 * view neither counts them as broken nor as passed. The run's warnings go to a suite of their own.
 */
export function renderJunit(report: Report, opts: { cwd: string }): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const timestamp = report.startedAt.slice(0, 19);
  const root = doc.ele('testsuites', { name: report.tool, ...attrs(count(report.findings)), timestamp });

  const byCheck = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!isTestCase(f)) continue;
    const list = byCheck.get(f.checkId);
    if (list) list.push(f);
    else byCheck.set(f.checkId, [f]);
  }
  const ids = [...byCheck.keys()].sort(compareCheckIds);
  ids.forEach((id, i) => {
    const findings = byCheck.get(id)!.sort((a, b) => compareFindings(a, b) || resourceLabel(a.resource).localeCompare(resourceLabel(b.resource)));
    const first = findings[0];
    const suite = root.ele('testsuite', { name: clean(`${id} ${first.title}`), id: String(i), ...attrs(count(findings)), timestamp, package: `lexscribe.${first.service}` });
    const props = suite.ele('properties');
    for (const [name, value] of Object.entries({ checkId: id, service: first.service, topic: first.topic, docs: first.docs })) {
      props.ele('property', { name, value: clean(value) });
    }
    const names = caseNames(findings);
    findings.forEach((f, j) => addCase(suite, f, names[j], opts.cwd));
  });

  if (report.warnings.length > 0) {
    const suite = root.ele('testsuite', { name: `${report.tool} warnings`, id: String(ids.length), ...attrs({ tests: 0, failures: 0, errors: 0, skipped: 0 }), timestamp });
    const text = warningKinds(report.warnings).flatMap((kind) => [
      `${WARNING_HEADINGS[kind] ?? kind}:`,
      ...report.warnings.filter((w) => w.kind === kind).map((w) => `  - ${w.message}`),
    ]);
    suite.ele('system-out').txt(clean(text.join('\n')));
  }
  return doc.end({ prettyPrint: true }) + '\n';
}
