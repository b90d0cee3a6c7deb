#!/usr/bin/env node
// Compare two recordings of the test suite's findings (test/setup/record-findings.ts), test by test:
// node scripts/compare-findings.mjs BEFORE_DIR AFTER_DIR [--reasons]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const [before, after] = process.argv.slice(2, 4);
const withReasons = process.argv.includes('--reasons');
function load(dir) {
  const byTest = new Map();
  for (const f of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line) continue;
      // Emulator-generated ids (UUIDs, access key ids) differ from run to run.
      const [test, ...rest] = JSON.parse(line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>').replace(/AKIA[A-Z0-9]{16}/g, '<access-key>').replace(/vpce-[0-9a-f]{17}/g, '<vpce>').replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<time>'));
      const key = JSON.stringify(withReasons ? rest : rest.slice(0, -1));
      if (!byTest.has(test)) byTest.set(test, new Map());
      const m = byTest.get(test);
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  return byTest;
}
const a = load(before);
const b = load(after);
let compared = 0;
let same = 0;
const changed = [];
for (const [test, fa] of a) {
  const fb = b.get(test);
  if (!fb) continue;
  compared++;
  const diff = [];
  for (const k of new Set([...fa.keys(), ...fb.keys()])) {
    const x = fa.get(k) ?? 0;
    const y = fb.get(k) ?? 0;
    if (x !== y) diff.push(`${x > y ? '-' : '+'} ${k}${Math.abs(x - y) > 1 ? ` ×${Math.abs(x - y)}` : ''}`);
  }
  if (diff.length === 0) same++;
  else changed.push([test, diff]);
}
const findings = [...a.values()].reduce((n, m) => n + [...m.values()].reduce((s, c) => s + c, 0), 0);
console.log(`${compared} tests in both (${a.size} before, ${b.size} after), ${findings} findings before; ${same} identical, ${changed.length} changed`);
for (const [test, diff] of changed) console.log(`\n${test}\n  ${diff.slice(0, 12).join('\n  ')}${diff.length > 12 ? `\n  … ${diff.length - 12} more` : ''}`);
