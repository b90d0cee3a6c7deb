import { ALL_CHECKS, findCheck } from '../../checks';
import { FRAMEWORKS, findFramework, frameworksOf } from '../../checks/frameworks';
import { TOPICS, type Check } from '../engine/check';
import { describeType, type OptionsSchema } from '../engine/options';
import { EXIT } from './exit';

function describe(c: Check) {
  return {
    id: c.id,
    title: c.title,
    service: c.service,
    topic: TOPICS[c.topic],
    severity: c.severity,
    modes: c.modes,
    frameworks: frameworksOf(c.id),
    rationale: c.rationale,
    remediation: c.remediation,
    docs: c.docs,
    options: c.options ?? {},
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function fail(message: string): number {
  console.error(`lexscribe: ${message}`);
  return EXIT.USAGE;
}

export function listChecks(opts: { json?: boolean; service?: string; topic?: string; framework?: string }): number {
  if (opts.topic && !(opts.topic in TOPICS)) return fail(`unknown topic "${opts.topic}" (one of ${Object.keys(TOPICS).join(', ')})`);
  if (opts.service && !['lex', 'transcribe'].includes(opts.service)) return fail(`unknown service "${opts.service}" (lex or transcribe)`);
  const framework = opts.framework ? findFramework(opts.framework) : undefined;
  if (opts.framework && !framework) return fail(`unknown framework "${opts.framework}" (one of ${FRAMEWORKS.map((f) => f.id).join(', ')})`);
  const inFramework = new Set(framework?.controls.map((c) => c.checkId));
  const list = ALL_CHECKS.filter(
    (c) => (!opts.service || c.service === opts.service) && (!opts.topic || c.topic === opts.topic) && (!framework || inFramework.has(c.id)),
  );
  if (opts.json) {
    console.log(JSON.stringify(list.map(describe), null, 2));
    return EXIT.OK;
  }
  const rows = list.map((c) => [c.id, c.severity, TOPICS[c.topic], c.modes.join('+'), frameworksOf(c.id).join(',') || '-', c.title]);
  const header = ['ID', 'SEVERITY', 'TOPIC', 'MODES', 'FRAMEWORKS', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  widths[widths.length - 1] = 0;
  for (const r of [header, ...rows]) console.log(r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd());
  console.log(`\n${list.length} checks`);
  return EXIT.OK;
}

export function explainCheck(id: string, opts: { json?: boolean }): number {
  const check = findCheck(id);
  if (!check) return fail(`no check "${id}" (see \`lexscribe checks\`)`);
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
  const options = Object.entries((check.options ?? {}) as OptionsSchema);
  if (options.length > 0) {
    lines.push('', `Options (checks.${d.id}.options):`);
    for (const [name, spec] of options) lines.push(`  ${name}  ${spec.description} (${describeType(spec)}; default: ${JSON.stringify(spec.default)})`);
  }
  const mapped = FRAMEWORKS.flatMap((f) => f.controls.filter((c) => c.checkId === d.id).map((c) => `  ${f.id}: ${c.basis}`));
  if (mapped.length > 0) lines.push('', 'Frameworks:', ...mapped);
  console.log(lines.join('\n'));
  return EXIT.OK;
}
