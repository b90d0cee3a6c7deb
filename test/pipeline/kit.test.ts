import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { parse } from 'yaml';
import { githubIngestionProblems } from '../helpers/github-sarif';
import { synthAssembly } from '../scan/assembly-app';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'bin', 'lexscribe.js');

/** A CloudFormation template with a resource policy open to anyone (LEX-IAM-1, HIGH). */
const OPEN_POLICY = {
  Resources: {
    Bot: { Type: 'AWS::Lex::Bot', Properties: { Name: 'Support', RoleArn: 'arn:aws:iam::111122223333:role/LexRole', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 } },
    Policy: {
      Type: 'AWS::Lex::ResourcePolicy',
      Properties: { ResourceArn: { 'Fn::GetAtt': ['Bot', 'Arn'] }, Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lex:RecognizeText', Resource: '*' }] } },
    },
  },
};

/** A repository with lexscribe installed as a dependency (the built CLI), a `.git`, and what `files` gives it. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexscribe-kit-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  const shim = join(dir, 'node_modules', '.bin', 'lexscribe');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(shim, 0o755);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ steps.scan.outputs.y }}` as the runner fills them in. */
function expand(text: string, inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (expr === 'github.action_path') return ROOT;
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) return inputs[input[1]] ?? action.inputs[input[1]]?.default ?? '';
    const output = /^steps\.scan\.outputs\.([\w-]+)$/.exec(expr);
    if (output) return outputs[output[1]] ?? '';
    throw new Error(`action.yml uses ${expr}, which this test does not fill in`);
  });
}

/** Run the action's steps as the runner would, minus the upload (a GitHub API call): the scan, then the gate. */
function runAction(dir: string, inputs: Record<string, string>) {
  const [scan, upload, gate] = action.runs.steps;
  const outputFile = join(dir, '.github-output');
  writeFileSync(outputFile, '');
  const env = Object.fromEntries(Object.entries(scan.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs)]));
  const cwd = join(dir, expand(scan['working-directory'] ?? '.', inputs));
  const step = spawnSync('bash', ['-c', expand(scan.run!, inputs)], { cwd, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile, NO_COLOR: '1' } });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
  const gated = spawnSync('bash', ['-c', expand(gate.run!, inputs, outputs)], { encoding: 'utf8' });
  return { step, outputs, gate: gated.status, upload, cwd };
}

describe('the GitHub Action (action.yml)', () => {
  test('a composite action: scan, upload the SARIF even when the gate failed, then apply the exit code', () => {
    expect(action.runs.using).toBe('composite');
    const [scan, upload, gate] = action.runs.steps;
    expect(scan).toMatchObject({ id: 'scan', shell: 'bash', run: 'bash "${{ github.action_path }}/scripts/action.sh"' });
    expect(upload).toMatchObject({ uses: 'github/codeql-action/upload-sarif@v3', if: expect.stringMatching(/^always\(\) && inputs\.upload-sarif == 'true'/) });
    expect(upload.with).toMatchObject({ sarif_file: '${{ inputs.working-directory }}/${{ steps.scan.outputs.sarif-file }}', category: '${{ inputs.category }}' });
    expect(gate.run).toBe('exit "${{ steps.scan.outputs.exit-code }}"');
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'baseline', 'category', 'config', 'fail-on', 'fail-on-unknown', 'junit-file', 'path', 'sarif-file', 'upload-sarif', 'version', 'working-directory']);
    expect(action.outputs['exit-code'].value).toBe('${{ steps.scan.outputs.exit-code }}');
  });

  test('on a cdk.out: the SARIF GitHub accepts, the exit code as an output, the gate failing on a HIGH finding and passing at critical', () => {
    const dir = workspace({});
    const assembly = synthAssembly();
    cpSync(assembly.dir, join(dir, 'infra', 'cdk.out'), { recursive: true });
    try {
      const failing = runAction(dir, { 'working-directory': 'infra', 'fail-on': 'medium', 'junit-file': 'lexscribe-junit.xml' });
      expect(failing.step.status).toBe(0);
      expect(failing.step.stdout).toMatch(/^Summary: \d+ findings/m);
      expect(failing.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'lexscribe.sarif' });
      expect(failing.gate).toBe(1);
      const log = JSON.parse(readFileSync(join(dir, 'infra', 'lexscribe.sarif'), 'utf8')) as Log;
      expect(githubIngestionProblems(log)).toEqual([]);
      // Paths relative to the repository's root, where upload-sarif resolves them.
      expect(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toMatch(/^(infra\/cdk\.out\/|test\/)/);
      expect(readFileSync(join(dir, 'infra', 'lexscribe-junit.xml'), 'utf8')).toMatch(/^<\?xml/);

      const passing = runAction(dir, { 'working-directory': 'infra', 'fail-on': 'critical' });
      expect(passing.outputs['exit-code']).toBe('0');
      expect(passing.gate).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(assembly.dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('templates named by path, a baseline and extra arguments; a broken template is exit code 2, not a pass', () => {
    const dir = workspace({ 'templates/bots.json': JSON.stringify(OPEN_POLICY, null, 2), 'broken/bad.yaml': 'Resources: [\n' });
    try {
      const written = spawnSync(process.execPath, [BIN, 'scan', 'templates', '--write-baseline', 'baseline.json', '-q'], { cwd: dir, encoding: 'utf8' });
      expect(written.status).toBe(0);
      const accepted = runAction(dir, { path: 'templates', baseline: 'baseline.json', args: '--parameters Env=prod' });
      expect(accepted.outputs['exit-code']).toBe('0');
      const fresh = runAction(dir, { path: 'templates' });
      expect(fresh.outputs['exit-code']).toBe('1');
      expect(fresh.step.stderr).toMatch(/^lexscribe: gate failed: \d+ findings? at or above HIGH \(/m);
      const broken = runAction(dir, { path: 'templates broken' });
      expect(broken.outputs['exit-code']).toBe('2');
      expect(broken.gate).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  args?: string[];
}

/** What pre-commit runs for a hook: `entry args… files…`, the files chosen by `files` and `exclude` (re.search on the path). */
function runHook(hook: Hook, dir: string, staged: string[]) {
  const files = staged.filter((f) => new RegExp(hook.files).test(f) && !(hook.exclude && new RegExp(hook.exclude).test(f)));
  const [command, ...entryArgs] = hook.entry.split(' ');
  expect(command).toBe('lexscribe');
  return { files, run: spawnSync(process.execPath, [BIN, ...entryArgs, ...(hook.args ?? []), ...files], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }) };
}

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  test('a node hook on JSON, YAML and .template files, without package.json, tsconfig, cdk.json or cdk.out', () => {
    expect(hook).toMatchObject({ id: 'lexscribe', language: 'node', entry: 'lexscribe scan --skip-non-templates -q', args: ['--fail-on', 'high'] });
    const dir = workspace({});
    const { files } = runHook(hook, dir, ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'cdk.json', 'cdk.context.json', 'cdk.out/Bots.template.json', 'templates/a.yaml', 'b.template', 'c.json', 'README.md']);
    expect(files).toEqual(['templates/a.yaml', 'b.template', 'c.json']);
    rmSync(dir, { recursive: true, force: true });
  });

  test('fails the commit on a HIGH finding in a staged template, passes on a clean one, skips files that are not templates', () => {
    const dir = workspace({
      'templates/bots.json': JSON.stringify(OPEN_POLICY, null, 2),
      'templates/empty.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      'renovate.json': '{"extends": ["config:base"]}',
    });
    try {
      const failing = runHook(hook, dir, ['templates/bots.json', '.github/workflows/ci.yml', 'renovate.json']);
      expect(failing.run.status).toBe(1);
      expect(failing.run.stdout).toContain('LEX-IAM-1');
      expect(failing.run.stderr).toMatch(/^lexscribe: gate failed: \d+ findings? at or above HIGH \(\d+ high\)\n$/);
      const clean = runHook(hook, dir, ['templates/empty.yaml', '.github/workflows/ci.yml', 'renovate.json']);
      expect(clean.run.stderr).toBe('');
      expect(clean.run.status).toBe(0);
      // Without --skip-non-templates, a file named that is not a template is an error.
      const strict = spawnSync(process.execPath, [BIN, 'scan', '-q', 'renovate.json'], { cwd: dir, encoding: 'utf8' });
      expect(strict.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('scripts/action.sh passes shellcheck-level basics: bash -n', () => {
  execFileSync('bash', ['-n', join(ROOT, 'scripts', 'action.sh')]);
});
