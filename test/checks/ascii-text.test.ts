import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_CHECKS } from '../../checks';

/**
 * What the checks write into findings is ASCII: titles, rationales, remediations, option descriptions
 * and the reasons in their sources. A report or a stack's annotations holding one character beyond it
 * is, as a whole, a two-byte string, which `JSON.stringify` makes and Node writes more slowly (the
 * README's Benchmark (synth): the bench's failing app synthesized 3 % faster with the catalog's
 * apostrophes and ellipses made ASCII). Values from templates and accounts are whatever they are.
 */
const ROOT = join(__dirname, '..', '..', 'checks');
const beyondAscii = (text: string) => [...text.matchAll(/[^\x00-\x7f]/g)].map((m) => m[0]);

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

test('the catalog text of every check is ASCII', () => {
  const found = ALL_CHECKS.flatMap((c) =>
    [c.title, c.rationale, c.remediation, c.docs, ...Object.values(c.options ?? {}).map((o) => (o as { description: string }).description)].flatMap((t) => beyondAscii(t).map((ch) => `${c.id}: ${ch}`)),
  );
  expect(found).toEqual([]);
});

test('the checks’ sources have no character beyond ASCII outside comments (the placeholder § is never written out)', () => {
  const found: string[] = [];
  for (const file of sources(ROOT)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        const code = line.replace(/\/\/ .*$/, '').replaceAll("'§'", '');
        for (const ch of beyondAscii(code)) found.push(`${relative(ROOT, file)}:${i + 1}: ${ch}`);
      });
  }
  expect(found).toEqual([]);
});
