import { styleText } from 'node:util';
import type { DriftEntry, DriftReport, DriftResource, Unjoinable } from '../drift/report';
import type { Status } from '../model/finding';
import { displayPath, WARNING_HEADINGS, warningKinds } from './present';

type Style = Parameters<typeof styleText>[0];
type Paint = (format: Style, text: string) => string;

const STATUS_STYLE: Record<Status, Style> = {
  ERROR: ['magenta', 'bold'],
  FAIL: ['red', 'bold'],
  UNKNOWN: ['yellow', 'bold'],
  SUPPRESSED: 'gray',
  PASS: 'green',
  NOT_APPLICABLE: 'gray',
};

const DETAIL = '      ';
const LABEL_WIDTH = 8;

/** `cdk.out/App.template.json:26:9`, for a resource of the templates. */
export function codeLocation(r: DriftResource, cwd: string): string | undefined {
  if (!r.file) return undefined;
  const file = displayPath(r.file, cwd);
  if (r.line === undefined) return file;
  return r.column !== undefined ? `${file}:${r.line}:${r.column}` : `${file}:${r.line}`;
}

/** Where a resource is in the account: `111122223333/us-east-1`, or the account alone (IAM), or nothing (S3). */
export function livePlace(r: DriftResource): string | undefined {
  return r.account ? (r.region ? `${r.account}/${r.region}` : r.account) : r.region;
}

/** One resource of a drift report as a person finds it: its name and type, then its logical id and stack when the code has it. */
export function driftResourceLabel(r: DriftResource): string {
  const code = r.logicalId ? `, logical id ${r.logicalId}${r.stack ? `, stack ${r.stack}` : ''}` : '';
  return `${r.name} (${r.type}${code})`;
}

/** Drift entries grouped by resource, in the report's order. */
export function groupDrift(entries: readonly DriftEntry[]): Array<{ resource: DriftResource; entries: DriftEntry[] }> {
  const groups = new Map<string, { resource: DriftResource; entries: DriftEntry[] }>();
  for (const e of entries) {
    const key = [e.resource.type, e.resource.account, e.resource.region, e.resource.name].join('\u0000');
    const g = groups.get(key);
    if (g) g.entries.push(e);
    else groups.set(key, { resource: e.resource, entries: [e] });
  }
  return [...groups.values()];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `Summary: 4 resources joined, 52 checks compared: 3 drifting on 2 resources, 1 only in code, …`. */
export function driftSummaryLine(report: DriftReport): string {
  const s = report.summary;
  const parts = [
    `${plural(s.drift, 'drifting check')}${s.drift > 0 ? ` on ${plural(s.driftingResources, 'resource')}` : ''}`,
    `${s.onlyInCode} only in code`,
    `${s.onlyLive} only live`,
    `${s.unjoinable} unjoinable`,
    `${s.undecided} undecided`,
  ];
  return `Summary: ${plural(s.joined, 'resource')} joined, ${plural(s.compared, 'check')} compared: ${parts.join(', ')}`;
}

export interface DriftTextOptions {
  color: boolean;
  cwd: string;
}

/** The drift report for a terminal or a CI log: what differs, by resource; what is on one side only; what could not be joined. */
export function renderDriftText(report: DriftReport, opts: DriftTextOptions): string {
  const paint: Paint = (format, text) => (opts.color ? styleText(format, text, { validateStream: false }) : text);
  const detail = (label: string, value: string) => `${DETAIL}${paint('dim', label.padEnd(LABEL_WIDTH))}${value}`;
  const out: string[] = [];
  const groups = groupDrift(report.drift);
  for (const g of groups) {
    const r = g.resource;
    out.push(`${paint('bold', r.name)} ${paint('dim', `(${r.type}${r.logicalId ? `, logical id ${r.logicalId}` : ''}${r.stack ? `, stack ${r.stack}` : ''})`)}`);
    const where = [codeLocation(r, opts.cwd), r.arn ?? livePlace(r)].filter(Boolean).join('  ↔  ');
    if (where) out.push(`  ${paint('dim', where)}`);
    for (const e of g.entries) out.push(...entryLines(e, paint, detail));
    out.push('');
  }
  if (groups.length === 0) out.push('No drift: every check compared says the same of the code and of the account.', '');
  const section = (title: string, items: readonly string[]) => {
    if (items.length > 0) out.push(paint('bold', title), ...items.map((i) => `  ${i}`), '');
  };
  section(`Only in code (${report.onlyInCode.length}): defined in the templates, not in the account`, report.onlyInCode.map((r) => oneSided(r, opts.cwd)));
  section(`Only live (${report.onlyLive.length}): in the account, in no template`, report.onlyLive.map((r) => oneSided(r, opts.cwd)));
  section(`Unjoinable (${report.unjoinable.length}): not joined, never guessed`, report.unjoinable.map((u) => unjoinableLine(u, opts.cwd)));
  if (report.undecided.length > 0) {
    out.push(paint('bold', `Undecided (${report.undecided.length}): one side could not be evaluated`));
    for (const e of report.undecided) out.push(`  ${e.checkId}  ${e.resource.name} (${e.resource.type}): code ${e.code}, live ${e.live}${e.live === 'UNKNOWN' ? ` (${e.liveReason})` : e.code === 'UNKNOWN' ? ` (${e.codeReason})` : ''}`);
    out.push('');
  }
  out.push(paint('bold', driftSummaryLine(report)));
  if (report.warnings.length > 0) {
    out.push('', paint(['yellow', 'bold'], `Warnings (${report.warnings.length})`));
    for (const kind of warningKinds(report.warnings)) {
      out.push(`  ${paint('bold', WARNING_HEADINGS[kind] ?? kind)}`);
      for (const w of report.warnings.filter((x) => x.kind === kind)) out.push(`    - ${w.message}`);
    }
  }
  return out.join('\n') + '\n';

  function entryLines(e: DriftEntry, p: Paint, d: (label: string, value: string) => string): string[] {
    const statuses = `code ${p(STATUS_STYLE[e.code], e.code)} → live ${p(STATUS_STYLE[e.live], e.live)}`;
    return [
      `  ${p('bold', e.checkId)}  ${e.severity.padEnd(8)}  ${statuses}  ${e.title}`,
      ...(e.codeReason ? [d('code', e.codeReason)] : []),
      ...(e.liveReason ? [d('live', e.liveReason)] : []),
      ...(e.live === 'FAIL' ? [d('fix', e.remediation)] : []),
    ];
  }
}

function oneSided(r: DriftResource, cwd: string): string {
  const where = [r.logicalId && `${r.stack}/${r.logicalId}`, codeLocation(r, cwd), r.arn, !r.arn && livePlace(r) && `in ${livePlace(r)}`].filter(Boolean).join('  ');
  return `${r.type}  ${r.name}${where ? `  ${where}` : ''}`;
}

function unjoinableLine(u: Unjoinable, cwd: string): string {
  const what = u.side === 'code' ? `${u.stack}/${u.logicalId}${u.file ? ` (${codeLocation(u, cwd)})` : ''}` : (u.arn ?? u.name);
  return `${u.side.padEnd(4)}  ${u.type}  ${what}: ${u.reason}`;
}
