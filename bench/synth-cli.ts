import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenCpuMs } from './measure';
import type { AppKind } from './synth-app';
import type { Variant } from './synth-child';

/** The CDK CLI of the repository's devDependencies (a `latest` from the registry cannot read this aws-cdk-lib's output). */
const CDK_CLI = require.resolve('aws-cdk/bin/cdk');
const CHILD = join(__dirname, 'synth-child.js');

/** One `cdk synth` end to end: the CLI's process and the app's below it, as a user runs it. */
export interface CliSample {
  cpu: number;
  wall: number;
  /** The CLI's exit code: 1 when the app's findings stop the synth. */
  status: number;
  load: number;
}

/**
 * `cdk synth --quiet` of the generated app with one variant, in a project folder of its own: the CLI
 * starts the app (the same child process as the app-only measurement, writing where the CLI says),
 * reads the assembly and prints the annotations. Nothing is printed here; exit code 1 (findings that
 * stop the synth) is a result of a checking variant, any other failure throws.
 */
export async function cliSynthOnce(variant: Variant, kind: AppKind, units: number): Promise<CliSample> {
  const project = mkdtempSync(join(tmpdir(), 'lexscribe-bench-cli-'));
  try {
    const app = [process.execPath, CHILD, variant, kind, String(units), '--cli'].map((a) => JSON.stringify(a)).join(' ');
    writeFileSync(join(project, 'cdk.json'), JSON.stringify({ app, context: { 'cli-telemetry': false } }));
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [CDK_CLI, 'synth', '--quiet', '--no-notices', '--output', join(project, 'cdk.out')], {
      cwd: project,
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1', CDK_DISABLE_VERSION_CHECK: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = childrenCpuMs() - cpuBefore;
    // Plain CDK has no findings to stop it: its exit 1 is a failure, as any other code is for every variant.
    if (status !== 0 && (status !== 1 || variant === 'plain')) throw new Error(`cdk synth (${variant}, ${kind}) exited ${status}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return { cpu, wall, status, load: loadavg()[0] };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
