import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { Aspects, attachCustomSynthesis, Stack, Stage, Validations } from 'aws-cdk-lib';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { withOptimizerPaused } from '../../lib/cdk/optimizer';
import { LexscribeValidator } from '../../lib/cdk/validator';
import { ENV, HIGH, newApp, topic } from './fixtures';

// The module object itself, which lexscribe's `import * as v8` reads through: spied on here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v8 = require('node:v8') as typeof import('node:v8');

/** What one pause sets, then what its end sets back. */
const PAUSE = ['--no-turbofan', '--always-sparkplug'];
const RESUME = ['--turbofan', '--no-always-sparkplug'];
const ONE_PAUSE = [...PAUSE, ...RESUME];

describe('pausing V8’s optimizing compiler', () => {
  let flags: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    flags = [];
    spy = jest.spyOn(v8, 'setFlagsFromString').mockImplementation((f: string) => void flags.push(f));
  });
  afterEach(() => spy.mockRestore());

  test('TurboFan does not optimize inside, and does again after; inside, code is baseline at once (real V8, natives syntax)', () => {
    spy.mockRestore();
    // Bits of %GetOptimizationStatus: 16 optimized, 64 TurboFan code.
    const script = `
      const { withOptimizerPaused } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'lib', 'cdk', 'optimizer.js'))});
      function hot(x) { let s = 0; for (let i = 0; i < 10; i++) s += x * i; return s; }
      function optimize() { %PrepareFunctionForOptimization(hot); hot(1); hot(2); %OptimizeFunctionOnNextCall(hot); hot(3); return %GetOptimizationStatus(hot); }
      function once(f) { f(1); return %ActiveTierIsSparkplug(f); }
      const inside = withOptimizerPaused(true, optimize);
      const baselineInside = withOptimizerPaused(true, () => once((x) => x + 1));
      %DeoptimizeFunction(hot);
      console.log(JSON.stringify({ inside, after: optimize(), baselineInside, baselineAfter: once((x) => x + 2) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8' })) as { inside: number; after: number; baselineInside: boolean; baselineAfter: boolean };
    expect(out.inside & 64).toBe(0);
    expect(out.after & 64).toBe(64);
    expect(out.baselineInside).toBe(true);
    expect(out.baselineAfter).toBe(false);
  });

  test('is resumed when the work throws, and the error is the work’s', () => {
    expect(() =>
      withOptimizerPaused(true, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(flags).toEqual(ONE_PAUSE);
  });

  test('a pause inside a pause changes nothing; the work’s value is returned', () => {
    expect(withOptimizerPaused(true, () => withOptimizerPaused(true, () => 42))).toBe(42);
    expect(flags).toEqual(ONE_PAUSE);
  });

  test('handed to `later`, the resume waits for it; once called, the flags are set back once', () => {
    let resume: (() => void) | undefined;
    expect(withOptimizerPaused(true, () => 'done', (r) => ((resume = r), true))).toBe('done');
    expect(flags).toEqual(PAUSE);
    resume!();
    resume!();
    expect(flags).toEqual(ONE_PAUSE);
  });

  test('handed to `later` and never called, the resume comes when the current job ends', async () => {
    withOptimizerPaused(true, () => 'done', () => true);
    expect(flags).toEqual(PAUSE);
    await Promise.resolve();
    expect(flags).toEqual(ONE_PAUSE);
  });

  test('`later` is not asked when the work throws: the resume is at once', () => {
    const later = jest.fn(() => true);
    expect(() =>
      withOptimizerPaused(
        true,
        () => {
          throw new Error('boom');
        },
        later,
      ),
    ).toThrow('boom');
    expect(later).not.toHaveBeenCalled();
    expect(flags).toEqual(ONE_PAUSE);
  });

  test('`later` that declines (false) leaves the resume at once', () => {
    withOptimizerPaused(true, () => 'done', () => false);
    expect(flags).toEqual(ONE_PAUSE);
  });

  test('not when disabled', () => {
    expect(withOptimizerPaused(false, () => 'done')).toBe('done');
    expect(flags).toEqual([]);
  });

  test.each([
    ['arguments', ['--jitless'], undefined],
    ['arguments', ['--no-opt'], undefined],
    ['NODE_OPTIONS', [], '--max-old-space-size=4096 --max-opt=1'],
    ['NODE_OPTIONS', [], '--no_turbofan'],
    ['arguments', ['--no-sparkplug'], undefined],
    ['NODE_OPTIONS', [], '--always-sparkplug'],
    ['arguments', ['--interrupt-budget=67584'], undefined],
  ])('not when the process’s %s set V8 tiers of their own (%j %s)', (_where, execArgv, nodeOptions) => {
    const saved = { execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS };
    process.execArgv = execArgv;
    if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = nodeOptions;
    try {
      expect(withOptimizerPaused(true, () => 'done')).toBe('done');
    } finally {
      process.execArgv = saved.execArgv;
      if (saved.nodeOptions === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved.nodeOptions;
    }
    expect(flags).toEqual([]);
  });

  test('not on a V8 older than 11, which names the flag otherwise', () => {
    const saved = Object.getOwnPropertyDescriptor(process.versions, 'v8')!;
    Object.defineProperty(process.versions, 'v8', { ...saved, value: '10.2.154.26-node.26' });
    try {
      expect(withOptimizerPaused(true, () => 'done')).toBe('done');
    } finally {
      Object.defineProperty(process.versions, 'v8', saved);
    }
    expect(flags).toEqual([]);
  });

  test('a runtime that cannot set V8 flags runs the work as is', () => {
    spy.mockImplementation(() => {
      throw new Error('not supported');
    });
    expect(withOptimizerPaused(true, () => 'done')).toBe('done');
  });

  function app() {
    const a = newApp();
    topic(new Stack(a, 'Api', { env: ENV }), 'Failing', 'FAIL');
    topic(new Stack(new Stage(a, 'Prod'), 'Api', { env: ENV }), 'Failing', 'FAIL');
    return a;
  }

  test('the aspect pauses around each Stage’s evaluation and the App’s, and finds the same', async () => {
    const paused = app();
    const aspect = LexscribeChecks.fromContext(paused, { checks: [HIGH], reports: false });
    expect(() => paused.synth()).toThrow();
    await Promise.resolve();
    expect(flags).toEqual([...ONE_PAUSE, ...ONE_PAUSE]);
    const plain = app();
    const unpaused = LexscribeChecks.fromContext(plain, { checks: [HIGH], reports: false, pauseOptimizer: false });
    expect(() => plain.synth()).toThrow();
    expect(flags).toHaveLength(2 * ONE_PAUSE.length);
    const ids = (a: LexscribeChecks) => [...a.results.values()].flatMap((r) => r.findings.map((f) => `${f.checkId} ${f.status} ${f.resource.constructPath}`));
    expect(ids(aspect)).toEqual(ids(unpaused));
  });

  /** `flags`, with a line for each template and the tree CDK writes, in the order they happened. */
  function recordWrites(): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs');
    const write = fs.writeFileSync;
    const writes = jest.spyOn(fs, 'writeFileSync').mockImplementation(((file: Parameters<typeof write>[0], ...rest: unknown[]) => {
      if (/\.template\.json$|tree\.json$/.test(String(file))) flags.push(`write ${basename(String(file))}`);
      return (write as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof write);
    return () => writes.mockRestore();
  }

  test('the aspect resumes once CDK has written the assembly (templates and tree), not before', () => {
    const restore = recordWrites();
    try {
      const a = newApp();
      topic(new Stack(a, 'Api', { env: ENV }), 'Passing', 'PASS');
      LexscribeChecks.fromContext(a, { checks: [HIGH], reports: false });
      a.synth();
    } finally {
      restore();
    }
    expect(flags).toEqual([...PAUSE, 'write Api.template.json', 'write tree.json', ...RESUME]);
  });

  test('a Stage’s pause ends when the Stage’s assembly is written, before the App’s begins', () => {
    const restore = recordWrites();
    try {
      const a = app();
      LexscribeChecks.fromContext(a, { checks: [HIGH], reports: false });
      expect(() => a.synth()).toThrow();
    } finally {
      restore();
    }
    // The Stage's template is written into its own assembly, and before the App's validation.
    const stageWritten = flags.findIndex((f) => f.startsWith('write Prod'));
    expect(flags.slice(0, 2)).toEqual(PAUSE);
    expect(stageWritten).toBeGreaterThan(1);
    expect(flags.indexOf(RESUME[0])).toBeGreaterThan(stageWritten);
    expect(flags.filter((f) => !f.startsWith('write'))).toEqual([...ONE_PAUSE, ...PAUSE]);
  });

  test('a synthesis that stops on findings (the App’s assembly not written) is resumed when the job ends', async () => {
    // Blocking findings inside a Stage fail the App's validation, and CDK stops before writing the App's assembly.
    const a = app();
    LexscribeChecks.fromContext(a, { checks: [HIGH], reports: false });
    expect(() => a.synth()).toThrow(/lexscribe: 1 finding/);
    expect(flags).toEqual([...ONE_PAUSE, ...PAUSE]);
    flags.length = 0;
    await Promise.resolve();
    expect(flags).toEqual(RESUME);
  });

  test('an App with a custom synthesis of its own keeps it, and is resumed at once; one attached after a synthesis is taken', () => {
    const mine = newApp();
    const called: string[] = [];
    attachCustomSynthesis(mine, { onSynthesize: () => void called.push('theirs') });
    topic(new Stack(mine, 'Api', { env: ENV }), 'Passing', 'PASS');
    LexscribeChecks.fromContext(mine, { checks: [HIGH], reports: false });
    mine.synth();
    expect(called).toEqual(['theirs']);
    expect(flags).toEqual(ONE_PAUSE);

    const later = newApp();
    topic(new Stack(later, 'Api', { env: ENV }), 'Passing', 'PASS');
    LexscribeChecks.fromContext(later, { checks: [HIGH], reports: false });
    later.synth();
    expect(() => attachCustomSynthesis(later, { onSynthesize: () => void called.push('attached after') })).not.toThrow();
    later.synth({ force: true });
    expect(called).toEqual(['theirs', 'attached after']);
  });

  test('cdk.json context lexscribe:pauseOptimizer=false turns it off', () => {
    const a = newApp({ context: { 'lexscribe:pauseOptimizer': 'false' } });
    topic(new Stack(a, 'Api', { env: ENV }), 'Passing', 'PASS');
    LexscribeChecks.fromContext(a, { checks: [HIGH], reports: false });
    a.synth();
    expect(flags).toEqual([]);
  });

  test('an aspect instance that says not to keeps the App’s validation from pausing', () => {
    const a = newApp();
    topic(new Stack(a, 'Api', { env: ENV }), 'Passing', 'PASS');
    Aspects.of(a).add(new LexscribeChecks({ checks: [HIGH], reports: false }));
    Aspects.of(a).add(new LexscribeChecks({ checks: [HIGH], reports: false, pauseOptimizer: false }));
    a.synth();
    expect(flags).toEqual([]);
  });

  test('the validation plugin pauses around its validation, unless told not to', () => {
    for (const pauseOptimizer of [true, false]) {
      const a = newApp();
      topic(new Stack(a, 'Api', { env: ENV }), 'Passing', 'PASS');
      Validations.of(a).addPlugins(new LexscribeValidator({ checks: [HIGH], pauseOptimizer }));
      a.synth();
    }
    expect(flags).toEqual(ONE_PAUSE);
  });

  test('the validation plugin reads the templates before it pauses (locating keys is a hot loop)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs');
    const read = fs.readFileSync;
    const reads = jest.spyOn(fs, 'readFileSync').mockImplementation(((file: Parameters<typeof read>[0], ...rest: unknown[]) => {
      if (String(file).endsWith('.template.json')) flags.push(`read ${basename(String(file))}`);
      return (read as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof read);
    try {
      const a = newApp();
      topic(new Stack(a, 'Api', { env: ENV }), 'Passing', 'PASS');
      Validations.of(a).addPlugins(new LexscribeValidator({ checks: [HIGH] }));
      a.synth();
    } finally {
      reads.mockRestore();
    }
    const paused = flags.indexOf('--no-turbofan');
    expect(paused).toBeGreaterThan(0);
    expect(flags.slice(paused)).toEqual(ONE_PAUSE);
    expect(flags.slice(0, paused)).toContain('read Api.template.json');
  });
});
