import { cpSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../lib/report/report';
import { synthAssembly } from './assembly-app';
import { lexscribe, tempDir, TEMPLATES } from './cli';

const JSON_TEMPLATE = join(TEMPLATES, 'contact-centre.template.json');
const YAML_TEMPLATE = join(TEMPLATES, 'contact-centre.yaml');
const BROKEN = join(TEMPLATES, 'broken');

function dp2(report: Report): Record<string, string> {
  return Object.fromEntries(report.findings.filter((f) => f.checkId === 'LEX-DP-2' && f.resource.type === 'AWS::Lex::BotAlias').map((f) => [f.resource.logicalId, f.status]));
}

describe('lexscribe scan on a real cdk.out', () => {
  let assembly: string;
  let work: string;
  beforeAll(() => {
    assembly = synthAssembly().dir;
    work = tempDir();
  });
  afterAll(() => {
    rmSync(assembly, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  test('writes several reports in one run, and the JSON report is the scan of every stack', () => {
    const run = lexscribe(['scan', assembly, '--fail-on', 'critical', '-f', 'json', '-o', 'out/report.json', '-f', 'sarif', '-o', 'out/report.sarif', '-f', 'junit', '-o', 'out/junit.xml'], { cwd: work });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(work, 'out/report.json'), 'utf8')) as Report;
    expect(report.mode).toBe('scan');
    expect(new Set(report.findings.map((f) => f.resource.stack))).toEqual(new Set(['Shared', 'Bots', 'Bots/Regional', 'Prod-Service']));
    const withoutKey = report.findings.find((f) => f.checkId === 'LEX-DP-2' && f.resource.logicalId === 'WithoutKey')!;
    expect(withoutKey.resource).toMatchObject({ stack: 'Bots', constructPath: 'Bots/WithoutKey', file: join(assembly, 'Bots.template.json') });
    expect(withoutKey.resource.line).toBeGreaterThan(1);
    expect(withoutKey.property?.path).toBe('ConversationLogSettings.AudioLogSettings.0.Destination.S3Bucket');
    expect(withoutKey.property?.line).toBeGreaterThan(withoutKey.resource.line!);
    expect(JSON.parse(readFileSync(join(work, 'out/report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(work, 'out/junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(run.stdout).toBe('');
  });

  test('fails the gate on a FAIL at or above --fail-on', () => {
    const run = lexscribe(['scan', assembly, '--fail-on', 'medium', '-f', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^lexscribe: gate failed: \d+ findings at or above MEDIUM \((\d+ (critical|high|medium)(, )?)+\)$/m);
  });

  test('reads the manifest file itself, and a manifest pointing at a missing template is one error line', () => {
    const copy = join(work, 'cdk.out');
    cpSync(assembly, copy, { recursive: true });
    rmSync(join(copy, 'Shared.template.json'));
    const run = lexscribe(['scan', join(copy, 'manifest.json'), '-f', 'json', '--fail-on', 'critical']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lexscribe: ${join(copy, 'Shared.template.json')}: no such file or directory (listed in ${join(copy, 'manifest.json')})\n`);
    // The other stacks were still scanned and reported.
    expect(new Set((JSON.parse(run.stdout) as Report).findings.map((f) => f.resource.stack))).toEqual(new Set(['Bots', 'Bots/Regional', 'Prod-Service']));
  });
});

describe('lexscribe scan on templates', () => {
  test.each([
    ['JSON', JSON_TEMPLATE, 'contact-centre.template.json'],
    ['YAML with short-form tags', YAML_TEMPLATE, 'contact-centre.yaml'],
  ])('%s: verdicts, with file, line and column of the resource and the offending property', (_, file, name) => {
    const run = lexscribe(['scan', file, '-f', 'json', '--fail-on', 'critical']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(dp2(report)).toEqual({ AliasWithoutKey: 'FAIL', AliasWithKey: 'PASS', AliasParameterKey: 'UNKNOWN' });
    const unknown = report.findings.find((f) => f.checkId === 'LEX-DP-2' && f.status === 'UNKNOWN')!;
    expect(unknown.reason).toContain('parameter LogKeyArn has no value and no default');
    const lines = readFileSync(file, 'utf8').split('\n');
    const fail = report.findings.find((f) => f.checkId === 'LEX-DP-2' && f.status === 'FAIL')!;
    expect(fail.resource.file).toBe(file);
    expect(lines[fail.resource.line! - 1].slice(fail.resource.column! - 1)).toMatch(/^"?AliasWithoutKey"?:/);
    expect(lines[fail.property!.line! - 1].slice(fail.property!.column! - 1)).toMatch(/^"?S3Bucket"?:/);
    expect(name).toBeTruthy();
  });

  test('--parameters and --parameters-file give values to parameters without a default', () => {
    const dir = tempDir();
    const arn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    writeFileSync(join(dir, 'params.json'), JSON.stringify([{ ParameterKey: 'LogKeyArn', ParameterValue: arn }]));
    for (const args of [['--parameters', `LogKeyArn=${arn}`], ['--parameters', `contact-centre:LogKeyArn=${arn}`], ['--parameters-file', join(dir, 'params.json')]]) {
      const report = JSON.parse(lexscribe(['scan', JSON_TEMPLATE, '-f', 'json', '--fail-on', 'critical', ...args]).stdout) as Report;
      expect(dp2(report).AliasParameterKey).not.toBe('UNKNOWN');
    }
    const bad = lexscribe(['scan', JSON_TEMPLATE, '--parameters', 'no-equals-sign']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^lexscribe: --parameters no-equals-sign: expected Key=Value or Stack:Key=Value/);
    rmSync(dir, { recursive: true, force: true });
  });

  test('reads a template from standard input', () => {
    const run = lexscribe(['scan', '-', '-f', 'json', '--fail-on', 'critical'], { input: readFileSync(YAML_TEMPLATE, 'utf8') });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(dp2(report)).toEqual({ AliasWithoutKey: 'FAIL', AliasWithKey: 'PASS', AliasParameterKey: 'UNKNOWN' });
    expect(report.findings[0].resource.file).toBe('<stdin>');
  });

  test('bad inputs: one line each naming the file (and line), the others still scanned, exit 2 after the reports', () => {
    const dir = tempDir();
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 17 * 1024 * 1024);
    writeFileSync(join(dir, 'deep.json'), `{"Resources": {"A": {"Type": "X", "Properties": {"P": ${'['.repeat(200)}${']'.repeat(200)}}}}}`);
    mkdirSync(join(dir, 'empty'));
    const run = lexscribe(['scan', JSON_TEMPLATE, BROKEN, huge, join(dir, 'deep.json'), join(dir, 'empty'), join(dir, 'missing.yaml'), '-f', 'json', '-o', join(dir, 'report.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').sort()).toEqual(
      [
        `lexscribe: ${join(BROKEN, 'bad.json')}:4: malformed JSON: Expected ',' or '}' after property value`,
        `lexscribe: ${join(BROKEN, 'bad.yaml')}:7: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
        `lexscribe: ${huge}: is 17.0 MiB, over the 16 MiB limit for a template`,
        `lexscribe: ${join(dir, 'deep.json')}:1: nested deeper than 64 levels`,
        `lexscribe: ${join(dir, 'empty')}: holds no CloudFormation templates (*.json, *.yaml, *.yml, *.template) and no cloud assembly (manifest.json)`,
        `lexscribe: ${join(dir, 'missing.yaml')}: no such file or directory`,
      ].sort(),
    );
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(dp2(report)).toEqual({ AliasWithoutKey: 'FAIL', AliasWithKey: 'PASS', AliasParameterKey: 'UNKNOWN' });
    expect(report.warnings.filter((w) => w.kind === 'input')).toHaveLength(6);
    // A binary file met while walking a directory is no template: skipped, and said so.
    expect(report.warnings.filter((w) => w.kind === 'skipped').map((w) => w.message)).toEqual([
      '1 file(s) in the scanned directories are not CloudFormation templates and were skipped (--verbose lists them)',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    [['--fail-on', 'low'], 1],
    [['--fail-on', 'critical'], 0],
    [['--fail-on', 'CRITICAL', '--fail-on-unknown'], 1],
    [['--fail-on', 'severe'], 2],
    [['-f', 'pdf'], 2],
    [['-o', 'report.unknown'], 2],
    [['-f', 'text', '-f', 'json'], 2],
    [['--no-such-flag'], 2],
  ])('exit code for %j is %i', (args, code) => {
    const run = lexscribe(['scan', JSON_TEMPLATE, '-q', ...args]);
    expect(run.code).toBe(code);
    if (code === 2) {
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^lexscribe: \S.*\n$/);
    } else {
      // --quiet: nothing but the report, and (issue 11) the one line that says why the gate failed.
      expect(run.stdout).toContain('LEX-DP-2');
      if (code === 0) expect(run.stderr).toBe('');
      else expect(run.stderr).toMatch(/^lexscribe: gate failed: \d+ findings? at or above [A-Z]+(, or UNKNOWN)? \([^)]+\)\n$/);
    }
  });

  test('text on standard output by default, without colour when it is not a terminal', () => {
    const run = lexscribe(['scan', JSON_TEMPLATE, '--fail-on', 'critical'], { env: { NO_COLOR: '' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('LEX-DP-2');
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('baselines', () => {
  test('round trip: accepted findings pass, reformatting and moved lines keep them, new ones fail, gone ones are listed', () => {
    const dir = tempDir();
    const template = JSON.parse(readFileSync(JSON_TEMPLATE, 'utf8'));
    const file = join(dir, 'contact-centre.template.json');
    writeFileSync(file, JSON.stringify(template, null, 2));
    const written = lexscribe(['scan', file, '--fail-on', 'low', '--fail-on-unknown', '--write-baseline', 'baseline.json', '-q'], { cwd: dir });
    expect(written.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.entries.map((e: { checkId: string; resource: string }) => `${e.checkId} ${e.resource}`)).toContain('LEX-DP-2 contact-centre/AliasWithoutKey');
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/);

    const gate = ['scan', file, '--fail-on', 'low', '--fail-on-unknown', '--baseline', 'baseline.json', '-f', 'json', '-o', 'report.json'];
    expect(lexscribe(gate, { cwd: dir }).code).toBe(0);

    // Reformatted, with resources in another order: same fingerprints.
    const { AliasWithoutKey, ...others } = template.Resources;
    writeFileSync(file, JSON.stringify({ ...template, Resources: { AliasWithoutKey, ...others } }));
    expect(lexscribe(gate, { cwd: dir })).toMatchObject({ code: 0, stderr: expect.stringMatching(/^lexscribe: \d+ findings are in the baseline baseline.json\n$/) });

    // A new alias without a key fails; the removed one is listed as gone.
    const { AliasWithoutKey: renamed, ...rest } = template.Resources;
    writeFileSync(file, JSON.stringify({ ...template, Resources: { ...rest, NewAlias: renamed } }));
    const after = lexscribe(gate, { cwd: dir });
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('lexscribe: baseline entry no longer occurs: LEX-DP-2 on contact-centre/AliasWithoutKey');
    expect(after.stderr).toMatch(/gate failed: \d+ findings? at or above LOW, or UNKNOWN not in the baseline/);

    // The JSON report of the last run is a baseline too: its FAIL and UNKNOWN findings are accepted.
    const again = lexscribe(['scan', file, '--fail-on', 'low', '--fail-on-unknown', '--baseline', 'report.json', '-q'], { cwd: dir });
    expect(again).toMatchObject({ code: 0, stderr: '' });
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('configuration file', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('found in the working directory: severity overrides, disabled checks and suppressions by resource pattern', () => {
    writeFileSync(
      join(dir, 'lexscribe.config.yml'),
      [
        'failOn: critical',
        'checks:',
        '  lex-dp-2: { severity: critical }',
        '  LEX-IAM-9: { enabled: false }',
        'suppressions:',
        '  - id: LEX-DP-2',
        '    resource: "*/AliasParameterKey"',
        '    reason: the key is given by the platform team at deploy time',
        '    expires: "2999-01-01"',
      ].join('\n'),
    );
    const run = lexscribe(['scan', JSON_TEMPLATE, '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(dp2(report)).toEqual({ AliasWithoutKey: 'FAIL', AliasWithKey: 'PASS', AliasParameterKey: 'SUPPRESSED' });
    expect(report.findings.find((f) => f.status === 'SUPPRESSED')?.suppression).toEqual({ reason: 'the key is given by the platform team at deploy time', expires: '2999-01-01', source: 'config' });
    expect(report.findings.find((f) => f.checkId === 'LEX-DP-2' && f.status === 'FAIL')?.severity).toBe('CRITICAL');
    expect(report.findings.some((f) => f.checkId === 'LEX-IAM-9')).toBe(false);
    // The command line wins over the file.
    expect(lexscribe(['scan', JSON_TEMPLATE, '-q', '--fail-on', 'critical', '--config', join(dir, 'lexscribe.config.yml')]).code).toBe(1);
  });

  test.each([
    ['{"checks": {"LEX-NOPE-1": {"enabled": false}}}', 'checks.LEX-NOPE-1: no such check'],
    ['{"checks": {"LEX-DP-8": {"options": {"noSuchOption": 1}}}}', 'checks.LEX-DP-8.options.noSuchOption: LEX-DP-8 has no such option (its options: maxIdleSessionTtlSeconds)'],
    ['{"checks": {"LEX-DP-2": {"severity": "urgent"}}}', 'checks.LEX-DP-2.severity must be one of info, low, medium, high, critical'],
    ['{"failOnn": "high"}', 'unknown key "failOnn" in the configuration'],
    ['{"suppressions": [{"id": "LEX-DP-2", "reason": "short"}]}', 'suppressions[0].reason must say why the finding is accepted, in at least 10 characters'],
    ['{"checks": ', 'not valid JSON'],
  ])('%s is refused with one clear line and exit 2', (text, message) => {
    writeFileSync(join(dir, 'lexscribe.config.json'), text);
    const run = lexscribe(['scan', JSON_TEMPLATE], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

describe('lexscribe scan --framework', () => {
  test('runs only the checks mapped to the framework', () => {
    const run = lexscribe(['scan', JSON_TEMPLATE, '--framework', 'hipaa', '-f', 'json', '--fail-on', 'critical', '--verbose']);
    expect(run.code).toBe(0);
    const ids = new Set((JSON.parse(run.stdout) as { findings: Array<{ checkId: string }> }).findings.map((f) => f.checkId));
    expect(ids.size).toBeGreaterThan(0);
    const hipaa = ['LEX-COMP-1', 'LEX-DP-2', 'LEX-DP-4', 'LEX-DP-5', 'LEX-DP-6', 'LEX-MON-2', 'TR-DP-1', 'TR-DP-2', 'TR-DP-5', 'TR-DP-8', 'TR-DP-12', 'TR-COMP-1'];
    for (const id of ids) expect(hipaa).toContain(id);
  });

  test('rejects an unknown framework with one line and exit 2', () => {
    const run = lexscribe(['scan', JSON_TEMPLATE, '--framework', 'sox']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lexscribe: unknown framework "sox" (one of hipaa, pci-dss, transcribe-best-practices)\n');
  });
});

describe('the gate in every output (issue 11)', () => {
  test.each([
    ['critical', 0],
    ['medium', 1],
    ['low', 1],
  ])('--fail-on %s: JUnit counts as failures exactly what the gate fails on, and -q says why in one line', (failOn, code) => {
    const dir = tempDir();
    const run = lexscribe(['scan', JSON_TEMPLATE, '-q', '--fail-on', failOn, '-f', 'junit', '-o', 'junit.xml', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(run.code).toBe(code);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    const blocking = report.findings.filter((f) => f.blocking).length;
    expect(report.gate).toMatchObject({ failOn: failOn.toUpperCase(), failed: code === 1, blocking });
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    const [, failures, errors] = /<testsuites [^>]*failures="(\d+)" errors="(\d+)"/.exec(junit)!;
    expect(Number(failures) + Number(errors)).toBe(blocking);
    if (code === 0) expect(run.stderr).toBe('');
    else expect(run.stderr).toMatch(new RegExp(`^lexscribe: gate failed: ${blocking} findings? at or above ${failOn.toUpperCase()} \\((\\d+ (critical|high|medium|low)(, )?)+\\)\\n$`));
    rmSync(dir, { recursive: true, force: true });
  });

  test('--baseline: the reports mark each finding new or known and count both', () => {
    const dir = tempDir();
    const file = join(dir, 'contact-centre.template.json');
    const template = JSON.parse(readFileSync(JSON_TEMPLATE, 'utf8'));
    writeFileSync(file, JSON.stringify(template));
    expect(lexscribe(['scan', file, '--write-baseline', 'baseline.json', '-q'], { cwd: dir }).code).toBe(0);
    const { AliasWithoutKey, ...rest } = template.Resources;
    writeFileSync(file, JSON.stringify({ ...template, Resources: { ...rest, AliasWithoutKey, NewAlias: AliasWithoutKey } }));
    const run = lexscribe(['scan', file, '--fail-on', 'medium', '--baseline', 'baseline.json', '-f', 'json', '-o', 'report.json', '-f', 'text'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    const dp2 = report.findings.filter((f) => f.checkId === 'LEX-DP-2' && f.status === 'FAIL');
    expect(Object.fromEntries(dp2.map((f) => [f.resource.logicalId, f.baselineState]))).toEqual({ AliasWithoutKey: 'known', NewAlias: 'new' });
    expect(report.summary.baseline).toMatchObject({ known: expect.any(Number), new: expect.any(Number), gone: 0 });
    expect(report.summary.baseline!.new).toBe(report.findings.filter((f) => f.baselineState === 'new').length);
    expect(run.stdout).toMatch(/^Baseline baseline\.json: \d+ new, \d+ known, 0 no longer found$/m);
    expect(run.stderr).toMatch(/gate failed: \d+ findings? at or above MEDIUM not in the baseline \(/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the JSON report shapes (schema versions 1 and 2)', () => {
  test('--json-shape flat writes version 1; a report of either version is a --baseline; an unknown shape is refused', () => {
    const dir = tempDir();
    const file = join(dir, 'contact-centre.template.json');
    const template = JSON.parse(readFileSync(JSON_TEMPLATE, 'utf8'));
    writeFileSync(file, JSON.stringify(template));
    expect(lexscribe(['scan', file, '-q', '--fail-on', 'critical', '-f', 'json', '-o', 'v2.json'], { cwd: dir }).code).toBe(0);
    expect(lexscribe(['scan', file, '-q', '--fail-on', 'critical', '-f', 'json', '-o', 'v1.json', '--json-shape', 'flat'], { cwd: dir }).code).toBe(0);
    const v1 = JSON.parse(readFileSync(join(dir, 'v1.json'), 'utf8')) as Report & { schemaVersion?: number };
    const v2 = JSON.parse(readFileSync(join(dir, 'v2.json'), 'utf8')) as { schemaVersion: number; checks: Record<string, { title: string }>; findings: Array<Record<string, unknown>> };
    expect(v1.schemaVersion).toBeUndefined();
    expect(v1.findings[0].title).toEqual(expect.any(String));
    expect(v2.schemaVersion).toBe(2);
    expect(v2.findings.every((f) => !('title' in f) && typeof f.checkId === 'string' && f.checkId in v2.checks)).toBe(true);
    expect(v2.findings.length).toBe(v1.findings.length);

    // A new alias without a key: with an earlier report of either version as the baseline, only it is new.
    const { AliasWithoutKey, ...rest } = template.Resources;
    writeFileSync(file, JSON.stringify({ ...template, Resources: { ...rest, AliasWithoutKey, NewAlias: AliasWithoutKey } }));
    for (const baseline of ['v1.json', 'v2.json']) {
      const run = lexscribe(['scan', file, '--fail-on', 'medium', '--baseline', baseline, '-f', 'json', '-o', 'now.json'], { cwd: dir });
      expect(run.code).toBe(1);
      const now = JSON.parse(readFileSync(join(dir, 'now.json'), 'utf8')) as Report;
      const dp2 = now.findings.filter((f) => f.checkId === 'LEX-DP-2' && f.status === 'FAIL');
      expect(Object.fromEntries(dp2.map((f) => [f.resource.logicalId, f.baselineState]))).toEqual({ AliasWithoutKey: 'known', NewAlias: 'new' });
    }
    const wrong = lexscribe(['scan', file, '-f', 'json', '--json-shape', 'compact'], { cwd: dir });
    expect(wrong).toMatchObject({ code: 2, stderr: 'lexscribe: --json-shape must be one of indexed, flat (not "compact")\n' });
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}');
    expect(lexscribe(['scan', file, '--baseline', 'other.json'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'lexscribe: other.json is neither a lexscribe baseline (write one with --write-baseline) nor a lexscribe JSON report\n' });
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SARIF source root', () => {
  test('defaults to the git repository holding the working directory; --sarif-source-root sets it', () => {
    const repo = tempDir();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'infra', 'templates'), { recursive: true });
    cpSync(JSON_TEMPLATE, join(repo, 'infra', 'templates', 'bots.template.json'));
    const uris = (args: string[]) => {
      const run = lexscribe(['scan', 'templates', '-f', 'sarif', '--fail-on', 'critical', ...args], { cwd: join(repo, 'infra') });
      const log = JSON.parse(run.stdout) as { runs: Array<{ originalUriBaseIds: { SRCROOT: { uri: string } }; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
      return { root: log.runs[0].originalUriBaseIds.SRCROOT.uri, first: log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri };
    };
    expect(uris([])).toEqual({ root: `file://${repo}/`, first: 'infra/templates/bots.template.json' });
    expect(uris(['--sarif-source-root', '.'])).toEqual({ root: `file://${repo}/infra/`, first: 'templates/bots.template.json' });
    rmSync(repo, { recursive: true, force: true });
  });
});
