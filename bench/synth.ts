import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../lib/model/finding';
import { REPORT_FILE } from '../lib/report/report';
import { median, printTable } from './measure';
import type { Bench } from './run';
import { resourcesPerUnit, type AppKind } from './synth-app';
import { VARIANTS, type Variant } from './synth-child';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 2000);
const KINDS: readonly AppKind[] = ['compliant', 'failing'];
const CHILD = join(__dirname, 'synth-child.js');

interface Sample {
  cpu: number;
  wall: number;
  rssMiB: number;
  failed?: string;
}

/**
 * CPU milliseconds of this process's waited-for children and their own children (cfn-guard runs
 * below the synthesizing process), from /proc: Node reports no children's usage.
 */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5) (cutime, cstime), in clock ticks of 10 ms on Linux.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function synthOnce(variant: Variant, kind: AppKind, units: number): Sample & { outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'lexscribe-bench-'));
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CHILD, variant, kind, String(units), outdir], {
    encoding: 'utf8',
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1', CDK_DISABLE_VERSION_CHECK: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = childrenCpuMs() - cpuBefore;
  if (child.status !== 0) throw new Error(`synth bench child (${variant}, ${kind}) exited ${child.status}: ${child.stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { maxRssKiB: number; failed?: string };
  return { cpu, wall, rssMiB: out.maxRssKiB / 1024, failed: out.failed, outdir };
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
 * Synthesis of a generated app of ~2,000 resources in 4 stacks, compliant and failing, as `cdk
 * synth` runs it: one process per synthesis (building the tree, loading what the variant needs,
 * aspects, validation, validation plugins, writing the assembly), plain and with each tool on the
 * same app. Variants alternate within each round so drift on a shared machine hits them alike; the
 * first round only warms the file cache up.
 */
const bench: Bench = {
  async run() {
    const perUnit = resourcesPerUnit();
    const units = Math.max(1, Math.round(RESOURCES / perUnit));
    const loads: number[] = [];
    const notes: string[] = [];
    for (const kind of KINDS) {
      const samples = new Map<Variant, Sample[]>(VARIANTS.map((v) => [v, []]));
      let found = '';
      for (let round = 0; round <= RUNS; round++) {
        for (const variant of VARIANTS) {
          const s = synthOnce(variant, kind, units);
          if (variant === 'lexscribe aspect' && round === 0) found = describeFindings(s.outdir);
          rmSync(s.outdir, { recursive: true, force: true });
          if (round > 0) samples.get(variant)?.push(s);
          loads.push(loadavg()[0]);
        }
      }
      const [plain] = VARIANTS.map((v) => samples.get(v) ?? []);
      const base = { cpu: median(plain.map((s) => s.cpu)), wall: median(plain.map((s) => s.wall)), rss: median(plain.map((s) => s.rssMiB)) };
      const rows = VARIANTS.map((v) => {
        const got = samples.get(v) ?? [];
        const failed = got.find((s) => s.failed)?.failed;
        return [
          v,
          cell(median(got.map((s) => s.cpu)), base.cpu, 'ms'),
          cell(median(got.map((s) => s.wall)), base.wall, 'ms'),
          cell(median(got.map((s) => s.rssMiB)), base.rss, 'MiB'),
          failed ? `synth stopped: ${failed.slice(0, 60)}` : '',
        ];
      });
      console.log(`\n### ${kind} app: ${units * perUnit} resources in ${Math.ceil(units / 40)} stacks; lexscribe: ${found}\n`);
      printTable(['variant', 'CPU', 'wall', 'peak RSS', 'note'], rows);
    }
    notes.push(
      `Median of ${RUNS} runs each (after a warm-up round), one process per synthesis; CPU is user + system of that process and its children;`,
      `peak RSS is the synthesizing Node process's (cfn-guard's own process is not included); CDK's built-in template validation off;`,
      `Node ${process.version}; ${loads.length} syntheses; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)}).`,
    );
    console.log(`\n${notes.join('\n')}`);
  },
};

export default bench;
