import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../lib/report/report';
import { BIN, lexscribe, tempDir } from './cli';

/** A template with one bot: what matters is whether it is read (its findings say so). */
const TEMPLATE = JSON.stringify({
  Resources: { Bot: { Type: 'AWS::Lex::Bot', Properties: { Name: 'B', RoleArn: 'arn:aws:iam::123456789012:role/r', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 } } },
});
const stacksOf = (report: Report) => [...new Set(report.findings.map((f) => f.resource.stack))].sort();

function reportOf(dir: string, args: string[]): { code: number | null; stderr: string; report: Report } {
  const out = join(dir, 'report.json');
  const run = lexscribe(['scan', ...args, '--verbose', '-f', 'json', '-o', out]);
  return { code: run.code, stderr: run.stderr, report: JSON.parse(readFileSync(out, 'utf8')) as Report };
}

describe('only regular files are read: nothing blocks, nothing eats memory', () => {
  test('a FIFO is refused with its path, without waiting for a writer', () => {
    const dir = tempDir();
    const fifo = join(dir, 'template.json');
    spawnSync('mkfifo', [fifo]);
    const run = lexscribe(['scan', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lexscribe: ${fifo}: is a named pipe (FIFO), not a file; only regular files and directories are read (use - for standard input)\n`);
  });

  test('a device is refused', () => {
    const run = lexscribe(['scan', '/dev/zero']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lexscribe: /dev/zero: is a character device, not a file; only regular files and directories are read (use - for standard input)\n');
  });

  test('standard input is read to its end whatever the producer’s pace', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', '-', '-f', 'json', '--verbose'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const half = Math.floor(TEMPLATE.length / 2);
    child.stdin.write(TEMPLATE.slice(0, half));
    await new Promise((r) => setTimeout(r, 400));
    child.stdin.end(TEMPLATE.slice(half));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).not.toBe(2);
    expect((JSON.parse(stdout) as Report).findings.map((f) => f.checkId)).toContain('LEX-DP-8');
  });
});

describe('directories of a repository', () => {
  test('files that are not templates are skipped with a warning each (verbose), templates are read', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'public'));
    writeFileSync(join(dir, 'public', 'manifest.json'), JSON.stringify({ name: 'Web UI', icons: [], start_url: '/' }));
    writeFileSync(join(dir, 'issues.json'), '[{"id": 1}]');
    writeFileSync(join(dir, 'package.json'), '{"name": "app"}');
    writeFileSync(join(dir, 'notes.yaml'), 'just: [unclosed\n');
    writeFileSync(join(dir, 'stack.template.json'), TEMPLATE);
    const { code, report } = reportOf(dir, [dir]);
    expect(code).not.toBe(2);
    expect(stacksOf(report)).toEqual(['stack']);
    expect(report.warnings.filter((w) => w.kind === 'skipped').map((w) => w.message.replace(`${dir}/`, ''))).toEqual([
      'issues.json: not a CloudFormation template (is not a CloudFormation template (the document is not a mapping)); skipped',
      'notes.yaml: not a CloudFormation template (malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]); skipped',
      'package.json: not a CloudFormation template (has no Resources section and no AWSTemplateFormatVersion); skipped',
      'public/manifest.json: not a CloudFormation template (has no Resources section and no AWSTemplateFormatVersion); skipped',
    ]);
  });

  test('.gitignore is honoured (--no-gitignore reads everything) and --exclude leaves paths out', () => {
    const dir = tempDir();
    for (const sub of ['infra', 'build', 'test']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    for (const sub of ['infra', 'build', 'test']) writeFileSync(join(dir, sub, `${sub}.template.json`), TEMPLATE);
    expect(stacksOf(reportOf(dir, [dir]).report)).toEqual(['infra', 'test']);
    expect(stacksOf(reportOf(dir, [dir, '--no-gitignore']).report)).toEqual(['build', 'infra', 'test']);
    expect(stacksOf(reportOf(dir, [dir, '--exclude', 'test/**']).report)).toEqual(['infra']);
  });

  test('symbolic links are followed; a link back to a folder above it and a dangling link are warnings', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'shared.template.json'), TEMPLATE);
    mkdirSync(join(dir, 'stacks'));
    symlinkSync(join(elsewhere, 'shared.template.json'), join(dir, 'stacks', 'linked.template.json'));
    symlinkSync(dir, join(dir, 'stacks', 'loop'));
    symlinkSync(join(dir, 'nowhere.json'), join(dir, 'stacks', 'dangling.json'));
    const { code, report } = reportOf(dir, [dir]);
    expect(code).not.toBe(2);
    expect(stacksOf(report)).toEqual(['linked']);
    expect(report.warnings.filter((w) => w.kind === 'skipped').map((w) => w.message.replace(`${dir}/`, '').replace(/ \(.*\)/, ''))).toEqual([
      'stacks/dangling.json: a symbolic link to nothing; skipped',
      'stacks/loop: a symbolic link to a folder above it; not walked again',
    ]);
  });
});

describe('malformed cloud assemblies: the file and what is wrong, in words a user knows', () => {
  const assembly = (manifest: unknown, files: Record<string, string> = {}) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  const stack = (templateFile?: unknown) => ({ type: 'aws:cloudformation:stack', properties: templateFile === undefined ? {} : { templateFile } });

  test('a byte-order mark before the manifest is no problem', () => {
    const dir = assembly(`\uFEFF${JSON.stringify({ version: '55.0.0', artifacts: { Api: stack('Api.template.json') } })}`, { 'Api.template.json': TEMPLATE });
    const { code, report } = reportOf(dir, [dir]);
    expect(code).not.toBe(2);
    expect(stacksOf(report)).toEqual(['Api']);
  });

  test.each([
    ['artifacts is null', { version: '55.0.0', artifacts: null }, 'is not a cloud assembly manifest (artifacts is null, not an object)'],
    ['a stack without templateFile', { version: '55.0.0', artifacts: { Api: stack() } }, 'stack artifact "Api" names no templateFile, so its resources cannot be checked'],
    ['a number for a path', { version: '55.0.0', artifacts: { Api: stack(42) } }, 'properties.templateFile of artifact "Api" is number, not a string'],
    ['a null artifact', { version: '55.0.0', artifacts: { Api: null } }, 'artifact "Api" is null, not an object'],
    ['an assembly that nests itself', { version: '55.0.0', artifacts: { Self: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } } }, 'is a cloud assembly that contains itself (a cdk:cloud-assembly artifact points back at it)'],
  ])('%s: exit 2, one line naming the manifest', (_what, manifest, problem) => {
    const dir = assembly(manifest);
    const run = lexscribe(['scan', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toContain(`lexscribe: ${join(dir, 'manifest.json')}: ${problem}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a broken artifact costs only itself: the other stacks are still checked and reported', () => {
    const dir = assembly({ version: '55.0.0', artifacts: { Good: stack('Good.template.json'), Bad: stack() } }, { 'Good.template.json': TEMPLATE });
    const { code, stderr, report } = reportOf(dir, [dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('stack artifact "Bad" names no templateFile');
    expect(stacksOf(report)).toEqual(['Good']);
  });
});
