import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aspects, NestedStack, Stack, Stage, Tags, type App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { generateApp } from '../../bench/synth-app';
import type * as source from '../../lib';
import { Evaluator } from '../../lib/cdk/evaluator';
import type { LexscribeChecksProps } from '../../lib/cdk/aspect';
import { tempDir } from '../helpers/temp';

/**
 * The aspect runs the catalog's checks on a thread of its own while CDK writes the assembly, and adds
 * their annotations to what CDK wrote (lib/cdk/evaluator.ts, late-metadata.ts). Held here on the package
 * as an app loads it (dist/lexscribe.js, beside dist/lexscribe-worker.js; the TypeScript sources have no
 * worker file, so every other synth test runs on the App's thread): whatever thread the checks ran on,
 * every file of the cloud assembly is the same, byte for byte (the report but for its timestamps).
 */
const ROOT = join(__dirname, '..', '..');
// The module object itself (not an import's copy of its bindings), which the package reads `Worker` from when it starts a thread.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const threads = require('node:worker_threads') as typeof import('node:worker_threads');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lexscribe = () => require(join(ROOT, 'dist', 'lexscribe.js')) as typeof source;

/** What a thread the package starts runs instead of its own file, when a test sets it. */
let substitute: string | undefined;

/** Threads started during `fn`, by file (the package reads `Worker` from the module when it starts one). */
function threadsStarted<T>(fn: () => T): { value: T; files: string[] } {
  const RealWorker = threads.Worker;
  const files: string[] = [];
  const spy = jest.spyOn(threads, 'Worker').mockImplementation(((file: string, options: import('node:worker_threads').WorkerOptions) => {
    files.push(file);
    return new RealWorker(substitute ?? file, options);
  }) as never);
  try {
    return { value: fn(), files };
  } finally {
    spy.mockRestore();
  }
}

/** Every file of an assembly (its Stages' included), the reports' timestamps aside. */
function assemblyFiles(outdir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(outdir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    out[path.slice(outdir.length + 1)] = entry.name === 'lexscribe-report.json' ? text.replace(/"(startedAt|generatedAt)": "[^"]*"/g, '"$1": "…"') : text;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** A 60-bot failing app in two stacks, with what makes CDK's metadata harder to add to after the fact. */
function richApp(outdir: string): App {
  const app = generateApp('failing', 60, outdir);
  const [first, second] = app.node.children as Stack[];
  // CDK adds the stack's tags to its metadata as it writes it: lexscribe's annotations on the stack go before them.
  Tags.of(first).add('team', 'contact-centre');
  // A nested stack's constructs are written with its parent's metadata.
  const nested = new NestedStack(second, 'Nested');
  new iam.Role(nested, 'AnyBot', {
    assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com'),
    inlinePolicies: { all: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['lex:*'], resources: ['*'] })] }) },
  });
  return app;
}

const UNUSED = { suppressions: [{ id: 'LEX-IAM-1', resource: 'Nowhere/*', reason: 'Matches no resource of this app' }] };

type Synth = ReturnType<typeof synth>;

/**
 * The App synthesized on one thread, then with the evaluation thread: from the same lines, as CDK's
 * creation-stack metadata (in the assembly) holds the callers' lines.
 */
function both(build: (outdir: string) => App, props: LexscribeChecksProps, decorate?: (app: App) => void): [one: Synth, two: Synth] {
  const runs: Synth[] = [];
  for (const worker of [false, undefined]) runs.push(synth(build, { ...props, worker }, decorate));
  return runs as [Synth, Synth];
}

function synth(build: (outdir: string) => App, props: LexscribeChecksProps, decorate: (app: App) => void = () => undefined) {
  const outdir = tempDir('lexscribe-worker-');
  const app = build(outdir);
  decorate(app);
  const aspect = new (lexscribe().LexscribeChecks)(props);
  Aspects.of(app).add(aspect);
  const { files } = threadsStarted(() => app.synth());
  return { app, outdir, aspect, threads: files };
}

describe('the checks on a thread of their own', () => {
  test.each([
    ['the failing app', {}],
    ['with showSuppressed, failOn MEDIUM and a suppression no resource uses', { showSuppressed: true, failOn: 'MEDIUM' as const, config: UNUSED }],
    ['with failOnUnknown and verbose', { failOnUnknown: true, verbose: true }],
  ])('write the same assembly as on the App thread: %s', (_what, props: LexscribeChecksProps) => {
    const [one, two] = both(richApp, props);
    expect(one.threads).toEqual([]);
    expect(two.threads).toEqual([join(ROOT, 'dist', 'lexscribe-worker.js')]);
    const [a, b] = [assemblyFiles(one.outdir), assemblyFiles(two.outdir)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect([name, b[name]]).toEqual([name, a[name]]);
    // Something to add there was: errors and warnings in both stacks' metadata, the run-wide warning among them.
    const metadata = a['Tenant0.metadata.json'] + a['Tenant1.metadata.json'];
    expect(metadata).toContain('"aws:cdk:error"');
    expect(metadata).toContain('"aws:cdk:warning"');
    expect(metadata).toContain('"aws:cdk:stack-tags"');
    if (props.config) expect(metadata).toContain('LEX-IAM-1 Suppression of LEX-IAM-1 on resources matching Nowhere/* matched no finding');
    // `results` (tests, tooling): the same findings, made on this thread when asked for.
    const findings = (aspect: typeof one.aspect) => aspect.results.get('')!.findings;
    expect(findings(two.aspect)).toEqual(findings(one.aspect));
    expect(findings(one.aspect).length).toBeGreaterThan(1000);
  }, 120_000);

  test("CDK's own reading of the assembly sees the annotations (the stack artifact's messages, Annotations.fromStack)", () => {
    const { app } = synth(richApp, { reports: false });
    // The assembly this synthesis wrote (Annotations.fromStack synthesizes again, with the annotations already on the constructs).
    const nested = app.synth().getStackByName('Tenant1').messages.filter((m) => m.id.startsWith('/Tenant1/Nested/AnyBot'));
    expect(nested.map((m) => `${m.level} ${String(m.entry.data).split(' ')[0]}`)).toEqual(expect.arrayContaining(['warning LEX-IAM-5', 'warning LEX-IAM-10']));
    const stack = app.node.findChild('Tenant0') as Stack;
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('^LEX-IAM-')).length).toBeGreaterThan(10);
  }, 60_000);

  test('an App with a custom synthesis of its own: the answer is awaited during validation, the assembly the same', () => {
    const custom = (app: App) => {
      // What attachCustomSynthesis sets: lexscribe cannot know when CDK has written this App.
      Object.defineProperty(app, Symbol.for('@aws-cdk/core:customSynthesis'), { value: { onSynthesize: () => undefined } });
    };
    const [one, two] = both(richApp, {}, custom);
    expect(two.threads).toHaveLength(1);
    expect(assemblyFiles(two.outdir)).toEqual(assemblyFiles(one.outdir));
  }, 120_000);

  test('not for checks of its own or none, nor with Stages below the App (one run over every Stage): the App thread, as before', () => {
    const custom = lexscribe().ALL_CHECKS.filter((c) => c.id.startsWith('LEX-IAM-')).map((c) => ({ ...c }));
    expect(synth(richApp, { checks: custom }).threads).toEqual([]);
    expect(synth(richApp, { checks: [] }).threads).toEqual([]);
    const staged = (outdir: string) => {
      const app = generateApp('failing', 20, outdir);
      new Stack(new Stage(app, 'Prod'), 'Inner').node.addMetadata('owner', 'x');
      return app;
    };
    const [one, two] = both(staged, {}, (app) => Aspects.of(app.node.findChild('Prod')).add(new (lexscribe().LexscribeChecks)()));
    expect(assemblyFiles(two.outdir)).toEqual(assemblyFiles(one.outdir));
    expect(two.aspect.results.get('')!.findings).toEqual(one.aspect.results.get('')!.findings);
  }, 120_000);

  test('not for an App of fewer than 100 resources (the thread would cost more than the checks)', () => {
    // 4 bots: 36 resources; 20: 180.
    const small = synth((outdir) => generateApp('failing', 4, outdir), {});
    expect(assemblyFiles(small.outdir)['Tenant0.metadata.json']).toContain('"aws:cdk:error"');
    expect(small.threads).toEqual([]);
    expect(synth((outdir) => generateApp('failing', 20, outdir), {}).threads).toHaveLength(1);
  }, 60_000);

  test('a selection of the catalog goes to the thread by id', () => {
    const iamOnly = lexscribe().ALL_CHECKS.filter((c) => c.id.startsWith('LEX-IAM-'));
    const [one, two] = both(richApp, { checks: iamOnly });
    expect(two.threads).toHaveLength(1);
    expect(assemblyFiles(two.outdir)).toEqual(assemblyFiles(one.outdir));
    expect(new Set(two.aspect.results.get('')!.findings.map((f) => f.checkId.split('-')[1]))).toEqual(new Set(['IAM']));
  }, 120_000);

  test('a thread that fails answers so, and the checks run on the App thread: the same assembly, and a warning that says why', () => {
    substitute = join(ROOT, 'test', 'fixtures', 'workers', 'answers-error.js');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const [one, two] = both(richApp, {});
      expect(assemblyFiles(two.outdir)).toEqual(assemblyFiles(one.outdir));
      expect(stderr.mock.calls.map(([text]) => String(text))).toContain(
        "[Warning] lexscribe: the evaluation thread failed: out of luck; the checks ran on the App's thread instead\n",
      );
    } finally {
      substitute = undefined;
      stderr.mockRestore();
    }
  }, 120_000);

  test('a synthesis that stops after validation still writes the report, and the process exits', () => {
    const script = `
      const { Aspects, Stack, Stage } = require('aws-cdk-lib');
      const { generateApp } = require(${JSON.stringify(join(ROOT, 'dist', 'bench', 'synth-app.js'))});
      const { LexscribeChecks } = require(${JSON.stringify(join(ROOT, 'dist', 'lexscribe.js'))});
      const app = generateApp('failing', 20, process.argv[1]);
      new Stack(new Stage(app, 'Unchecked'), 'Inner');
      Aspects.of(app).add(new LexscribeChecks());
      app.synth();`;
    const outdir = tempDir('lexscribe-worker-');
    const run = spawnSync(process.execPath, ['-e', script, outdir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('stage Unchecked was not checked');
    expect(existsSync(join(outdir, 'lexscribe-report.json'))).toBe(true);
    const report = JSON.parse(readFileSync(join(outdir, 'lexscribe-report.json'), 'utf8')) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThan(100);
  }, 60_000);
});

describe('Evaluator', () => {
  const fixture = (name: string) => join(ROOT, 'test', 'fixtures', 'workers', name);

  test('a thread that ends without an answer, or gives none in time, is an error, not a wait for ever', () => {
    const exits = Evaluator.start(fixture('exits.js'))!;
    expect(exits.post({} as never)).toBe(true);
    expect(exits.take(2_000)).toEqual({ error: 'the evaluation thread gave no answer within 2 s' });
    const silent = Evaluator.start(fixture('never-answers.js'))!;
    silent.post({} as never);
    const started = Date.now();
    expect(silent.take(500)).toEqual({ error: 'the evaluation thread gave no answer within 0.5 s' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a job that cannot be copied to the thread is not sent', () => {
    // Settings travel as a structured clone, which takes no function; stacks as JSON, which takes no BigInt.
    const uncloneable = Evaluator.start(fixture('never-answers.js'))!;
    expect(uncloneable.post({ inputs: [], settings: { config: { pick: () => undefined } } } as never)).toBe(false);
    const unwritable = Evaluator.start(fixture('never-answers.js'))!;
    expect(unwritable.post({ inputs: [{ count: BigInt(1) }], settings: {} } as never)).toBe(false);
  });

  test('no worker file: no thread', () => {
    expect(Evaluator.start(join(ROOT, 'no-such-worker.js'))).toBeUndefined();
  });
});
