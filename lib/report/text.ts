import { styleText } from 'node:util';
import type { FindingResource, RunWarning, Severity, Status } from '../model/finding';
import type { AccountSummary, Report, ReportFinding } from './report';
import {
  SEVERITIES_DESC,
  WARNING_HEADINGS,
  fileLocation,
  groupByResource,
  isActionable,
  resourceIdentity,
  resourceLabel,
  sourceLocation,
  suppressionOrigin,
  warningKinds,
} from './present';

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

const SEVERITY_STYLE: Record<Severity, Style> = {
  CRITICAL: ['redBright', 'bold'],
  HIGH: 'red',
  MEDIUM: 'yellow',
  LOW: 'cyan',
  INFO: 'gray',
};

/** The summary line's order: what failed first, then what could not be verified, then the rest. */
const SUMMARY_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'UNKNOWN', 'SUPPRESSED', 'PASS', 'NOT_APPLICABLE'];
const STATUS_WORDS: Record<Status, string> = {
  ERROR: 'error',
  FAIL: 'failed',
  UNKNOWN: 'unknown',
  SUPPRESSED: 'suppressed',
  PASS: 'passed',
  NOT_APPLICABLE: 'not applicable',
};

const SEVERITY_WIDTH = Math.max(...SEVERITIES_DESC.map((s) => s.length)) + 2;
const DETAIL = '      ';
const LABEL_WIDTH = 12;

export interface TextOptions {
  color: boolean;
  verbose: boolean;
  cwd: string;
}

/** What a person reads in a terminal or a CI log: findings by resource, a summary line, then the run's warnings. */
export function renderText(report: Report, opts: TextOptions): string {
  return [...textChunks(report, opts)].join('');
}

/** The text report line by line (each with its newline), so that a large one is written as it is made. */
export function* textChunks(report: Report, opts: TextOptions): Generator<string> {
  // The caller decides whether colours make sense (TTY, NO_COLOR, --no-color); styleText must not second-guess it.
  const paint: Paint = (format, text) => (opts.color ? styleText(format, text, { validateStream: false }) : text);
  const shown = opts.verbose ? report.findings : report.findings.filter(isActionable);
  // A loop, not Math.max(...): spreading a verbose report's findings as arguments overflows the stack.
  let statusWidth = 0;
  for (const f of shown) statusWidth = Math.max(statusWidth, f.status.length);
  statusWidth += 2;
  const line = (text: string) => `${text}\n`;

  // A resource's lines are one piece: a piece per line cost more than the lines.
  for (const group of groupByResource(shown)) {
    let text = line(resourceHeading(group.resource, paint));
    for (const f of group.findings) text += `${findingLines(f, statusWidth, opts.cwd, paint).join('\n')}\n`;
    yield `${text}\n`;
  }
  if (shown.length === 0) yield line(report.findings.length === 0 ? 'No findings.' : 'Nothing failed, nothing unknown, nothing suppressed.') + line('');

  yield line(summaryLine(report, paint));
  const baseline = baselineLine(report);
  if (baseline) yield line(baseline);
  const topics = topicLine(report);
  if (topics) yield line(topics);
  if (showsAccounts(report)) yield ['', ...accountLines(report, paint)].map(line).join('');
  if (report.warnings.length > 0) yield ['', ...warningLines(report.warnings, paint)].map(line).join('');
}

function resourceHeading(r: FindingResource, paint: Paint): string {
  const label = resourceLabel(r);
  // Suppressions in templates name the logical id: show it unless the label already ends with it.
  const extra = r.logicalId && !r.arn && !label.endsWith(r.logicalId) ? `${r.type}, logical id ${r.logicalId}` : r.type;
  return `${paint('bold', label)} ${paint('dim', `(${extra})`)}`;
}

function findingLines(f: ReportFinding, statusWidth: number, cwd: string, paint: Paint): string[] {
  const head = `  ${paint(STATUS_STYLE[f.status], f.status.padEnd(statusWidth))}${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(SEVERITY_WIDTH))}${paint('bold', f.checkId)}  ${f.title}`;
  const detail = (label: string, value: string) => `${DETAIL}${paint('dim', label.padEnd(LABEL_WIDTH))}${value}`;
  const lines = [head];
  const at = [fileLocation(f, cwd), f.property?.path].filter(Boolean).join('  ');
  if (at) lines.push(detail('at', at));
  if (f.resource.source) lines.push(detail('source', sourceLocation(f.resource.source, cwd)));
  if (f.findingKey) lines.push(detail('key', f.findingKey));
  if (f.reason) lines.push(detail(f.status === 'UNKNOWN' ? 'unknown' : f.status === 'ERROR' ? 'error' : 'reason', f.reason));
  if (f.suppression) {
    const s = f.suppression;
    lines.push(detail('suppressed', `${s.reason} (${suppressionOrigin(s.source)}${s.expires ? `, until ${s.expires}` : ''})`));
  }
  if (f.baselineState) lines.push(detail('baseline', f.baselineState === 'new' ? paint('bold', 'new (not in the baseline)') : 'known (recorded in the baseline)'));
  if (isActionable(f)) lines.push(detail('fix', f.remediation));
  lines.push(detail('docs', paint('dim', f.docs)));
  return lines;
}

/** `Summary: 12 findings on 5 resources: 3 failed (1 critical, 2 medium), 2 unknown, 1 suppressed, 6 passed`. */
export function summaryLine(report: Report, paint: Paint = (_f, t) => t): string {
  const { summary } = report;
  const resources = new Set(report.findings.map((f) => resourceIdentity(f.resource))).size;
  const parts = SUMMARY_ORDER.filter((s) => summary.byStatus[s] > 0 || s === 'FAIL').map((s) => {
    const text = `${summary.byStatus[s]} ${STATUS_WORDS[s]}`;
    if (summary.byStatus[s] === 0) return text;
    if (s !== 'FAIL') return paint(STATUS_STYLE[s], text);
    const bySeverity = SEVERITIES_DESC.filter((v) => summary.failedBySeverity[v] > 0).map((v) => `${summary.failedBySeverity[v]} ${v.toLowerCase()}`);
    return `${paint(STATUS_STYLE.FAIL, text)} (${bySeverity.join(', ')})`;
  });
  const noun = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${paint('bold', 'Summary:')} ${noun(summary.total, 'finding')} on ${noun(resources, 'resource')}: ${parts.join(', ')}`;
}

/** `Baseline lexscribe-baseline.json: 2 new, 14 known, 1 no longer found` (with `--baseline` only). */
export function baselineLine(report: Report): string | undefined {
  const counts = report.summary.baseline;
  if (!counts) return undefined;
  return `Baseline${report.gate?.baseline ? ` ${report.gate.baseline}` : ''}: ${counts.new} new, ${counts.known} known, ${counts.gone} no longer found`;
}

/** Where the failures are, by AWS documentation topic: `By topic: Data protection 3 failed, 1 unknown; …`. */
export function topicLine(report: Report): string | undefined {
  const parts = Object.entries(report.summary.byTopic)
    .filter(([, c]) => c.FAIL + c.UNKNOWN + c.ERROR > 0)
    .map(([topic, c]) => `${topic} ${[c.FAIL && `${c.FAIL} failed`, c.UNKNOWN && `${c.UNKNOWN} unknown`, c.ERROR && `${c.ERROR} error`].filter(Boolean).join(', ')}`);
  return parts.length > 0 ? `By topic: ${parts.join('; ')}` : undefined;
}

/** A multi-account audit (or a merge) has an account table; a single account's report does not need one. */
export function showsAccounts(report: Report): boolean {
  return !!report.accounts && (report.accounts.length > 1 || report.scope !== undefined);
}

const ACCOUNT_STATUS_STYLE: Record<AccountSummary['status'], Style> = { complete: 'green', partial: 'yellow', unreadable: ['red', 'bold'], 'not-audited': ['red', 'bold'] };

/** `By account (3): 2 complete, 1 unreadable`, then one row per account: its status, resources and finding counts. */
export function accountLines(report: Report, paint: Paint = (_f, t) => t): string[] {
  const accounts = report.accounts ?? [];
  const byStatus = new Map<string, number>();
  for (const a of accounts) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  const scope = report.scope;
  const where = [scope?.organization && `organization ${scope.organization}`, scope?.shard && `shard ${scope.shard.index}/${scope.shard.count} of ${scope.selected.length} accounts`, scope?.merged && `merged from ${scope.merged.length} report${scope.merged.length === 1 ? '' : 's'}`].filter(Boolean);
  const head = `${paint('bold', `By account (${accounts.length}):`)} ${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')}${where.length > 0 ? ` · ${where.join(' · ')}` : ''}`;
  const rows = accounts.map((a) => {
    const worst = SEVERITIES_DESC.find((s) => a.failedBySeverity[s] > 0);
    return [a.id, a.name ?? '', a.status, String(a.resources), `${a.byStatus.FAIL}${worst ? ` (${worst.toLowerCase()})` : ''}`, String(a.byStatus.UNKNOWN), String(a.byStatus.ERROR), String(a.byStatus.SUPPRESSED), String(a.byStatus.PASS), String(a.failedCalls), a.reason ?? ''];
  });
  const header = ['ACCOUNT', 'NAME', 'STATUS', 'RESOURCES', 'FAILED', 'UNKNOWN', 'ERROR', 'SUPPRESSED', 'PASSED', 'FAILED CALLS', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = (i: number) => i >= 3 && i <= 9;
  const cell = (text: string, i: number) => (numeric(i) ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (r: string[], style?: (i: number, text: string) => string) => `  ${r.map((c, i) => (style ? style(i, cell(c, i)) : cell(c, i))).join('  ')}`.trimEnd();
  return [
    head,
    line(header, (_i, t) => paint('dim', t)),
    ...rows.map((r, k) => line(r, (i, t) => (i === 2 ? paint(ACCOUNT_STATUS_STYLE[accounts[k].status], t) : t))),
  ];
}

function warningLines(warnings: readonly RunWarning[], paint: Paint): string[] {
  const lines = [paint(['yellow', 'bold'], `Warnings (${warnings.length})`)];
  for (const kind of warningKinds(warnings)) {
    lines.push(`  ${paint('bold', WARNING_HEADINGS[kind] ?? kind)}`);
    for (const w of warnings.filter((x) => x.kind === kind)) lines.push(`    - ${w.message}`);
  }
  return lines;
}
