#!/usr/bin/env node
// Two files bundled by esbuild from the compiled tree (dist/lib, from `tsc`), each with the source map
// chained through the compiled files' maps to the TypeScript sources. Dependencies and peers stay
// external (`require('aws-cdk-lib')` resolves to the app's own).
// - dist/lexscribe.js, the package's entry point (`require('lexscribe')`: the CDK aspect, the
//   validation plugin, the catalog). A CDK app loads it in every `cdk synth`: one file of 0.7 MB,
//   without comments, loads in about a third of the CPU of the ~165 modules it is made of (module
//   resolution, file reads, parsing), and alternating synths of the bench's failing app measured
//   64-181 ms (3-7 %) less CPU over the whole synthesis, part of it one mark-compact fewer (see the
//   README's Benchmark (synth)).
// - dist/lexscribe-cli.js, what the command line's commands run (lib/cli/commands.ts), loaded by
//   lib/cli/load.ts when a command runs: `--help` and the flags stay the compiled modules (a dozen
//   small ones, cheaper than reading one file of 1 MB), a scan loads one file instead of ~185.
// - dist/lexscribe-worker.js, the thread on which the CDK aspect runs the checks while CDK writes the
//   assembly (lib/cdk/evaluator-worker.ts, started by lib/cdk/evaluator.ts): the catalog and the
//   pipeline, without aws-cdk-lib.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const BUNDLES = [
  { entry: join(root, 'dist', 'lib', 'index.js'), outfile: join(root, 'dist', 'lexscribe.js') },
  { entry: join(root, 'dist', 'lib', 'cli', 'commands.js'), outfile: join(root, 'dist', 'lexscribe-cli.js') },
  { entry: join(root, 'dist', 'lib', 'cdk', 'evaluator-worker.js'), outfile: join(root, 'dist', 'lexscribe-worker.js') },
];

let esbuild;
try {
  esbuild = createRequire(import.meta.url)('esbuild');
} catch {
  console.error('bundle: esbuild is not installed: run `npm ci`, then build again');
  process.exit(1);
}
for (const { entry } of BUNDLES) {
  if (existsSync(entry)) continue;
  console.error(`bundle: ${entry} is missing: run \`tsc -p tsconfig.build.json\` first (npm run build does both)`);
  process.exit(1);
}

for (const { entry, outfile } of BUNDLES) {
  const result = esbuild.buildSync({
    entryPoints: [entry],
    outfile,
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
    writeFileSync(aside, file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents);
    renameSync(aside, file.path);
  }
}

/**
 * esbuild escapes what is not ASCII in strings and names but keeps the comments it leaves as written:
 * one `…` in a comment makes Node read the whole file as a two-byte string, which it decodes five
 * times slower and V8 then scans as such. Escaped, a comment reads the same; nothing else has any.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
