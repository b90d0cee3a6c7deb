import { ALL_CHECKS, findCheck } from '../../checks';
import { TOPICS, type Check } from '../engine/check';
import { EXIT } from './exit';

function describe(c: Check) {
  return {
    id: c.id,
    title: c.title,
    service: c.service,
    topic: TOPICS[c.topic],
    severity: c.severity,
    modes: c.modes,
    rationale: c.rationale,
    remediation: c.remediation,
    docs: c.docs,
    options: c.options ?? {},
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function listChecks(opts: { json?: boolean; service?: string; topic?: string }): number {
  if (opts.topic && !(opts.topic in TOPICS)) {
    console.error(`lexscribe: unknown topic "${opts.topic}" (one of ${Object.keys(TOPICS).join(', ')})`);
    return EXIT.USAGE;
  }
  if (opts.service && !['lex', 'transcribe'].includes(opts.service)) {
    console.error(`lexscribe: unknown service "${opts.service}" (lex or transcribe)`);
    return EXIT.USAGE;
  }
  const list = ALL_CHECKS.filter((c) => (!opts.service || c.service === opts.service) && (!opts.topic || c.topic === opts.topic));
  if (opts.json) {
    console.log(JSON.stringify(list.map(describe), null, 2));
    return EXIT.OK;
  }
  const rows = list.map((c) => [c.id, c.severity, TOPICS[c.topic], c.modes.join('+'), c.title]);
  const header = ['ID', 'SEVERITY', 'TOPIC', 'MODES', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  widths[widths.length - 1] = 0;
  for (const r of [header, ...rows]) console.log(r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd());
  console.log(`\n${list.length} checks`);
  return EXIT.OK;
}

export function explainCheck(id: string, opts: { json?: boolean }): number {
  const check = findCheck(id);
  if (!check) {
    console.error(`lexscribe: no check "${id}" (see \`lexscribe checks\`)`);
    return EXIT.USAGE;
  }
  const d = describe(check);
  if (opts.json) {
    console.log(JSON.stringify(d, null, 2));
    return EXIT.OK;
  }
  const lines = [
    `${d.id}  ${d.title}`,
    '',
    `Service:     ${d.service}`,
    `Topic:       ${d.topic}`,
    `Severity:    ${d.severity} (default; override with checks.${d.id}.severity in the configuration)`,
    `Modes:       ${d.modes.map((m) => (m === 'synth' ? 'synth and templates' : 'live account')).join(', ')}`,
    '',
    `Why:         ${d.rationale}`,
    `Fix:         ${d.remediation}`,
    `Docs:        ${d.docs}`,
  ];
  const options = Object.entries(check.options ?? {});
  if (options.length > 0) {
    lines.push('', 'Options (checks.' + d.id + '.options):');
    for (const [name, spec] of options) lines.push(`  ${name}  ${spec.description} (default: ${JSON.stringify(spec.default)})`);
  }
  console.log(lines.join('\n'));
  return EXIT.OK;
}
