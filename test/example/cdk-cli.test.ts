import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import sarifSchema from '../fixtures/report/sarif-schema-2.1.0.json';
import { githubIngestionProblems } from '../helpers/github-sarif';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number;
  output: string;
}

/** The real CDK CLI on the example app (cdk.json → dist/bin/example-app.js), offline. */
function cdkSynth(...args: string[]): Promise<Run> {
  return cdkSynthTo(tempDir('lexscribe-cdk-cli-'), ...args);
}

function cdkSynthTo(outdir: string, ...args: string[]): Promise<Run> {
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

  test("an App large enough for the checks' own thread: the CLI prints and fails on the annotations added after CDK wrote the stacks, as on one thread", async () => {
    // The bench's generated app (20 bots, 180 resources) with the aspect from dist/lexscribe.js, as `cdk synth` starts an app.
    const app = (variant: string) => `"${process.execPath}" "${join(ROOT, 'dist', 'bench', 'synth-child.js')}" "${variant}" failing 20 --cli`;
    const [two, one] = await Promise.all([cdkSynth('--quiet', '--app', app('lexscribe aspect')), cdkSynth('--quiet', '--app', app('lexscribe aspect, one thread'))]);
    expect(two.code).toBe(1);
    expect(two.output).toMatch(/^ERROR LEX-IAM-7 \[HIGH\] /m);
    expect(two.output.split('\n').length).toBeGreaterThan(500);
    expect(two).toEqual(one);
  }, 180_000);

  test('SARIF of `lexscribe scan cdk.out` has a line for every result, and points at the constructs in lib/example/*.ts', async () => {
    // Inside the repository (an ignored directory), as a pipeline's cdk.out is: its templates are repository paths too.
    mkdirSync(join(ROOT, '.lexscribe-tmp'), { recursive: true });
    const outdir = mkdtempSync(join(ROOT, '.lexscribe-tmp', 'cdk.out-'));
    try {
      expect((await cdkSynthTo(outdir, '-c', 'example:insecure=true', '-c', 'lexscribe:failOn=CRITICAL')).code).toBe(0);
      const sarifFile = join(outdir, 'lexscribe.sarif');
      execFileSync(process.execPath, [join(ROOT, 'dist', 'bin', 'lexscribe.js'), 'scan', outdir, '-f', 'sarif', '-o', sarifFile, '--fail-on', 'critical'], { cwd: ROOT });
      const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as Log;
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(sarifSchema);
      expect(validate(log) ? [] : validate.errors).toEqual([]);
      expect(githubIngestionProblems(log)).toEqual([]);

      const results = log.runs[0].results ?? [];
      const where = (r: (typeof results)[number]) => r.locations![0].physicalLocation!;
      const onCode = results.filter((r) => where(r).artifactLocation!.uri!.startsWith('lib/example/'));
      // Findings about a whole stack (no trail, no Config recorder…) stay on line 1 of its template; every other one is on the code.
      const stackWide = results.filter((r) => r.properties?.resourceType === 'AWS::CloudFormation::Stack');
      expect(onCode.length + stackWide.length).toBe(results.length);
      expect(onCode.length).toBeGreaterThan(10);
      for (const r of stackWide) expect(where(r).region).toEqual({ startLine: 1 });
      // Each points at the line that creates the construct, in the TypeScript source (mapped from dist/ through the source maps).
      for (const r of onCode) {
        const { uri } = where(r).artifactLocation!;
        const line = readFileSync(join(ROOT, uri!), 'utf8').split('\n')[where(r).region!.startLine! - 1];
        // The construct's own id (`ContactCentreBot/BotRole/Resource` → 'BotRole'), or the call that made it for CDK's default policy.
        const path = r.locations![0].logicalLocations![0].fullyQualifiedName!.split('/').filter((p) => p !== 'Resource');
        const id = path[path.length - 1];
        expect([path.join('/'), line]).toEqual([path.join('/'), id === 'DefaultPolicy' ? expect.stringContaining('.addToPolicy(') : expect.stringContaining(`'${id}'`)]);
        expect(r.relatedLocations?.[0].physicalLocation?.artifactLocation?.uri).toMatch(/^\.lexscribe-tmp\/cdk\.out-[^/]+\/ContactCentre\w+\.template\.json$/);
      }
      const alias = onCode.find((r) => r.ruleId === 'LEX-DP-2')!;
      expect(where(alias)).toMatchObject({ artifactLocation: { uri: 'lib/example/bot-stack.ts' } });
      expect(readFileSync(join(ROOT, 'lib/example/bot-stack.ts'), 'utf8').split('\n')[where(alias).region!.startLine! - 1]).toContain("new lex.CfnBotAlias(this, 'LiveAlias'");
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 180_000);
});
