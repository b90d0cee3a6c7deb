import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERRUPT_BUDGET } from '../../lib/cli/tiering';
import { tempDir } from '../helpers/temp';
import { BIN } from '../scan/cli';

const TIERING = join(__dirname, '..', '..', 'dist', 'lib', 'cli', 'tiering.js');

/**
 * A small function's calls until TurboFan has optimized it (bit 64 of %GetOptimizationStatus), in a new
 * Node with `nodeFlags`, after `raiseInterruptBudget()` when `raise`: compiled on the main thread, so
 * the count is the same in every run.
 */
function callsUntilOptimized(raise: boolean, nodeFlags: string[] = []): { raised: boolean; calls: number } {
  const script = `
    const raised = ${raise} && require(${JSON.stringify(TIERING)}).raiseInterruptBudget();
    function hot(x) { let s = 0; for (let i = 0; i < 10; i++) s += x * i; return s; }
    let calls = 0;
    while (calls < 100000 && (%GetOptimizationStatus(hot) & 64) === 0) hot(calls++);
    console.log(JSON.stringify({ raised, calls }));`;
  const out = execFileSync(process.execPath, [...nodeFlags, '--allow-natives-syntax', '--no-concurrent-recompilation', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { raised: boolean; calls: number };
}

describe('the CLI’s interrupt budget (real V8)', () => {
  test('raised, TurboFan optimizes a function after about four times as many calls', () => {
    const before = callsUntilOptimized(false);
    const after = callsUntilOptimized(true);
    expect(after.raised).toBe(true);
    expect(before.calls).toBeGreaterThan(0);
    expect(after.calls / before.calls).toBeGreaterThan(3);
    expect(after.calls / before.calls).toBeLessThan(5);
  });

  test.each([[['--interrupt-budget=67584']], [['--no-opt']], [['--max-opt=1']]])('left as it is when Node was started with tier flags of its own (%j)', (flags) => {
    expect(callsUntilOptimized(true, flags).raised).toBe(false);
  });

  test.each([[['checks']], [['scan', join(__dirname, '..', 'fixtures', 'templates', 'contact-centre.yaml')]]])('`lexscribe %j` sets it before the command runs', (args) => {
    // A preload that records the V8 flags the process sets, and prints them as it exits.
    const preload = join(tempDir(), 'record-flags.js');
    writeFileSync(
      preload,
      `const v8 = require('node:v8'); const set = v8.setFlagsFromString; const seen = [];
       v8.setFlagsFromString = (f) => { seen.push(f); set(f); };
       process.on('exit', () => process.stderr.write('flags: ' + JSON.stringify(seen) + '\\n'));`,
    );
    const run = spawnSync(process.execPath, ['--require', preload, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toContain(`flags: ["--interrupt-budget=${INTERRUPT_BUDGET}"]`);
  });
});
