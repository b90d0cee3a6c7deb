import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number;
  output: string;
}

/** The real CDK CLI on the example app (cdk.json → dist/bin/example-app.js), offline. */
function cdkSynth(...args: string[]): Promise<Run> {
  const outdir = tempDir('lexscribe-cdk-cli-');
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', 'cdk'),
      ['synth', '--no-notices', '-o', outdir, ...args],
      { cwd: ROOT, env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1', CDK_DISABLE_VERSION_CHECK: '1', CI: 'true' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('`cdk synth` of the example app with the real CLI', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'bin', 'example-app.js'))) throw new Error('dist/bin/example-app.js is missing: run `npm run build` first (npm test does)');
  });

  test('the app is clean; the insecure one fails, on MEDIUM findings too with -c lexscribe:failOn=MEDIUM', async () => {
    const [clean, insecure] = await Promise.all([cdkSynth(), cdkSynth('-c', 'example:insecure=true', '-c', 'lexscribe:failOn=MEDIUM')]);

    expect(clean.code).toBe(0);
    expect(clean.output).toContain('Successfully synthesized');
    expect(clean.output).not.toMatch(/LEX-|TR-/);

    expect(insecure.code).not.toBe(0);
    expect(insecure.output).toMatch(/ERROR LEX-IAM-1 \[HIGH\] Bot and bot-alias resource policies grant nothing to a wildcard principal/);
    expect(insecure.output).toMatch(/ERROR LEX-IAM-8 \[MEDIUM\]/);
    expect(insecure.output).toMatch(/WARNING LEX-MON-5 \[LOW\]/);
  }, 180_000);

  test('with every stack inside a Stage, plain `cdk synth` (no stack selected) still fails on a HIGH finding', async () => {
    const [clean, insecure] = await Promise.all([cdkSynth('-c', 'example:stage=Prod'), cdkSynth('-c', 'example:stage=Prod', '-c', 'example:insecure=true')]);
    expect(clean.code).toBe(0);
    expect(clean.output).not.toMatch(/LEX-|TR-/);

    expect(insecure.code).not.toBe(0);
    expect(insecure.output).toMatch(/lexscribe: \d+ finding\(s\) at or above the failOn threshold in stacks inside Stages/);
    expect(insecure.output).toMatch(/\[Prod\/ContactCentreBot\/[^\]]+\] LEX-IAM-1 \[HIGH\]/);
  }, 180_000);
});
