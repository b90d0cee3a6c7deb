import type { Severity, Status } from '../model/finding';
import { HTML_STYLE, cls } from './html-style';
import type { AccountSummary, Report, ReportFinding } from './report';
import { showsAccounts } from './text';
import {
  SEVERITIES_DESC,
  STATUS_ORDER,
  WARNING_HEADINGS,
  groupByResource,
  groupByTopic,
  fileLocation,
  resourceLabel,
  sourceLocation,
  suppressionOrigin,
  warningKinds,
  type ResourceGroup,
} from './present';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** What `esc` drops or escapes: most values have none of it. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F&<>"']/;

/** Text for element content and quoted attributes. Every value of a report goes through here. */
export function esc(value: string | number): string {
  // Most values have nothing to drop or escape: one test instead of two replaces.
  if (typeof value === 'string' && !NEEDS_ESCAPE.test(value)) return value;
  // Control characters have no visible form (a browser draws a box): drop them.
  return String(value)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Only web links become links: a `javascript:` or `data:` docs value is shown as text. */
export function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(text)}</a>` : esc(url);
}

const STATUS_LABEL: Record<Status, string> = {
  ERROR: 'Error',
  FAIL: 'Failed',
  UNKNOWN: 'Unknown',
  SUPPRESSED: 'Suppressed',
  PASS: 'Passed',
  NOT_APPLICABLE: 'Not applicable',
};

/** Filters are checkboxes that CSS reads with `:has()`: no script runs, and the page works under a strict CSP. */
function filters(report: Report): string {
  const present = STATUS_ORDER.filter((s) => report.summary.byStatus[s] > 0);
  const boxes = present.map((s) => {
    const on = s !== 'PASS' && s !== 'NOT_APPLICABLE';
    return `<label class="chip st-${cls(s)}"><input type="checkbox" id="show-${cls(s)}"${on ? ' checked' : ''}> ${STATUS_LABEL[s]} <b>${report.summary.byStatus[s]}</b></label>`;
  });
  if (present.length === 0) return '';
  return `<nav class="filters" aria-label="Show findings by status"><div class="inner"><span class="brand">lexscribe</span><span class="muted">Show</span>${boxes.join('')}</div></nav>`;
}

function severityBars(report: Report): string {
  const failed = report.summary.failedBySeverity;
  const max = Math.max(1, ...SEVERITIES_DESC.map((s) => failed[s]));
  const rows = SEVERITIES_DESC.map(
    (s) =>
      `<tr><th scope="row"><span class="sev sev-${cls(s)}">${s}</span></th><td class="bar">${failed[s] > 0 ? `<span style="width:${((failed[s] / max) * 100).toFixed(1)}%" class="fill sev-${cls(s)}"></span>` : ''}</td><td class="num${failed[s] > 0 ? '' : ' muted'}">${failed[s]}</td></tr>`,
  );
  return `<section class="panel"><h2>Failed by severity</h2><table class="bars">${rows.join('')}</table></section>`;
}

function topicTable(report: Report): string {
  const topics = groupByTopic(report.findings);
  if (topics.length === 0) return '';
  const cols: Status[] = ['FAIL', 'UNKNOWN', 'ERROR', 'SUPPRESSED', 'PASS'];
  const head = cols.map((s) => `<th scope="col" class="num">${STATUS_LABEL[s]}</th>`).join('');
  const rows = topics
    .sort((a, b) => b.byStatus.FAIL - a.byStatus.FAIL || a.topic.localeCompare(b.topic))
    .map((t) => {
      const cells = cols.map((s) => `<td class="num${t.byStatus[s] > 0 ? ` has st-${cls(s)}` : ''}">${t.byStatus[s]}</td>`).join('');
      const worst = SEVERITIES_DESC.find((s) => t.failedBySeverity[s] > 0);
      return `<tr><th scope="row">${esc(t.topic)}${worst ? ` <span class="sev sev-${cls(worst)}" title="worst failed severity">${worst}</span>` : ''}</th>${cells}</tr>`;
    });
  return `<section class="panel grow"><h2>By topic</h2><table class="topics"><thead><tr><th scope="col">Topic</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** A multi-account audit: one row per account, its status, resources and what its findings came to. */
function accountTable(report: Report): string {
  if (!showsAccounts(report)) return '';
  const accounts = report.accounts ?? [];
  const cols: Status[] = ['FAIL', 'UNKNOWN', 'ERROR', 'SUPPRESSED', 'PASS'];
  const scope = report.scope;
  const caption = [scope?.organization && `organization ${scope.organization}`, scope?.shard && `shard ${scope.shard.index}/${scope.shard.count} of ${scope.selected.length} accounts`, scope?.merged && `merged from ${scope.merged.length} reports`].filter(Boolean).join(' · ');
  const rows = accounts.map((a: AccountSummary) => {
    const worst = SEVERITIES_DESC.find((s) => a.failedBySeverity[s] > 0);
    const cells = cols.map((s) => `<td class="num${a.byStatus[s] > 0 ? ` has st-${cls(s)}` : ''}">${a.byStatus[s]}</td>`).join('');
    return `<tr><th scope="row"><code>${esc(a.id)}</code>${a.name ? ` ${esc(a.name)}` : ''}${worst ? ` <span class="sev sev-${cls(worst)}" title="worst failed severity">${worst}</span>` : ''}</th><td class="num acct-${cls(a.status)}">${esc(a.status)}</td><td class="num">${a.resources}</td>${cells}<td class="num">${a.failedCalls}</td><td class="why muted">${esc(a.reason ?? '')}</td></tr>`;
  });
  const head = ['Status', 'Resources', ...cols.map((s) => STATUS_LABEL[s]), 'Failed calls'].map((h) => `<th scope="col" class="num">${h}</th>`).join('');
  return `<section class="panel accounts"><h2>By account <span class="muted">(${accounts.length}${caption ? ` · ${esc(caption)}` : ''})</span></h2><table class="topics"><thead><tr><th scope="col">Account</th>${head}<th scope="col"></th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function row(label: string, value: string): string {
  return `<div class="kv"><dt>${label}</dt><dd>${value}</dd></div>`;
}

/** The gate's word on a finding: whether it fails the run, and whether the baseline knew it. */
function gateBadges(f: ReportFinding): string {
  const badges = [
    f.baselineState ? `<span class="badge baseline-${f.baselineState}" title="${f.baselineState === 'new' ? 'not in the baseline' : 'recorded in the baseline'}">${f.baselineState}</span>` : '',
    f.blocking ? '<span class="badge blocking" title="fails the gate">fails the gate</span>' : '',
  ];
  return badges.join('');
}

/** The escaped text of what every finding of a check repeats (title, remediation, docs): made once per check. */
function memo(make: (v: string) => string): (v: string) => string {
  const made = new Map<string, string>();
  return (value) => {
    let out = made.get(value);
    if (out === undefined) {
      if (made.size >= 10_000) made.clear();
      made.set(value, (out = make(value)));
    }
    return out;
  };
}

const escRepeated = memo(esc);
const docsLink = memo((url) => link(url, url.replace(/^https?:\/\//, '')));

function findingCard(f: ReportFinding, cwd: string): string {
  const s = f.suppression;
  const file = fileLocation(f, cwd);
  const where = [file && `<code>${esc(file)}</code>`, f.property && `<code class="path">${esc(f.property.path)}</code>`].filter(Boolean).join(' ');
  const rows = [
    f.resource.source ? row('Source', `<code>${esc(sourceLocation(f.resource.source, cwd))}</code>`) : '',
    where ? row('Where', where) : '',
    f.findingKey ? row('Key', `<code>${esc(f.findingKey)}</code>`) : '',
    f.reason ? row(f.status === 'UNKNOWN' ? 'Why unknown' : f.status === 'ERROR' ? 'Error' : 'Reason', esc(f.reason)) : '',
    s ? row('Suppressed', `${esc(s.reason)} <span class="muted">(${esc(suppressionOrigin(s.source))}${s.expires ? `, until ${esc(s.expires)}` : ''})</span>`) : '',
    f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE' ? row('Fix', escRepeated(f.remediation)) : '',
    row('Docs', docsLink(f.docs)),
  ];
  return `<article class="finding st-${cls(f.status)}">
<header><span class="status st-${cls(f.status)}">${STATUS_LABEL[f.status]}</span><span class="sev sev-${cls(f.severity)}">${esc(f.severity)}</span><span class="check">${esc(f.checkId)}</span><span class="title">${escRepeated(f.title)}</span>${gateBadges(f)}<span class="topic">${escRepeated(f.topic)}</span></header>
<dl>${rows.join('')}</dl>
</article>`;
}

function resourceSection(g: ResourceGroup, cwd: string, names: ReadonlyMap<string, string>): string {
  const r = g.resource;
  const statuses = [...new Set(g.findings.map((f) => f.status))];
  const counts = STATUS_ORDER.filter((s) => statuses.includes(s))
    .map((s) => `<span class="count st-${cls(s)}">${g.findings.filter((f) => f.status === s).length} ${STATUS_LABEL[s].toLowerCase()}</span>`)
    .join('');
  const account = r.account && `account ${r.account}${names.has(r.account) ? ` (${names.get(r.account)})` : ''}`;
  const where = r.arn ? [account, r.region].filter(Boolean).join(' · ') : [r.stack && `stack ${r.stack}`, r.logicalId && `logical id ${r.logicalId}`].filter(Boolean).join(' · ');
  return `<section class="resource ${statuses.map((s) => `has-${cls(s)}`).join(' ')}">
<header><h3>${esc(resourceLabel(r))}</h3><span class="type">${esc(r.type)}</span><span class="muted">${esc(where)}</span><span class="counts">${counts}</span></header>
${g.findings.map((f) => findingCard(f, cwd)).join('\n')}
</section>`;
}

function warningsSection(report: Report): string {
  if (report.warnings.length === 0) return '';
  const groups = warningKinds(report.warnings).map(
    (kind) => `<h3>${esc(WARNING_HEADINGS[kind] ?? kind)}</h3><ul>${report.warnings
      .filter((w) => w.kind === kind)
      .map((w) => `<li>${esc(w.message)}</li>`)
      .join('')}</ul>`,
  );
  return `<section class="warnings"><h2>Warnings <span class="muted">(${report.warnings.length})</span></h2>${groups.join('')}</section>`;
}

function tiles(report: Report): string {
  const shown: Status[] = ['FAIL', 'UNKNOWN', 'ERROR', 'SUPPRESSED', 'PASS'];
  return `<div class="tiles">${shown
    .map((s) => `<div class="tile st-${cls(s)}${report.summary.byStatus[s] > 0 ? ' has' : ''}"><b>${report.summary.byStatus[s]}</b><span>${STATUS_LABEL[s]}</span></div>`)
    .join('')}</div>`;
}

/** `2026-11-22T09:30:00.000Z` → `2026-11-22 09:30 UTC`. */
function when(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function overview(report: Report, resources: number): string {
  const { total, byStatus } = report.summary;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const gaps = [
    byStatus.UNKNOWN > 0 ? `${plural(byStatus.UNKNOWN, 'finding', 'findings')} could not be evaluated` : '',
    byStatus.ERROR > 0 ? `${plural(byStatus.ERROR, 'check', 'checks')} failed to run` : '',
  ].filter(Boolean);
  return `${plural(total, 'finding', 'findings')} on ${plural(resources, 'resource', 'resources')}.${gaps.length > 0 ? ` ${gaps.join('; ')}.`.replace(/^ ./, (c) => c.toUpperCase()) : ''}${gateSentence(report)}`;
}

/** ` The gate (at or above HIGH) failed on 3 findings. Against the baseline b.json: 2 new, 14 known, 1 no longer found.` */
function gateSentence(report: Report): string {
  const { gate } = report;
  if (!gate) return '';
  const threshold = `at or above ${gate.failOn}${gate.failOnUnknown ? ', or UNKNOWN' : ''}`;
  const verdict = gate.failed ? ` The gate (${threshold}) failed on ${gate.blocking} finding${gate.blocking === 1 ? '' : 's'}.` : ` The gate (${threshold}) passed.`;
  const b = report.summary.baseline;
  return verdict + (b ? ` Against the baseline${gate.baseline ? ` ${gate.baseline}` : ''}: ${b.new} new, ${b.known} known, ${b.gone} no longer found.` : '');
}

function headline(report: Report): string {
  const { byStatus, failedBySeverity } = report.summary;
  const worst = SEVERITIES_DESC.find((s: Severity) => failedBySeverity[s] > 0);
  if (byStatus.FAIL > 0) return `${byStatus.FAIL} failed finding${byStatus.FAIL === 1 ? '' : 's'}, worst ${worst}`;
  if (byStatus.ERROR + byStatus.UNKNOWN > 0) return 'Nothing failed, but not everything could be evaluated';
  return report.findings.length > 0 ? 'Nothing failed' : 'No findings';
}

/**
 * One self-contained page: inline CSS, no script, no external asset. Findings are grouped by resource,
 * worst first; the summary counts them by severity and by topic; PASS is hidden until asked for.
 */
export function renderHtml(report: Report, opts: { cwd: string }): string {
  return [...htmlChunks(report, opts)].join('');
}

/** The page in pieces: everything above the findings, each resource's section, then the end. */
export function* htmlChunks(report: Report, opts: { cwd: string }): Generator<string> {
  const groups = groupByResource(report.findings);
  const names = new Map((report.accounts ?? []).flatMap((a) => (a.name ? [[a.id, a.name] as const] : [])));
  const mode = { synth: 'CDK synth', scan: 'Template scan', audit: 'Account audit' }[report.mode];
  const verdict = report.summary.byStatus.FAIL > 0 ? 'bad' : report.summary.byStatus.ERROR + report.summary.byStatus.UNKNOWN > 0 ? 'warn' : 'good';
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>lexscribe · ${esc(mode)} · ${esc(report.startedAt)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${filters(report)}
<main>
<header class="top verdict-${verdict}">
<div class="intro"><p class="tool">lexscribe ${esc(report.version)} · ${esc(mode)} · ${esc(when(report.startedAt))}</p><h1>${esc(headline(report))}</h1>
<p class="muted">${esc(overview(report, groups.length))}${groups.length > 0 ? ' The status chips at the top show or hide findings; passed checks are hidden at first.' : ''}</p></div>
${tiles(report)}
</header>
<div class="panels">${severityBars(report)}${topicTable(report)}</div>${accountTable(report)}
${warningsSection(report)}
<h2 class="section">Findings by resource</h2>
`;
  if (groups.length === 0) yield '<p class="empty">No findings.</p>';
  for (const [i, g] of groups.entries()) yield `${i > 0 ? '\n' : ''}${resourceSection(g, opts.cwd, names)}`;
  if (groups.length > 0) yield '\n<p class="empty only-hidden">Every finding is hidden by the status filters.</p>';
  yield `
</main>
</body>
</html>
`;
}
