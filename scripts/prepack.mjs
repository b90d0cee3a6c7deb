#!/usr/bin/env node
// `npm pack` / `npm publish`: the package ships the built JavaScript and declarations, not the source
// maps (they would point at TypeScript sources the package does not ship). The build keeps its maps
// for development and for the example app, whose creation traces the SARIF report maps back to
// lib/example/*.ts; this removes the `//# sourceMappingURL=` line from every file the package ships,
// so no shipped file names a map that is not there. It does not build: `npm run build` (or `npm test`,
// which builds first) comes before packing.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'bin', 'lexscribe.js');
if (!existsSync(bin)) {
  console.error('prepack: dist/bin/lexscribe.js is missing: run `npm run build` first');
  process.exit(1);
}

/** The directories `files` in package.json leaves out of dist/lib. */
const NOT_SHIPPED = new Set(['lib/example', 'lib/docs'].map((d) => join(root, 'dist', d)));
const MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\.js\.map\s*$/;

function* shippedScripts(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !NOT_SHIPPED.has(path)) yield* shippedScripts(path);
    else if (entry.isFile() && entry.name.endsWith('.js')) yield path;
  }
}

let stripped = 0;
for (const file of [bin, ...shippedScripts(join(root, 'dist', 'lib')), ...shippedScripts(join(root, 'dist', 'checks'))]) {
  const text = readFileSync(file, 'utf8');
  if (!MAP_COMMENT.test(text)) continue;
  // Aside, then renamed: a test process running the CLI meanwhile reads the old file or the new one, never half of one.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text.replace(MAP_COMMENT, '\n'));
  renameSync(aside, file);
  stripped++;
}
if (stripped > 0) console.error(`prepack: removed the source map reference from ${stripped} files under ${relative(process.cwd(), join(root, 'dist')) || 'dist'}`);
