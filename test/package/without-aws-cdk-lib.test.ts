import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBotAliasCommand, CreateBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Report } from '../../lib/report/report';
import { ACCOUNT, useMoto } from '../integration/moto';
import { synthAssembly, type SynthesizedAssembly } from '../scan/assembly-app';
import { lexscribe, TEMPLATES } from '../scan/cli';

/**
 * The CLI where aws-cdk-lib and constructs cannot be loaded (as when lexscribe is installed without
 * them, for `scan` or `audit` in a pipeline): a preloaded hook makes both unresolvable and, at exit,
 * records anything of them that was loaded anyway.
 */
const dir = mkdtempSync(join(tmpdir(), 'lexscribe-no-cdk-'));
const HOOK = join(dir, 'no-aws-cdk-lib.js');
const LOADED = join(dir, 'loaded.json');
writeFileSync(
  HOOK,
  `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^(aws-cdk-lib|constructs)(\\/|$)/.test(request)) {
    const e = new Error("Cannot find module '" + request + "' (made unresolvable by the test)");
    e.code = 'MODULE_NOT_FOUND';
    throw e;
  }
  return resolve.call(this, request, ...rest);
};
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((m) => /[\\\\/]node_modules[\\\\/](aws-cdk-lib|constructs)[\\\\/]/.test(m));
  require('node:fs').appendFileSync(${JSON.stringify(LOADED)}, JSON.stringify(loaded) + '\\n');
});
`,
);
const env = { NODE_OPTIONS: `--require ${HOOK}` };
const loadedAnything = () =>
  readFileSync(LOADED, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => JSON.parse(l) as string[]);

const moto = useMoto();
let assembly: SynthesizedAssembly;
beforeAll(() => {
  // The test process may use aws-cdk-lib; only the CLI below may not.
  assembly = synthAssembly();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(assembly.dir, { recursive: true, force: true });
});
beforeEach(() => writeFileSync(LOADED, ''));
afterEach(() => expect(loadedAnything()).toEqual([]));

describe('the CLI without aws-cdk-lib and constructs', () => {
  test('the hook does make them unresolvable', () => {
    const probe = join(dir, 'probe.js');
    writeFileSync(probe, `for (const m of ['aws-cdk-lib', 'aws-cdk-lib/aws-lex', 'constructs']) { try { require(m); console.log(m, 'loaded'); } catch (e) { console.log(m, e.code); } }`);
    const run = spawnSync(process.execPath, ['--require', HOOK, probe], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(run.stdout).toBe('aws-cdk-lib MODULE_NOT_FOUND\naws-cdk-lib/aws-lex MODULE_NOT_FOUND\nconstructs MODULE_NOT_FOUND\n');
  });

  test.each([
    ['checks', ['checks'], /^LEX-IAM-1 /m],
    ['checks --json', ['checks', '--json', '--service', 'transcribe'], /"id": "TR-DP-2"/],
    ['explain', ['explain', 'LEX-DP-8'], /^Options \(checks\.LEX-DP-8\.options\):/m],
    ['policy', ['policy'], /"Sid": "LexRead"/],
    ['policy --security-hub --format cdk', ['policy', '--security-hub', '--format', 'cdk'], /'securityhub:BatchImportFindings'/],
  ])('%s', (_name, args, expected) => {
    const run = lexscribe(args as string[], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(expected as RegExp);
  });

  test('scan of templates and of a cdk.out, in every format', () => {
    const out = mkdtempSync(join(dir, 'scan-'));
    const formats = ['json', 'sarif', 'junit', 'html', 'asff', 'ocsf'];
    const args = ['scan', join(TEMPLATES, 'contact-centre.yaml'), assembly.dir, '--fail-on', 'critical', '--asff-account', '111122223333', '--asff-region', 'eu-west-2', '-f', 'text'];
    const run = lexscribe([...args, ...formats.flatMap((f) => ['-f', f, '-o', join(out, `report.${f}`)])], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Summary: \d+ findings/m);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.findings.some((f) => f.resource.stack === 'Bots')).toBe(true);
    expect(report.findings.some((f) => f.resource.stack === 'contact-centre')).toBe(true);
    for (const f of formats) expect(readFileSync(join(out, `report.${f}`), 'utf8').length).toBeGreaterThan(100);
  });

  test('init', () => {
    const project = mkdtempSync(join(dir, 'init-'));
    writeFileSync(join(project, 'cdk.json'), '{"app": "node bin/app.js"}');
    const run = lexscribe(['init'], { cwd: project, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('LexscribeChecks.fromContext(app);');
  });

  test('audit of an account, with the import into Security Hub', async () => {
    const lex = moto.client(LexModelsV2Client);
    const { botId } = await lex.send(new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
    await lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'Prod', botVersion: 'DRAFT' }));
    await moto.client(SecurityHubClient).send(new EnableSecurityHubCommand({}));
    const run = await moto.cli(['audit', '--endpoint-url', moto.url, '--region', 'us-east-1', '--max-attempts', '1', '-f', 'json', '--fail-on', 'critical', '--security-hub'], env);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).findings.some((f) => f.resource.arn?.includes(botId!))).toBe(true);
    expect(run.stderr).toMatch(/^lexscribe: Security Hub us-east-1: \d+ findings imported/m);
  }, 60_000);
});
