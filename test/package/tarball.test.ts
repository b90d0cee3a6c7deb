import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import type { Report } from '../../lib/report/report';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const APP = join(ROOT, 'test', 'fixtures', 'consumer-app');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * The lowest aws-cdk-lib the peer range allows, and the one the project builds with. 2.71.0 is the
 * first with the policy-validation plugin API (`policyValidationBeta1`); 2.70.0 type-checks every other
 * API and synthesizes, but has nowhere to register `LexscribeValidator`. The current one registers it
 * with `Validations.of(app)`, the older ones as an App prop: the app's `lib/validator.ts` is one of two
 * variants.
 */
const TARGETS = [
  { cdk: pkg.peerDependencies['aws-cdk-lib'].replace(/^\^/, ''), constructs: pkg.peerDependencies.constructs.replace(/^\^/, ''), validator: 'beta1' },
  { cdk: pkg.devDependencies['aws-cdk-lib'].replace(/^~/, ''), constructs: pkg.devDependencies.constructs.replace(/^\^/, ''), validator: 'graduated' },
] as const;

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string }>;
}

let work: string;
let packed: Packed;
/** Both apps install at once, from the npm cache (most of the test's time is npm unpacking aws-cdk-lib). */
const installs = new Map<string, Promise<string>>();

/** `npm …` in `cwd`, from the npm cache where it can (the registry is asked only for what the cache lacks). */
async function npm(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npm', args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lexscribe-package-'));
  const { stdout } = await npm(ROOT, 'pack', '--json', '--pack-destination', work);
  [packed] = JSON.parse(stdout) as Packed[];
  for (const target of TARGETS) {
    const install = installApp(target);
    // Awaited by the tests of that target; a failure is theirs, not an unhandled rejection here.
    install.catch(() => undefined);
    installs.set(target.cdk, install);
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  const paths = () => packed.files.map((f) => f.path);

  test('ships the runtime only: no tests, benchmarks, example app, test adapters or source maps', () => {
    expect(paths().filter((p) => /^(test|bench|scripts|docs)\/|^dist\/(test|bench)\/|\/example\/|example-app|moto|gen-checks-doc|\.map$|\.ts$/.test(p) && !p.endsWith('.d.ts'))).toEqual([]);
    expect(paths()).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/bin/lexscribe.js', 'dist/lexscribe.js', 'dist/lexscribe-cli.js', 'dist/lexscribe-worker.js', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'schema/report.schema.json', 'schema/lexscribe.config.schema.json']));
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
  });

  test('no shipped file names a source map or a module the package does not have', () => {
    const shipped = new Set(paths());
    const known = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), ...builtinModules]);
    const problems: string[] = [];
    // The JavaScript is CommonJS (every import a require); declarations use import/export … from.
    const imports = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(file.endsWith('.d.ts') ? /(?:^|\n)(?:import|export)[^'"\n;]*? from ["']([^"']+)["']|import\(["']([^"']+)["']\)/g : /\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? m[2]);
    const check = (file: string, spec: string, candidates: (target: string) => string[]): string | undefined => {
      if (!spec.startsWith('.')) {
        const name = spec.replace(/^node:/, '').split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
        if (!known.has(name)) problems.push(`${file}: ${spec} is neither a dependency nor a peer`);
        return undefined;
      }
      const found = candidates(posix.join(posix.dirname(file), spec)).find((c) => shipped.has(c));
      if (!found) problems.push(`${file}: ${spec} is not in the package`);
      return found;
    };
    // Every module the JavaScript loads is shipped or declared.
    for (const file of paths().filter((p) => p.endsWith('.js'))) {
      if (/^\/\/# sourceMappingURL=/m.test(readFileSync(join(ROOT, file), 'utf8'))) problems.push(`${file}: names a source map`);
      for (const spec of imports(file)) check(file, spec, (t) => [`${t}.js`, `${t}/index.js`, t]);
    }
    // Every declaration the public entry point reaches is shipped, and names only declared packages.
    const seen = new Set<string>();
    const queue = ['dist/lib/index.d.ts'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of imports(file)) {
        const next = check(file, spec, (t) => [`${t}.d.ts`, `${t}/index.d.ts`]);
        if (next) queue.push(next);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(10);
  });

  test('aws-cdk-lib and constructs are optional peers, not dependencies', () => {
    expect(pkg.dependencies['aws-cdk-lib']).toBeUndefined();
    expect(pkg.dependencies.constructs).toBeUndefined();
    expect(pkg.peerDependencies).toEqual({ 'aws-cdk-lib': '^2.71.0', constructs: '^10.0.0' });
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.prepare).toBeUndefined();
  });
});

/** A fresh app beside the tarball: the app's dependencies as a user would declare them, then `npm install`. */
async function installApp(target: (typeof TARGETS)[number]): Promise<string> {
  const dir = join(work, `app-${target.cdk}`);
  cpSync(APP, dir, { recursive: true });
  renameSync(join(dir, 'lib', `validator.${target.validator}.ts`), join(dir, 'lib', 'validator.ts'));
  for (const variant of ['beta1', 'graduated']) rmSync(join(dir, 'lib', `validator.${variant}.ts`), { force: true });
  const dependencies = {
    'aws-cdk-lib': target.cdk,
    constructs: target.constructs,
    lexscribe: `file:${join(work, packed.filename)}`,
    '@types/node': pkg.devDependencies['@types/node'],
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '0.0.0', private: true, dependencies }, null, 2));
  await npm(dir, 'install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error');
  return dir;
}

describe.each(TARGETS)('installed into a fresh CDK app on aws-cdk-lib $cdk', (target) => {
  let dir: string;
  beforeAll(async () => {
    dir = await installs.get(target.cdk)!;
  }, 300_000);

  test('one aws-cdk-lib in the tree, the app’s own, and no peer conflict', async () => {
    const { stdout } = await npm(dir, 'ls', 'aws-cdk-lib', '--all', '--parseable');
    expect([...new Set(stdout.split('\n').filter((l) => /[\\/]aws-cdk-lib$/.test(l)))]).toEqual([join(dir, 'node_modules', 'aws-cdk-lib')]);
    expect(JSON.parse(readFileSync(join(dir, 'node_modules', 'aws-cdk-lib', 'package.json'), 'utf8')).version).toBe(target.cdk);
    expect(existsSync(join(dir, 'node_modules', 'lexscribe', 'node_modules', 'aws-cdk-lib'))).toBe(false);
  });

  test('a TypeScript app using every public API type-checks and synthesizes, Stage included', async () => {
    await run(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: dir });
    const { stdout } = await run(process.execPath, [join(dir, 'dist', 'bin', 'app.js'), 'cdk.out'], { cwd: dir, env: { ...process.env, CDK_VALIDATION: 'false' } });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({
      checks: expect.any(Number),
      dp2: 'Enabled audio logs are encrypted with a customer-managed KMS key',
      suppressed: ['LEX-DP-2', 'LEX-DP-2', 'LEX-MON-1', 'LEX-MON-1', 'LEX-MON-2', 'LEX-MON-2'],
      failed: expect.any(Number),
      stages: expect.arrayContaining(['', 'Prod']),
      validatorCalls: expect.any(Number),
    });
    expect(JSON.parse(stdout.trim().split('\n').pop()!).validatorCalls).toBeGreaterThan(0);
  }, 120_000);

  test("an App large enough for the aspect's evaluation thread gets the same cloud assembly with and without it", async () => {
    await run(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: dir });
    const { stdout } = await run(process.execPath, [join(dir, 'dist', 'bin', 'threaded.js'), join(dir, 'threaded.out')], { cwd: dir, env: { ...process.env, CDK_VALIDATION: 'false' } });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { threads: number; same: boolean; files: number; annotations: number };
    expect(result).toEqual({ threads: 1, same: true, files: expect.any(Number), annotations: expect.any(Number) });
    expect(result.annotations).toBeGreaterThan(100);
  }, 120_000);

  test('the installed CLI scans what the app synthesized', async () => {
    const { stdout } = await run(join(dir, 'node_modules', '.bin', 'lexscribe'), ['scan', 'cdk.out', '-f', 'json', '--fail-on', 'critical'], { cwd: dir });
    const report = JSON.parse(stdout) as Report;
    expect(report.version).toBe(pkg.version);
    expect(report.findings.filter((f) => f.status === 'SUPPRESSED').map((f) => f.checkId)).toContain('LEX-DP-2');
    expect(new Set(report.findings.map((f) => f.resource.stack))).toEqual(new Set(['ContactCentre', 'Prod-ContactCentre']));
  }, 60_000);
});
