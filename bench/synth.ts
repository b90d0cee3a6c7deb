import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../lib/model/finding';
import { REPORT_FILE } from '../lib/report/report';
import { childrenCpuMs, median, printTable } from './measure';
import type { Bench } from './run';
import { resourcesPerUnit, UNITS_PER_STACK, type AppKind } from './synth-app';
import { cliSynthOnce, type CliSample } from './synth-cli';
import { VARIANTS, type Variant } from './synth-child';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 2000);
const KINDS: readonly AppKind[] = ['compliant', 'failing'];
/**
 * `BENCH_VARIANTS='lexscribe aspect,lexscribe aspect, no checks'` measures only those (plain always, as
 * the baseline): names are separated by a comma without a space after it, as one name holds ", ".
 */
const WANTED = process.env.BENCH_VARIANTS?.split(/,(?!\s)/).map((v) => v.trim());
const UNKNOWN = WANTED?.filter((v) => !(VARIANTS as readonly string[]).includes(v)) ?? [];
if (UNKNOWN.length > 0) throw new Error(`BENCH_VARIANTS: no variant ${UNKNOWN.map((v) => JSON.stringify(v)).join(', ')} (known: ${VARIANTS.join('; ')})`);
const SELECTED: readonly Variant[] = WANTED ? VARIANTS.filter((v) => v === 'plain' || WANTED.includes(v)) : VARIANTS;
const CHILD = join(__dirname, 'synth-child.js');
/**
 * A peer whose first synthesis takes longer than this many times plain CDK's is measured by that one
 * run (and says so): cfn-guard needs minutes on 500-resource templates, and repeating it would make
 * the benchmark take an hour.
 */
const SLOW = Number(process.env.BENCH_SLOW_FACTOR ?? 10);

interface Sample {
  cpu: number;
  /** The synthesizing process's main thread alone (the rest of `cpu` is V8's helper threads and child processes). */
  mainCpu?: number;
  wall: number;
  rssMiB: number;
  failed?: string;
}

/** Stops a synthesis that takes longer than this (cfn-guard can take many minutes): its row then says so. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 240) * 1000;

async function synthOnce(variant: Variant, kind: AppKind, units: number): Promise<Sample & { outdir: string; timedOut?: boolean }> {
  const outdir = mkdtempSync(join(tmpdir(), 'lexscribe-bench-'));
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  // A process group of its own, so that a synthesis stopped for taking too long takes cfn-guard with it.
  const child = spawn(process.execPath, [CHILD, variant, kind, String(units), outdir], {
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1', CDK_DISABLE_VERSION_CHECK: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, TIMEOUT_MS);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = childrenCpuMs() - cpuBefore;
  if (timedOut) return { cpu, wall, rssMiB: NaN, outdir, timedOut };
  if (status !== 0) throw new Error(`synth bench child (${variant}, ${kind}) exited ${status}: ${stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { maxRssKiB: number; mainCpuMs?: number; failed?: string };
  return { cpu, mainCpu: out.mainCpuMs, wall, rssMiB: out.maxRssKiB / 1024, failed: out.failed, outdir };
}

/** What the aspect found on the app: the failing app must give annotation and report work to do. */
function describeFindings(outdir: string): string {
  const file = join(outdir, REPORT_FILE);
  if (!existsSync(file)) return 'no lexscribe report written';
  const findings = (JSON.parse(readFileSync(file, 'utf8')) as { findings: Finding[] }).findings;
  const failing = (type: string) => {
    const all = new Set(findings.filter((f) => f.resource.type === type).map((f) => f.resource.logicalId));
    const failed = new Set(findings.filter((f) => f.resource.type === type && f.status === 'FAIL').map((f) => f.resource.logicalId));
    return `${failed.size} of ${all.size}`;
  };
  const fails = findings.filter((f) => f.status === 'FAIL').length;
  return `${findings.length} findings (${fails} FAIL); aliases failing a check: ${failing('AWS::Lex::BotAlias')}, roles: ${failing('AWS::IAM::Role')}`;
}

function cell(value: number, plain: number, unit: string): string {
  return `${value.toFixed(0)} ${unit} (${(value / plain).toFixed(2)}×)`;
}

/**
 * A variant's ratio to plain CDK round by round (its run against plain's in the same round): the median,
 * then the lowest and highest. Pairing takes out the machine's drift, which moves both runs of a round
 * alike and can move the medians of the columns beside it apart by more than a change to lexscribe.
 */
function byRound<S>(got: readonly S[], plain: readonly S[], measure: (s: S) => number): string {
  if (got.length !== plain.length || got === plain) return '';
  const ratios = got.map((s, i) => measure(s) / measure(plain[i]));
  return `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×)`;
}

/**
 * The variants also measured through the CDK CLI (`BENCH_CLI=0` leaves that out): cfn-guard's minutes
 * are measured once above, and the integration alone, the aspect on one thread and the aspect with TurboFan
 * on are diagnoses, measured above.
 */
const CLI_VARIANTS: readonly Variant[] =
  process.env.BENCH_CLI === '0' ? [] : SELECTED.filter((v) => v !== 'cdk-validator-cfnguard' && v !== 'lexscribe aspect, no checks' && v !== 'lexscribe aspect, TurboFan on' && v !== 'lexscribe aspect, one thread');

/**
 * The same app through `cdk synth --quiet`, as a user runs it: the CLI's own process (starting the
 * app, reading the assembly, printing the annotations) counts in every variant alike.
 */
async function cliTable(kind: AppKind, units: number, loads: number[]): Promise<void> {
  const samples = new Map<Variant, CliSample[]>(CLI_VARIANTS.map((v) => [v, []]));
  for (let round = 0; round <= RUNS; round++) {
    for (const variant of CLI_VARIANTS) {
      const s = await cliSynthOnce(variant, kind, units);
      loads.push(s.load);
      if (round > 0) samples.get(variant)?.push(s);
    }
  }
  const plain = samples.get('plain') ?? [];
  const base = { cpu: median(plain.map((s) => s.cpu)), wall: median(plain.map((s) => s.wall)) };
  const rows = CLI_VARIANTS.map((v) => {
    const got = samples.get(v) ?? [];
    return [
      v,
      cell(median(got.map((s) => s.cpu)), base.cpu, 'ms'),
      byRound(got, plain, (s) => s.cpu),
      cell(median(got.map((s) => s.wall)), base.wall, 'ms'),
      got.some((s) => s.status === 1) ? 'cdk synth exits 1: findings stop it' : '',
    ];
  });
  console.log(`\nThe ${kind} app through the CDK CLI (\`cdk synth --quiet\`: the CLI's process and the app's):\n`);
  printTable(['variant', 'CPU', 'CPU by round', 'wall', 'note'], rows);
}

/**
 * Synthesis of a generated app of ~2,000 resources in 4 stacks, compliant and failing, as `cdk
 * synth` runs it: one process per synthesis (building the tree, loading what the variant needs,
 * aspects, validation, validation plugins, writing the assembly), plain and with each tool on the
 * same app. Variants alternate within each round so drift on a shared machine hits them alike; the
 * first round only warms the file cache up.
 */
const bench: Bench = {
  async run() {
    const perUnit = resourcesPerUnit();
    const stacks = Math.max(1, Math.round(RESOURCES / (perUnit * UNITS_PER_STACK)));
    const units = stacks * UNITS_PER_STACK;
    const loads: number[] = [];
    const notes: string[] = [];
    for (const kind of KINDS) {
      const samples = new Map<Variant, Sample[]>(SELECTED.map((v) => [v, []]));
      const once = new Set<Variant>();
      const timedOut = new Set<Variant>();
      let found = '';
      let warmPlain = 0;
      for (let round = 0; round <= RUNS; round++) {
        for (const variant of SELECTED) {
          if (once.has(variant)) continue;
          const s = await synthOnce(variant, kind, units);
          loads.push(loadavg()[0]);
          if (variant === 'lexscribe aspect' && round === 0) found = describeFindings(s.outdir);
          rmSync(s.outdir, { recursive: true, force: true });
          if (variant === 'plain' && round === 0) warmPlain = s.wall;
          if (s.timedOut) timedOut.add(variant);
          if (round === 0 && variant !== 'plain' && (s.timedOut || s.wall > SLOW * warmPlain)) {
            once.add(variant);
            samples.get(variant)?.push(s);
          }
          if (round > 0) samples.get(variant)?.push(s);
        }
      }
      const plain = samples.get('plain') ?? [];
      const mainCpu = (s: Sample) => s.mainCpu ?? NaN;
      const base = { cpu: median(plain.map((s) => s.cpu)), mainCpu: median(plain.map(mainCpu)), wall: median(plain.map((s) => s.wall)), rss: median(plain.map((s) => s.rssMiB)) };
      const rows = SELECTED.map((v) => {
        const got = samples.get(v) ?? [];
        if (timedOut.has(v)) return [v, `> ${(got[0].cpu / 1000).toFixed(0)} s CPU`, '', '', `> ${TIMEOUT_MS / 1000} s (> ${(TIMEOUT_MS / base.wall).toFixed(0)}×)`, '', 'stopped after the time limit (BENCH_TIMEOUT_S)'];
        const failed = got.find((s) => s.failed)?.failed;
        return [
          v,
          cell(median(got.map((s) => s.cpu)), base.cpu, 'ms'),
          byRound(got, plain, (s) => s.cpu),
          Number.isNaN(base.mainCpu) ? 'n/a' : cell(median(got.map(mainCpu)), base.mainCpu, 'ms'),
          cell(median(got.map((s) => s.wall)), base.wall, 'ms'),
          cell(median(got.map((s) => s.rssMiB)), base.rss, 'MiB'),
          [once.has(v) ? `1 run (over ${SLOW}× plain: not repeated)` : '', failed ? `synth fails: ${/^Validation failed/.test(failed) ? 'blocking violations' : failed.slice(0, 60)}` : ''].filter(Boolean).join('; '),
        ];
      });
      console.log(`\n### ${kind} app: ${units * perUnit} resources in ${stacks} stacks; lexscribe: ${found}\n`);
      printTable(['variant', 'CPU', 'CPU by round', 'main thread CPU', 'wall', 'peak RSS', 'note'], rows);
      if (CLI_VARIANTS.length > 1) await cliTable(kind, units, loads);
    }
    notes.push(
      `Median of ${RUNS} runs each (after a warm-up round), one process per synthesis; CPU is user + system of that process and its children;`,
      "'CPU by round' is the median, lowest and highest ratio of a variant's run to plain's in the same round (pairing takes out the machine's drift); 'main thread CPU' leaves out V8's helper threads (garbage collection, compilation) and child processes;",
      `peak RSS is the synthesizing Node process's (cfn-guard's own process is not included); CDK's built-in template validation off;`,
      'wall time includes waiting for a core, so on a shared machine the CPU ratios are the ones to compare;',
      `Node ${process.version}; ${loads.length} syntheses; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)}).`,
    );
    console.log(`\n${notes.join('\n')}`);
  },
};

export default bench;
