import { STATUS_ORDER } from './present';

/** A status or severity as a CSS class fragment: `NOT_APPLICABLE` → `not-applicable` (and nothing else can get through). */
export const cls = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * Status filters without script: a finding (and a resource holding one) shows while the checkbox of its
 * status is ticked. Browsers without `:has()` show everything and no filter bar.
 */
const FILTER_RULES = `
.filters { display: none; }
@supports selector(:has(a)) {
  .filters { display: block; }
  .finding, .resource { display: none; }
  .only-hidden { display: block; }
${STATUS_ORDER.map((s) => `  body:has(#show-${cls(s)}:checked) :is(.finding.st-${cls(s)}, .resource.has-${cls(s)}) { display: block; }`).join('\n')}
${STATUS_ORDER.map((s) => `  body:has(#show-${cls(s)}:checked) .only-hidden`).join(',\n')} { display: none; }
}`;

export const HTML_STYLE = `
:root {
  --bg: #f5f6f8; --card: #fff; --ink: #1f2328; --muted: #656d76; --line: #d8dee4; --soft: #eef1f4;
  --fail: #cf222e; --error: #8250df; --unknown: #b35900; --suppressed: #6e7781; --pass: #1a7f37; --na: #8c959f;
  --critical: #82071e; --high: #cf222e; --medium: #b35900; --low: #0969da; --info: #6e7781;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --card: #161b22; --ink: #e6edf3; --muted: #8d96a0; --line: #30363d; --soft: #21262d;
    --fail: #ff7b72; --error: #d2a8ff; --unknown: #e3b341; --suppressed: #8d96a0; --pass: #56d364;
    --critical: #ff9492; --high: #ff7b72; --medium: #e3b341; --low: #79c0ff; --info: #8d96a0; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 24px 48px; }
a { color: var(--low); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
h1 { font-size: 26px; margin: 2px 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 10px; }
h2.section { margin: 28px 0 12px; }
.muted { color: var(--muted); }
.filters { position: sticky; top: 0; z-index: 2; background: color-mix(in srgb, var(--bg) 88%, transparent); backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); }
.filters .inner { max-width: 1180px; margin: 0 auto; padding: 9px 24px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.brand { font-weight: 700; margin-right: auto; letter-spacing: -0.01em; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 999px;
  background: var(--card); cursor: pointer; user-select: none; font-size: 13px; }
.chip b { font-variant-numeric: tabular-nums; }
.chip input { margin: 0; accent-color: currentColor; }
.chip:has(input:not(:checked)) { opacity: 0.55; }
.top { margin: 18px 0 18px; padding: 18px 22px; background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--pass); border-radius: 10px; }
.top.verdict-bad { border-left-color: var(--fail); }
.top.verdict-warn { border-left-color: var(--unknown); }
.top { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.top p { margin: 0; }
.intro { flex: 1; min-width: 320px; }
.tiles { display: flex; gap: 8px; }
.tile { min-width: 78px; padding: 8px 10px; border-radius: 8px; background: var(--soft); text-align: center; color: var(--muted); }
.tile b { display: block; font-size: 22px; line-height: 1.2; font-variant-numeric: tabular-nums; }
.tile span { font-size: 12px; }
.tile.has.st-fail { color: var(--fail); } .tile.has.st-error { color: var(--error); } .tile.has.st-unknown { color: var(--unknown); }
.tile.has.st-suppressed { color: var(--ink); } .tile.has.st-pass { color: var(--pass); }
.tool { color: var(--muted); font-size: 12.5px; }
.panels { display: flex; gap: 16px; flex-wrap: wrap; align-items: stretch; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; min-width: 300px; }
.panel.grow { flex: 1; }
table { border-collapse: collapse; width: 100%; }
.bars th { text-align: left; width: 90px; padding: 4px 0; font-weight: normal; }
.bars .bar { padding: 4px 10px; width: 220px; }
.bar .fill { display: block; height: 10px; border-radius: 5px; min-width: 4px; }
.bar { background-clip: content-box; }
.num { text-align: right; font-variant-numeric: tabular-nums; width: 1%; white-space: nowrap; padding-left: 14px; }
.topics th, .topics td { padding: 6px 0 6px 14px; border-bottom: 1px solid var(--line); }
.topics th:first-child { padding-left: 0; text-align: left; font-weight: 600; }
.topics thead th { color: var(--muted); font-weight: normal; font-size: 12.5px; }
.topics td { color: var(--muted); }
.topics tr:last-child > * { border-bottom: 0; }
.accounts { margin-top: 16px; overflow-x: auto; }
.accounts td.acct-complete { color: var(--pass); } .accounts td.acct-partial { color: var(--unknown); }
.accounts td.acct-unreadable, .accounts td.acct-not-audited { color: var(--fail); font-weight: 700; }
.accounts td.why { text-align: left; white-space: normal; }
td.has { font-weight: 700; }
td.st-fail { color: var(--fail); } td.st-error { color: var(--error); } td.st-unknown { color: var(--unknown); }
td.st-pass { color: var(--pass); } td.st-suppressed { color: var(--suppressed); }
.sev { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: 0.04em; padding: 1px 7px; border-radius: 4px; color: #fff; vertical-align: 1px; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
@media (prefers-color-scheme: dark) { .sev { color: #0d1117; } }
.resource { background: var(--card); border: 1px solid var(--line); border-radius: 10px; margin: 0 0 14px; overflow: hidden; }
.resource > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; padding: 10px 16px; background: var(--soft); border-bottom: 1px solid var(--line); }
.resource h3 { margin: 0; font-size: 15px; overflow-wrap: anywhere; }
.type { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.counts { margin-left: auto; display: flex; gap: 6px; }
.count { font-size: 12px; font-weight: 600; }
.count.st-fail { color: var(--fail); } .count.st-error { color: var(--error); } .count.st-unknown { color: var(--unknown); }
.count.st-suppressed { color: var(--suppressed); } .count.st-pass { color: var(--pass); } .count.st-not-applicable { color: var(--na); }
.finding { padding: 10px 16px 12px 13px; border-left: 3px solid var(--line); border-top: 1px solid var(--line); }
.resource > header + .finding { border-top: 0; }
.finding.st-fail { border-left-color: var(--fail); } .finding.st-error { border-left-color: var(--error); }
.finding.st-unknown { border-left-color: var(--unknown); } .finding.st-suppressed { border-left-color: var(--suppressed); }
.finding.st-pass { border-left-color: var(--pass); } .finding.st-not-applicable { border-left-color: var(--na); }
.finding > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.status { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; min-width: 84px; }
.status.st-fail { color: var(--fail); } .status.st-error { color: var(--error); } .status.st-unknown { color: var(--unknown); }
.status.st-suppressed { color: var(--suppressed); } .status.st-pass { color: var(--pass); } .status.st-not-applicable { color: var(--na); }
.check { font: 600 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.title { font-weight: 600; flex: 1; min-width: 240px; }
.topic { color: var(--muted); font-size: 12px; }
.badge { font-size: 11px; font-weight: 700; letter-spacing: 0.03em; padding: 0 7px; border-radius: 999px; border: 1px solid currentColor; }
.badge.baseline-new { color: var(--fail); } .badge.baseline-known { color: var(--muted); } .badge.blocking { color: var(--fail); }
.finding.st-suppressed .title, .finding.st-pass .title { font-weight: 500; color: var(--muted); }
dl { margin: 6px 0 0; display: grid; grid-template-columns: 96px 1fr; gap: 3px 12px; }
.kv { display: contents; }
dt { color: var(--muted); font-size: 12.5px; padding-top: 1px; }
dd { margin: 0; overflow-wrap: anywhere; }
code.path { background: none; color: var(--muted); }
.warnings { margin-top: 16px; background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--unknown); border-radius: 10px; padding: 14px 18px; }
.warnings h3 { font-size: 14px; margin: 10px 0 4px; }
.warnings ul { margin: 0; padding-left: 20px; }
.empty { color: var(--muted); text-align: center; padding: 24px; }
.only-hidden { display: none; }
@media print { .filters { display: none !important; } .finding, .resource { display: block !important; } .only-hidden { display: none !important; } }
${FILTER_RULES}
`;
