import { create } from 'xmlbuilder2';
import type { DriftEntry, DriftReport, DriftResource } from '../drift/report';
import { codeLocation, livePlace } from './drift-text';

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (s: string) => s.replace(NOT_XML, '');

function name(r: DriftResource): string {
  return clean(`${r.type} ${r.name}${livePlace(r) ? ` (${livePlace(r)})` : ''}`);
}

function entryText(e: DriftEntry, cwd: string): string {
  return clean(
    [`Code: ${e.code}${e.codeReason ? ` (${e.codeReason})` : ''}`, `Live: ${e.live}${e.liveReason ? ` (${e.liveReason})` : ''}`, ...(codeLocation(e.resource, cwd) ? [`Template: ${codeLocation(e.resource, cwd)}`] : []), ...(e.resource.arn ? [`ARN: ${e.resource.arn}`] : []), `Fix: ${e.remediation}`, `Docs: ${e.docs}`].join('\n'),
  );
}

/**
 * JUnit XML of a drift report: a suite per drifting check (a failure per resource it drifts on), a
 * suite for the resources on one side only (failures), and one for the undecided and unjoinable ones
 * (skipped, with the reason): a test view counts what differs, and shows what could not be compared.
 */
export function renderDriftJunit(report: DriftReport, opts: { cwd: string }): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const timestamp = report.startedAt.slice(0, 19);
  const byCheck = new Map<string, DriftEntry[]>();
  for (const e of report.drift) byCheck.set(e.checkId, [...(byCheck.get(e.checkId) ?? []), e]);
  const oneSided = report.onlyInCode.length + report.onlyLive.length;
  const skipped = report.undecided.length + report.unjoinable.length;
  const total = report.drift.length + oneSided + skipped;
  const root = doc.ele('testsuites', { name: 'lexscribe drift', tests: String(total), failures: String(report.drift.length + oneSided), errors: '0', skipped: String(skipped), time: '0', timestamp });
  let id = 0;
  const suite = (title: string, tests: number, failures: number, skips: number) =>
    root.ele('testsuite', { name: clean(title), id: String(id++), tests: String(tests), failures: String(failures), errors: '0', skipped: String(skips), time: '0', timestamp });
  for (const [checkId, entries] of byCheck) {
    const s = suite(`${checkId} ${entries[0].title}`, entries.length, entries.length, 0);
    for (const e of entries) s.ele('testcase', { name: name(e.resource), classname: clean(`lexscribe.drift.${checkId}`), time: '0' }).ele('failure', { message: clean(`code ${e.code}, live ${e.live}`), type: e.severity }).txt(entryText(e, opts.cwd));
  }
  if (oneSided > 0) {
    const s = suite('resources on one side only', oneSided, oneSided, 0);
    for (const r of report.onlyInCode) s.ele('testcase', { name: name(r), classname: 'lexscribe.drift.only-in-code', time: '0' }).ele('failure', { message: 'defined in the templates, not found in the account', type: 'only-in-code' }).txt(clean(codeLocation(r, opts.cwd) ?? ''));
    for (const r of report.onlyLive) s.ele('testcase', { name: name(r), classname: 'lexscribe.drift.only-live', time: '0' }).ele('failure', { message: 'in the account, defined in no template', type: 'only-live' }).txt(clean(r.arn ?? ''));
  }
  if (skipped > 0) {
    const s = suite('not compared', skipped, 0, skipped);
    for (const e of report.undecided) s.ele('testcase', { name: clean(`${e.checkId} ${name(e.resource)}`), classname: 'lexscribe.drift.undecided', time: '0' }).ele('skipped', { message: clean(`code ${e.code}, live ${e.live}: one side could not be evaluated`) });
    for (const u of report.unjoinable) s.ele('testcase', { name: clean(`${u.side} ${u.type} ${u.logicalId ?? u.name}`), classname: 'lexscribe.drift.unjoinable', time: '0' }).ele('skipped', { message: clean(u.reason) });
  }
  return doc.end({ prettyPrint: true }) + '\n';
}
