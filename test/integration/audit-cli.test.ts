import { CreateBotAliasCommand, CreateBotCommand, CreateResourcePolicyCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../lib/report/report';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { ACCOUNT, DUMMY_CREDENTIALS, REGION, runCli, useMoto } from './moto';
import { tempDir } from '../helpers/temp';

const moto = useMoto();
const dir = tempDir('lexscribe-audit-');
let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(moto.url);
});
afterAll(() => proxy.stop());

/** A bot whose alias writes audio logs without a KMS key and whose resource policy lets anyone in. */
async function seed(): Promise<{ botId: string; aliasId: string }> {
  const lex = moto.client(LexModelsV2Client);
  await moto.client(S3Client).send(new CreateBucketCommand({ Bucket: 'lex-audio' }));
  const { botId } = await lex.send(
    new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }),
  );
  const { botAliasId } = await lex.send(
    new CreateBotAliasCommand({
      botId,
      botAliasName: 'Prod',
      botVersion: 'DRAFT',
      conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::lex-audio', logPrefix: 'audio/' } } }] },
    }),
  );
  const botArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${botId}`;
  await lex.send(
    new CreateResourcePolicyCommand({
      resourceArn: botArn,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lex:RecognizeText', Resource: botArn }] }),
    }),
  );
  return { botId: botId!, aliasId: botAliasId! };
}

const audit = (...args: string[]) => moto.cli(['audit', '--endpoint-url', moto.url, '--region', REGION, '--max-attempts', '1', ...args]);
const throughProxy = (...args: string[]) => moto.cli(['audit', '--endpoint-url', proxy.url, '--region', REGION, '--max-attempts', '2', '--timeout', '2', '-f', 'json', ...args]);
const isLex = (type: string) => type.startsWith('AWS::Lex::');

describe('lexscribe audit (CLI against moto)', () => {
  it('reports findings on live resources by ARN, with account and Region', async () => {
    const { botId, aliasId } = await seed();
    const { code, stdout, stderr } = await audit('-f', 'json');
    const report = JSON.parse(stdout) as Report;
    expect(stderr.trim()).toMatch(/^lexscribe: gate failed: \d+ findings? at or above HIGH \((\d+ (critical|high)(, )?)+\)$/);
    expect(report.mode).toBe('audit');
    const dp2 = report.findings.find((f) => f.checkId === 'LEX-DP-2' && f.resource.arn === `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${aliasId}`);
    expect(dp2).toMatchObject({ status: 'FAIL', resource: { type: 'AWS::Lex::BotAlias', region: REGION, account: ACCOUNT } });
    const iam1 = report.findings.find((f) => f.checkId === 'LEX-IAM-1' && f.status === 'FAIL');
    expect(iam1?.severity).toBe('HIGH');
    expect(code).toBe(1);
  });

  it('writes SARIF with ARNs as locations, and applies --fail-on', async () => {
    await seed();
    const sarif = join(dir, 'audit.sarif');
    const { code } = await audit('-f', 'sarif', '-o', sarif, '--fail-on', 'critical', '-q');
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations?: Array<Record<string, unknown>> }> }> };
    const result = log.runs[0].results.find((r) => r.ruleId === 'LEX-DP-2');
    expect(JSON.stringify(result?.locations)).toContain(`arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/`);
    expect(code).toBe(0);
  });

  it('honours configuration suppressions by ARN glob, and baselines keyed on ARNs', async () => {
    await seed();
    const config = join(dir, 'lexscribe.config.json');
    writeFileSync(config, JSON.stringify({ suppressions: [{ id: 'LEX-DP-2', resource: `arn:aws:lex:*:${ACCOUNT}:bot-alias/*/*`, reason: 'audio logs hold synthetic test calls only' }] }));
    const suppressed = JSON.parse((await audit('-f', 'json', '-c', config)).stdout) as Report;
    const dp2 = suppressed.findings.filter((f) => f.checkId === 'LEX-DP-2' && f.resource.type === 'AWS::Lex::BotAlias');
    expect(dp2.map((f) => [f.status, f.suppression?.source])).toEqual([['SUPPRESSED', 'config']]);

    const baseline = join(dir, 'baseline.json');
    expect((await audit('--write-baseline', baseline, '-q')).code).toBe(0);
    expect(readFileSync(baseline, 'utf8')).toContain(`arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/`);
    expect((await audit('--baseline', baseline, '-q')).code).toBe(0);
  });

  it('never prints or writes the credentials', async () => {
    await seed();
    const html = join(dir, 'audit.html');
    const runs = [await audit('-f', 'json', '--verbose'), await audit('-f', 'text', '--verbose'), await audit('-f', 'html', '-o', html), await audit('--region', 'not a region')];
    const everything = [...runs.flatMap((r) => [r.stdout, r.stderr]), readFileSync(html, 'utf8')].join('\n');
    expect(everything).not.toContain(DUMMY_CREDENTIALS.secretAccessKey);
    expect(everything).not.toContain(DUMMY_CREDENTIALS.accessKeyId);
  });

  it('takes the endpoint from AWS_ENDPOINT_URL as the SDK does', async () => {
    const { botId } = await seed();
    const { stdout } = await moto.cli(['audit', '--region', REGION, '--max-attempts', '1', '-f', 'json'], { AWS_ENDPOINT_URL: moto.url });
    expect((JSON.parse(stdout) as Report).findings.some((f) => f.resource.arn?.includes(botId))).toBe(true);
  });

  it('without credentials says so in one line and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(['audit', '--region', REGION, '--endpoint-url', moto.url], {});
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^lexscribe: no AWS credentials found in .*--profile$/)]);
  });

  it('rejects a malformed Region before calling AWS', async () => {
    const { code, stderr } = await audit('--region', 'eu-west');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('lexscribe: --region: "eu-west" is not a Region name (e.g. us-east-1)');
  });

  it('a throttling storm on Lex: Lex checks are UNKNOWN with the reason, everything else is evaluated', async () => {
    await seed();
    // Something outside Lex to evaluate: a role whose inline policy grants lex:* on everything (LEX-IAM-5).
    const iam = moto.client(IAMClient);
    await iam.send(new CreateRoleCommand({ RoleName: 'Developers', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'Developers', PolicyName: 'lex', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lex:*', Resource: '*' }] }) }));
    proxy.setRules([{ service: 'lex', fault: 'throttle' }]);
    const { stdout } = await throughProxy('--verbose');
    const report = JSON.parse(stdout) as Report;
    expect(report.findings.filter((f) => isLex(f.resource.type))).toEqual([]);
    const storm = report.findings.filter((f) => f.reason?.includes('lex:ListBots was throttled after 2 attempts (ThrottlingException)'));
    expect(storm.length).toBeGreaterThan(0);
    expect(storm.filter((f) => f.status !== 'UNKNOWN' || f.resource.type !== 'AWS::Region')).toEqual([]);
    expect(report.findings.filter((f) => f.checkId === 'LEX-IAM-5' && f.resource.arn === `arn:aws:iam::${ACCOUNT}:role/Developers`).map((f) => f.status)).toContain('FAIL');
    expect(report.warnings).toContainEqual({ kind: 'coverage', message: expect.stringContaining('lex:ListBots was throttled') });
  });

  it('a Describe that times out makes only what it reads UNKNOWN; the alias is still evaluated', async () => {
    const { botId, aliasId } = await seed();
    proxy.setRules([{ service: 'lex', path: /^GET \/bots\/[^/]+\/$/, fault: 'timeout' }]);
    const report = JSON.parse((await throughProxy()).stdout) as Report;
    const alias = report.findings.filter((f) => f.resource.arn === `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${aliasId}`);
    expect(alias.find((f) => f.checkId === 'LEX-DP-2')?.status).toBe('FAIL');
    expect(report.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/lex:DescribeBot timed out/));
  });

  it('AccessDenied on IAM and garbage bodies from Transcribe: their checks are UNKNOWN, Lex is evaluated', async () => {
    const { botId, aliasId } = await seed();
    proxy.setRules([
      { service: 'iam', fault: 'deny' },
      { service: 'transcribe', fault: 'garbage' },
    ]);
    const report = JSON.parse((await throughProxy()).stdout) as Report;
    const alias = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${aliasId}`;
    expect(report.findings.find((f) => f.checkId === 'LEX-DP-2' && f.resource.arn === alias)?.status).toBe('FAIL');
    const warnings = report.warnings.map((w) => w.message).join('\n');
    expect(warnings).toMatch(/iam:\w+ was denied \(AccessDenied\)/);
    expect(warnings).toMatch(/transcribe:\w+ returned a response that could not be read/);
    expect(report.findings.filter((f) => f.reason?.includes('was denied (AccessDenied)')).every((f) => f.status === 'UNKNOWN')).toBe(true);
  });

  it('a truncated sts:GetCallerIdentity answer is tried again; one that stays garbled is one line naming the call', async () => {
    await seed();
    proxy.setRules([{ service: 'sts', operation: 'GetCallerIdentity', fault: 'garbage', times: 1 }]);
    const once = await throughProxy();
    expect(once.code).toBe(1);
    expect(JSON.parse(once.stdout).findings.length).toBeGreaterThan(0);
    proxy.setRules([{ service: 'sts', operation: 'GetCallerIdentity', fault: 'garbage' }]);
    const always = await throughProxy();
    expect(always.code).toBe(2);
    expect(always.stderr.trim()).toMatch(/^lexscribe: cannot identify the account \(sts:GetCallerIdentity in us-east-1 failed: \w+: .+\)$/);
    expect(always.stderr).not.toMatch(/\n\s+at /);
  });
});
