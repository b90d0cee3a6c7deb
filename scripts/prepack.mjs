#!/usr/bin/env node
// `npm pack` / `npm publish` (and pre-commit, which installs a hook repository by packing it): build
// when dist/ is missing or older than the sources, bundle the entry point and the commands (scripts/bundle.mjs), then
// drop the source maps from what ships. The package ships the built JavaScript and declarations, not
// the maps (they would point at TypeScript sources the package does not ship); the build keeps its maps
// for development and for the example app, whose creation traces the SARIF report maps back to
// lib/example/*.ts. This removes the `//# sourceMappingURL=` line from every file the package ships,
// so none names a map that is not there.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'bin', 'lexscribe.js');

function* files(dir, suffix) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path, suffix);
    else if (entry.isFile() && entry.name.endsWith(suffix)) yield path;
  }
}

const built = existsSync(bin) ? statSync(bin).mtimeMs : 0;
const stale = ['bin', 'lib', 'checks'].some((dir) => [...files(join(root, dir), '.ts')].some((f) => statSync(f).mtimeMs > built));
if (stale) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    console.error('prepack: dist/ is missing or older than the sources, and TypeScript is not installed: run `npm ci`, then pack again');
    process.exit(1);
  }
  console.error('prepack: building dist/ (tsc -p tsconfig.build.json)');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
// Always: a bundle older than the tree, or one a build without this step left out, must not ship.
execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { stdio: 'inherit' });

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
for (const file of [bin, join(root, 'dist', 'lexscribe.js'), join(root, 'dist', 'lexscribe-cli.js'), join(root, 'dist', 'lexscribe-worker.js'), ...shippedScripts(join(root, 'dist', 'lib')), ...shippedScripts(join(root, 'dist', 'checks'))]) {
  const text = readFileSync(file, 'utf8');
  if (!MAP_COMMENT.test(text)) continue;
  // Aside, then renamed: a test process running the CLI meanwhile reads the old file or the new one, never half of one.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text.replace(MAP_COMMENT, '\n'));
  renameSync(aside, file);
  stripped++;
}
if (stripped > 0) console.error(`prepack: removed the source map reference from ${stripped} files under ${relative(process.cwd(), join(root, 'dist')) || 'dist'}`);
