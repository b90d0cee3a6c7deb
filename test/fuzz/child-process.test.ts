/**
 * The few properties that need the real binary as a child process: its exit code as the shell sees
 * it, nothing on its streams but lexscribe's own lines (no stack trace, no Node warning), and
 * standard input (`-`) fed any bytes. The in-process properties cover the same inputs far faster.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { assembly } from './arbitraries/assemblies';
import { applyDamage, damage } from './arbitraries/corrupt';
import { extensionOf, format, serialise } from './arbitraries/serialise';
import { template } from './arbitraries/templates';
import { GOOD_JSON, writeTree } from './fixtures';
import { JS_INTERNALS, STACK_FRAME } from './run';
import { params } from './settings';
import { BIN } from '../scan/cli';

function lexscribe(args: string[], input: Buffer | string = ''): { code: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: writeTree({}), env: { ...process.env, NO_COLOR: '1' } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

function expectClean(run: { code: number | null; stdout: string; stderr: string }, named: string): void {
  expect([0, 1, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stdout).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(JS_INTERNALS);
  for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^lexscribe: /);
  if (run.code === 2) expect(run.stderr).toContain(named);
}

test('a damaged template or an odd assembly: exit 0, 1 or 2, only lexscribe’s own lines, the input named on exit 2', () => {
  const input = fc.oneof(
    fc.tuple(template, format, damage).map(([t, f, d]) => ({ files: { [`stack.${extensionOf(f)}`]: applyDamage(serialise(t, f), d, extensionOf(f) === 'yaml') }, path: `stack.${extensionOf(f)}` })),
    assembly(GOOD_JSON).map((files) => ({ files: files as Record<string, string | Buffer>, path: '.' })),
  );
  fc.assert(
    fc.property(input, ({ files, path }) => {
      const target = join(writeTree(files), path);
      expectClean(lexscribe(['scan', target, '-q', '-f', 'json', '-o', join(writeTree({}), 'r.json')]), target);
    }),
    params(0.07),
  );
});

test('any bytes on standard input: exit 0, 1 or 2, only lexscribe’s own lines, <stdin> named on exit 2', () => {
  fc.assert(
    fc.property(template, format, damage, (t, f, d) => {
      expectClean(lexscribe(['scan', '-', '-q', '-f', 'json'], applyDamage(serialise(t, f), d, extensionOf(f) === 'yaml')), '<stdin>');
    }),
    params(0.07),
  );
});
