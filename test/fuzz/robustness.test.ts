/**
 * Property-based robustness of `lexscribe scan`, in-process through the real command line: any
 * template (JSON or YAML, every resource type lexscribe reads, intrinsics over odd names, wrong
 * types, big strings), damaged in the ways files are, and any cloud assembly (missing or mistyped
 * fields, null artifacts, nested assemblies that contain themselves) must end with exit code 0, 1 or
 * 2, no error escaping the commands, no stack trace, the report written, the offending file named on
 * exit 2, and the findings of the good inputs beside it unchanged. Sizes and seed: ./settings.ts.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { assembly } from './arbitraries/assemblies';
import { applyDamage, damage } from './arbitraries/corrupt';
import { extensionOf, format, serialise } from './arbitraries/serialise';
import { LOCAL_FILES, template } from './arbitraries/templates';
import { findingLines, GOOD_JSON, GOOD_YAML, writeTree } from './fixtures';
import { JS_INTERNALS, STACK_FRAME, scanInProcess, type InProcessRun } from './run';
import { params } from './settings';

/** The invariants of every run, whatever the input. */
function expectWellBehaved(run: InProcessRun & { reportText?: string }, badPaths: readonly string[]): void {
  if (run.unexpected) throw new Error(`an error escaped the scan: ${(run.unexpected as Error).stack ?? String(run.unexpected)}\nstderr:\n${run.stderr}`);
  expect([0, 1, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stdout).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(JS_INTERNALS);
  // The reports are written whatever happened to the inputs.
  expect(run.reportText).toBeDefined();
  if (run.code === 2) expect(badPaths.some((p) => run.stderr.includes(p))).toBe(true);
  // Every line on standard error is lexscribe's own, one line per problem.
  for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^lexscribe: /);
}

const GOOD_STACKS = ['good', 'other'];
let goodAlone: string[];
let goodYamlAlone: string[];

beforeAll(async () => {
  const dir = writeTree({ 'good.yaml': GOOD_YAML, 'other.json': GOOD_JSON });
  const run = await scanInProcess([join(dir, 'good.yaml'), join(dir, 'other.json')]);
  expectWellBehaved(run, []);
  goodAlone = findingLines(run.report, GOOD_STACKS);
  // The good inputs have findings to lose, of several statuses.
  expect(new Set(goodAlone.map((l) => l.split(' ')[0]))).toEqual(new Set(['FAIL', 'PASS', 'UNKNOWN', 'NOT_APPLICABLE']));
  goodYamlAlone = findingLines((await scanInProcess([join(dir, 'good.yaml')])).report, ['good']);
  expect(goodYamlAlone.length).toBeGreaterThan(10);
});

describe('any template, damaged or not', () => {
  test('exit 0, 1 or 2, nothing escapes, no stack trace, the report written, the file named on exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(template, format, damage, async (t, f, d) => {
        const bytes = applyDamage(serialise(t, f), d, extensionOf(f) === 'yaml');
        const dir = writeTree({ ...LOCAL_FILES, [`stack.${extensionOf(f)}`]: bytes });
        const file = join(dir, `stack.${extensionOf(f)}`);
        expectWellBehaved(await scanInProcess([file]), [file]);
      }),
      params(0.5),
    );
  });

  test('one bad input among good ones costs the good ones nothing', async () => {
    await fc.assert(
      fc.asyncProperty(template, format, damage, async (t, f, d) => {
        const ext = extensionOf(f);
        const dir = writeTree({ 'good.yaml': GOOD_YAML, [`bad.${ext}`]: applyDamage(serialise(t, f), d, ext === 'yaml'), 'other.json': GOOD_JSON });
        const bad = join(dir, `bad.${ext}`);
        const run = await scanInProcess([join(dir, 'good.yaml'), bad, join(dir, 'other.json')]);
        expectWellBehaved(run, [bad]);
        const lines = findingLines(run.report, GOOD_STACKS);
        if (run.stderr.includes(`lexscribe: ${bad}`)) {
          // Refused: the run is as if it had never been given.
          expect(lines).toEqual(goodAlone);
        } else {
          // Read: its resources may add app-level context, but no resource of the good templates loses its findings.
          const where = (ls: string[]) => new Set(ls.map((l) => l.split(' ').slice(1, 3).join(' ')).filter((l) => !/\/(good|other)?$/.test(l)));
          expect([...where(goodAlone)].filter((w) => !where(lines).has(w))).toEqual([]);
        }
      }),
      params(0.33),
    );
  });
});

describe('any cloud assembly', () => {
  test('exit 0, 1 or 2, nothing escapes, the manifest named on exit 2, a good template beside it unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(assembly(GOOD_JSON), async (files) => {
        const dir = writeTree({ ...Object.fromEntries(Object.entries(files).map(([p, text]) => [join('cdk.out', p), text])), 'good.yaml': GOOD_YAML });
        const run = await scanInProcess([join(dir, 'cdk.out'), join(dir, 'good.yaml')]);
        expectWellBehaved(run, [join(dir, 'cdk.out')]);
        // App-level findings (on the stack itself) go to the app's first stack: an assembly folder read as
        // plain templates joins good.yaml's app. Each resource's findings must be as they were.
        const resourceLevel = (lines: string[]) => lines.filter((l) => !l.includes(' good/good '));
        expect(resourceLevel(findingLines(run.report, ['good']))).toEqual(resourceLevel(goodYamlAlone));
      }),
      params(1),
    );
  });
});
