import type { DriftEntry, DriftReport, DriftResource } from '../drift/report';
import { cls, HTML_STYLE } from './html-style';
import { esc, link } from './html';
import { codeLocation, driftSummaryLine, groupDrift, livePlace } from './drift-text';
import { WARNING_HEADINGS, warningKinds } from './present';

const EXTRA_STYLE = `
.drift td, .drift th { text-align: left; padding: 6px 10px 6px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
.drift thead th { color: var(--muted); font-weight: normal; font-size: 12.5px; }
.drift tr:last-child > * { border-bottom: 0; }
.side { font-weight: 700; } .side.st-fail { color: var(--fail); } .side.st-pass { color: var(--pass); } .side.st-unknown { color: var(--unknown); }
.side.st-error { color: var(--error); } .side.st-suppressed, .side.st-not-applicable { color: var(--muted); }
section.block { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin: 0 0 14px; overflow-x: auto; }
`;

function where(r: DriftResource, cwd: string): string {
  return [codeLocation(r, cwd) && `<code>${esc(codeLocation(r, cwd)!)}</code>`, r.arn ? `<code>${esc(r.arn)}</code>` : livePlace(r) && esc(livePlace(r)!)].filter(Boolean).join('<br>');
}

function side(status: string): string {
  return `<span class="side st-${cls(status)}">${esc(status)}</span>`;
}

function entryRows(entries: readonly DriftEntry[], cwd: string): string {
  return groupDrift(entries)
    .flatMap((g) =>
      g.entries.map(
        (e, i) =>
          `<tr>${i === 0 ? `<th scope="row" rowspan="${g.entries.length}">${esc(g.resource.name)}<br><span class="type">${esc(g.resource.type)}</span>${g.resource.logicalId ? `<br><span class="muted">logical id ${esc(g.resource.logicalId)}</span>` : ''}<br>${where(g.resource, cwd)}</th>` : ''}<td><span class="check">${esc(e.checkId)}</span> <span class="sev sev-${cls(e.severity)}">${esc(e.severity)}</span><br>${esc(e.title)}</td><td>${side(e.code)}<br><span class="muted">${esc(e.codeReason ?? '')}</span></td><td>${side(e.live)}<br><span class="muted">${esc(e.liveReason ?? '')}</span></td><td>${e.live === 'FAIL' ? esc(e.remediation) : ''}<br>${link(e.docs, e.docs.replace(/^https?:\/\//, ''))}</td></tr>`,
      ),
    )
    .join('');
}

function table(head: string[], rows: string): string {
  return `<table class="drift"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

function block(title: string, count: number, body: string): string {
  return `<section class="block"><h2>${esc(title)} <span class="muted">(${count})</span></h2>${count > 0 ? body : '<p class="muted">None.</p>'}</section>`;
}

/** The drift report as one self-contained page: no script, no external asset, everything escaped. */
export function renderDriftHtml(report: DriftReport, opts: { cwd: string }): string {
  const s = report.summary;
  const verdict = s.drift + s.onlyInCode + s.onlyLive > 0 ? 'bad' : s.undecided + s.unjoinable > 0 ? 'warn' : 'good';
  const headline = s.drift > 0 ? `${s.drift} drifting check${s.drift === 1 ? '' : 's'} on ${s.driftingResources} resource${s.driftingResources === 1 ? '' : 's'}` : s.onlyInCode + s.onlyLive > 0 ? 'Code and account hold different resources' : 'No drift';
  const tiles = (
    [
      ['Drift', s.drift, 'st-fail'],
      ['Only in code', s.onlyInCode, 'st-fail'],
      ['Only live', s.onlyLive, 'st-fail'],
      ['Undecided', s.undecided, 'st-unknown'],
      ['Unjoinable', s.unjoinable, 'st-unknown'],
      ['Joined', s.joined, 'st-pass'],
    ] as const
  )
    .map(([label, n, c]) => `<div class="tile ${c}${n > 0 ? ' has' : ''}"><b>${n}</b><span>${label}</span></div>`)
    .join('');
  const oneSided = (rs: readonly DriftResource[]) => table(['Resource', 'Type', 'Where'], rs.map((r) => `<tr><th scope="row">${esc(r.name)}</th><td class="type">${esc(r.type)}</td><td>${r.logicalId ? `${esc(`${r.stack}/${r.logicalId}`)}<br>` : ''}${where(r, opts.cwd)}</td></tr>`).join(''));
  const warnings =
    report.warnings.length === 0
      ? ''
      : `<section class="warnings"><h2>Warnings <span class="muted">(${report.warnings.length})</span></h2>${warningKinds(report.warnings)
          .map((k) => `<h3>${esc(WARNING_HEADINGS[k] ?? k)}</h3><ul>${report.warnings.filter((w) => w.kind === k).map((w) => `<li>${esc(w.message)}</li>`).join('')}</ul>`)
          .join('')}</section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>lexscribe · drift · ${esc(report.startedAt)}</title>
<style>${HTML_STYLE}${EXTRA_STYLE}</style>
</head>
<body>
<main>
<header class="top verdict-${verdict}">
<div class="intro"><p class="tool">lexscribe ${esc(report.version)} · drift between code and account · ${esc(report.startedAt)}</p><h1>${esc(headline)}</h1>
<p class="muted">${esc(driftSummaryLine(report).replace(/^Summary: /, ''))}. Code: ${esc(report.code.inputs.join(', '))}; account${report.live.accounts.length === 1 ? '' : 's'}: ${esc(report.live.accounts.map((a) => a.id).join(', '))} in ${esc(report.live.regions.join(', '))}.</p></div>
<div class="tiles">${tiles}</div>
</header>
${block('Drift', report.drift.length, table(['Resource', 'Check', 'Code', 'Live', 'Fix'], entryRows(report.drift, opts.cwd)))}
${block('Only in code', report.onlyInCode.length, oneSided(report.onlyInCode))}
${block('Only live', report.onlyLive.length, oneSided(report.onlyLive))}
${block('Unjoinable', report.unjoinable.length, table(['Side', 'Resource', 'Type', 'Why'], report.unjoinable.map((u) => `<tr><td>${u.side}</td><th scope="row">${esc(u.logicalId ? `${u.stack}/${u.logicalId}` : (u.arn ?? u.name))}</th><td class="type">${esc(u.type)}</td><td>${esc(u.reason)}</td></tr>`).join('')))}
${block('Undecided', report.undecided.length, table(['Resource', 'Check', 'Code', 'Live', 'Fix'], entryRows(report.undecided, opts.cwd)))}
${block('How resources are joined', Object.keys(report.joinedBy).length, table(['Type', 'Joined by'], Object.entries(report.joinedBy).map(([t, by]) => `<tr><th scope="row" class="type">${esc(t)}</th><td>${esc(by)}</td></tr>`).join('')))}
${warnings}
</main>
</body>
</html>
`;
}
