/** Timing helpers shared by the benchmarks. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * CPU milliseconds (user + system) of a process or thread, from its `stat` file in /proc (`/proc/PID/stat`,
 * `/proc/self/task/TID/stat`): a process the benchmark did not start with GNU time (moto), or one thread of
 * this one. Undefined where /proc is not there.
 */
export function procCpuMs(statFile: string): number | undefined {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of proc(5) (utime, stime), in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * CPU milliseconds of this process's waited-for children and their own children (a synthesis's
 * cfn-guard, the app below a `cdk synth`), from /proc: Node reports no children's usage.
 */
export function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5) (cutime, cstime), in clock ticks of 10 ms on Linux.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * CPU milliseconds (user + system) one call costs this process. Other work on a shared machine
 * stretches wall-clock time but hardly moves this, so ratios between variants stay comparable.
 */
export function cpuTime(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU milliseconds (as `cpuTime`) and wall-clock milliseconds of one call. */
export function cpuAndWallTime(fn: () => void): { cpu: number; wall: number } {
  const start = process.hrtime.bigint();
  const cpu = cpuTime(fn);
  return { cpu, wall: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Print rows as a Markdown table (the README quotes it as is). */
export function printTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
}

/** What one process cost: wall-clock and CPU (user + system) milliseconds, and its peak resident memory in MiB. */
export interface ProcessCost {
  wall: number;
  cpu: number;
  peakMiB: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Run a command to its end and say what it cost, as GNU time (`/usr/bin/time`) reads it from the kernel
 * (the maximum resident set size is the process's own, whatever language it is written in). Standard
 * output goes to `stdout` (a file). Exit codes outside `okCodes` throw, with the command's standard error.
 */
export function processCost(command: string, args: readonly string[], opts: { stdout?: string; okCodes?: readonly number[]; cwd?: string } = {}): ProcessCost {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed to measure CPU and peak memory: apt-get install time`);
  const report = join(mkdtempSync(join(tmpdir(), 'lexscribe-bench-time-')), 'time');
  const out = openSync(opts.stdout ?? '/dev/null', 'w');
  try {
    const start = process.hrtime.bigint();
    const run = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', report, command, ...args], { encoding: 'utf8', stdio: ['ignore', out, 'pipe'], cwd: opts.cwd });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (!(opts.okCodes ?? [0, 1]).includes(run.status ?? -1)) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-2000)}`);
    // The last line: GNU time puts "Command exited with non-zero status N" before it.
    const [user, system, maxKiB] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wall, cpu: (user + system) * 1000, peakMiB: maxKiB / 1024 };
  } finally {
    closeSync(out);
    rmSync(dirname(report), { recursive: true, force: true });
  }
}

/** The median of each measure over `runs` runs (a first, unmeasured run warms the file cache when `warm`). */
export function medianCost(runs: number, run: () => ProcessCost, opts: { warm?: boolean } = {}): ProcessCost {
  if (opts.warm !== false) run();
  const costs = Array.from({ length: runs }, run);
  return { wall: median(costs.map((c) => c.wall)), cpu: median(costs.map((c) => c.cpu)), peakMiB: median(costs.map((c) => c.peakMiB)) };
}
