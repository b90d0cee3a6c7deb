import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import * as source from '../../lib';
import { contactCentre } from '../../lib/example/contact-centre';
import type { Finding } from '../../lib/model/finding';
import { tempDir } from '../helpers/temp';

/**
 * The package's entry point is dist/lexscribe.js, bundled from the compiled tree by
 * scripts/bundle.mjs (`npm run build`, run before the tests). It must be the same code as the
 * sources: the same exports, the same catalog, the same findings on a real app.
 */
const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'lexscribe.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  exports: Record<string, { default?: string }>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundled = () => require(BUNDLE) as typeof source;

/** What a bundle requires, and which of it is neither a package of `known` nor a Node built-in (its own modules must all be inside). */
function requiresOf(file: string, known: readonly string[]): { specs: string[]; outside: string[] } {
  const specs = [...new Set([...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];
  const allowed = new Set([...known, ...builtinModules]);
  const name = (spec: string) => spec.replace(/^node:/, '').split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  return { specs, outside: specs.filter((s) => !allowed.has(name(s))) };
}

function synthFindings(lexscribe: typeof source): string[] {
  // The insecure example, in a Stage: findings of every kind, and the Stage's run finished at the App.
  const context = { 'example:insecure': 'true', 'example:stage': 'Prod' };
  const app = new App({ outdir: tempDir('lexscribe-bundle-'), context, builtinCloudFormationValidation: false } as never);
  contactCentre(app);
  const aspect = lexscribe.LexscribeChecks.fromContext(app, { reports: false, verbose: true, failOn: 'CRITICAL' });
  app.synth();
  const line = (f: Finding) => `${f.checkId} ${f.status} ${f.resource.stack ?? ''}/${f.resource.logicalId ?? ''} ${f.findingKey ?? ''} ${f.reason ?? ''}`;
  return [...aspect.results.values()].flatMap((r) => r.findings.map(line));
}

describe('the bundled entry point', () => {
  // Built from the current tree is what the tests below hold (same exports, catalog and findings as the
  // sources): file times cannot say it, as `npm pack` (the tarball test) rewrites the tree's files after bundling.
  test('is what package.json names', () => {
    expect(pkg.main).toBe('dist/lexscribe.js');
    expect(pkg.exports['.'].default).toBe('./dist/lexscribe.js');
  });

  test('has every export of lib/index, and the same catalog', () => {
    const lexscribe = bundled();
    expect(Object.keys(lexscribe).sort()).toEqual(Object.keys(source).sort());
    expect(lexscribe.ALL_CHECKS.map((c) => `${c.id} ${c.severity} ${c.title}`)).toEqual(source.ALL_CHECKS.map((c) => `${c.id} ${c.severity} ${c.title}`));
    expect(lexscribe.REPORT_FILE).toBe(source.REPORT_FILE);
  });

  test('loads only dependencies, peers and Node built-ins: every module of its own is inside', () => {
    const { specs, outside } = requiresOf(BUNDLE, [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]);
    expect(outside).toEqual([]);
    expect(specs).toEqual(expect.arrayContaining(['aws-cdk-lib']));
  });

  test('gives the findings the sources give, on a real app with Stages', () => {
    const fromSource = synthFindings(source);
    expect(fromSource.length).toBeGreaterThan(50);
    expect(fromSource.some((l) => / FAIL /.test(l))).toBe(true);
    expect(synthFindings(bundled())).toEqual(fromSource);
  }, 60_000);
});

/**
 * What the command line's commands run is dist/lexscribe-cli.js, bundled from lib/cli/commands by the
 * same script and loaded by lib/cli/load when a command runs; the CLI's tests run it through dist/bin.
 */
describe('the bundled commands', () => {
  const CLI_BUNDLE = join(ROOT, 'dist', 'lexscribe-cli.js');

  test('are what the built command line loads, with every export of lib/cli/commands', async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { loadCommands } = require(join(ROOT, 'dist', 'lib', 'cli', 'load.js')) as typeof import('../../lib/cli/load');
    expect(loadCommands()).toBe(require(CLI_BUNDLE));
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(Object.keys(loadCommands()).sort()).toEqual(Object.keys(await import('../../lib/cli/commands')).sort());
  });

  test('load only dependencies and Node built-ins: no aws-cdk-lib, and every module of their own inside', () => {
    const { specs, outside } = requiresOf(CLI_BUNDLE, Object.keys(pkg.dependencies));
    expect(outside).toEqual([]);
    expect(specs).toEqual(expect.arrayContaining(['commander', 'yaml', '@aws-sdk/client-lex-models-v2']));
  });
});

/**
 * The thread on which the aspect runs the checks while CDK writes the assembly is dist/lexscribe-worker.js
 * (lib/cdk/evaluator-worker), started by the entry point from beside itself (test/cdk/worker.test.ts runs it).
 */
test('the evaluation thread loads only dependencies and Node built-ins: the catalog without aws-cdk-lib', () => {
  const file = join(ROOT, 'dist', 'lexscribe-worker.js');
  const { specs, outside } = requiresOf(file, Object.keys(pkg.dependencies));
  expect(outside).toEqual([]);
  expect(specs).toEqual(expect.arrayContaining(['node:worker_threads']));
  expect(readFileSync(file, 'utf8')).toContain('LEX-IAM-1');
});

test.each([['the entry point', 'lexscribe.js'], ['the commands', 'lexscribe-cli.js'], ['the evaluation thread', 'lexscribe-worker.js']])('%s bundle is ASCII only, so Node reads it as a one-byte string', (_, file) => {
  const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
  expect(text.length).toBeGreaterThan(100_000);
  expect([...text.matchAll(/[^\x00-\x7f]/g)].map((m) => m[0])).toEqual([]);
});
