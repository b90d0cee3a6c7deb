#!/usr/bin/env node
// The package's entry point (`require('lexscribe')`: the CDK aspect, the validation plugin, the
// catalog) as one file, dist/lexscribe.js, bundled by esbuild from the compiled tree (dist/lib, from
// `tsc`). A CDK app loads it in every `cdk synth`: one file of 0.7 MB, without comments, loads in about
// a third of the CPU of the ~165 modules it is made of (module resolution, file reads, parsing), and
// alternating synths of the bench's failing app measured 64-181 ms (3-7 %) less CPU over the whole
// synthesis, part of it one mark-compact fewer (see the README's Benchmark (synth)). Dependencies and
// peers stay external (`require('aws-cdk-lib')` resolves to the app's own). The CLI keeps the tree: it
// loads each command's modules when that command runs, which a bundle would not make cheaper. The
// source map chains through the compiled files' maps to the TypeScript sources.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'dist', 'lib', 'index.js');
const BUNDLE = join(root, 'dist', 'lexscribe.js');

let esbuild;
try {
  esbuild = createRequire(import.meta.url)('esbuild');
} catch {
  console.error('bundle: esbuild is not installed: run `npm ci`, then build again');
  process.exit(1);
}
if (!existsSync(entry)) {
  console.error(`bundle: ${entry} is missing: run \`tsc -p tsconfig.build.json\` first (npm run build does both)`);
  process.exit(1);
}

const result = esbuild.buildSync({
  entryPoints: [entry],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  write: false,
});
if (result.errors.length > 0) process.exit(1);
// Aside, then renamed: a process loading the package meanwhile (tests run beside `npm pack`) reads the old file or the new one, never half of one.
for (const file of result.outputFiles) {
  const aside = `${file.path}.${process.pid}.tmp`;
  writeFileSync(aside, file.contents);
  renameSync(aside, file.path);
}
