import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBotAliasCommand, CreateBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import driftSchema from '../../schema/drift.schema.json';
import reportSchema from '../../schema/report.schema.json';
import sarifSchema from '../fixtures/report/sarif-schema-2.1.0.json';
import type { DriftReport } from '../../lib/drift/report';
import { ACCOUNT, REGION, ROOT, useMoto, type AwsCredentials } from './moto';
import { createOrganization, ORG_ROLE, type ClientFactory } from './organization';

const moto = useMoto();
const dir = mkdtempSync(join(tmpdir(), 'lexscribe-drift-'));
/** As a user in the repository would name it (the CLI runs in ROOT): reports keep paths as given. */
const TEMPLATE = 'test/fixtures/drift/contact-centre.yaml';
const TEMPLATE_REL = TEMPLATE;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(reportSchema);
const validDrift = ajv.compile(driftSchema);
const validSarif = ajv.compile(sarifSchema);

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

interface Seeded {
  supportId: string;
  prodArn: string;
  legacyId: string;
}

/**
 * The account as it drifted from the template: Prod writes audio without its KMS key (code PASS, live
 * FAIL), the text log group keeps 30 days where the template keeps them forever (code FAIL, live PASS),
 * Refunds was never deployed, Legacy and the Beta alias were made by hand.
 */
async function seedDrifted(account = ACCOUNT, credentials?: AwsCredentials): Promise<Seeded> {
  const client: ClientFactory = (ctor, creds) => moto.client(ctor, REGION, creds);
  const lex = client(LexModelsV2Client, credentials);
  const role = await client(IAMClient, credentials).send(new CreateRoleCommand({ RoleName: 'SupportBotRole', AssumeRolePolicyDocument: trust }));
  await client(S3Client, credentials).send(new CreateBucketCommand({ Bucket: `support-audio-${account}` }));
  const logs = client(CloudWatchLogsClient, credentials);
  await logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/lex/support' }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/aws/lex/support', retentionInDays: 30 }));
  const bot = (botName: string) => lex.send(new CreateBotCommand({ botName, roleArn: role.Role!.Arn, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
  const { botId } = await bot('Support');
  const prod = await lex.send(
    new CreateBotAliasCommand({
      botId,
      botAliasName: 'Prod',
      botVersion: 'DRAFT',
      conversationLogSettings: {
        audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: `arn:aws:s3:::support-audio-${account}`, logPrefix: 'audio/' } } }],
        textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: `arn:aws:logs:${REGION}:${account}:log-group:/aws/lex/support`, logPrefix: 'text/' } } }],
      },
    }),
  );
  await lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'Beta', botVersion: 'DRAFT' }));
  const legacy = await bot('Legacy');
  return { supportId: botId!, prodArn: `arn:aws:lex:${REGION}:${account}:bot-alias/${botId}/${prod.botAliasId}`, legacyId: legacy.botId! };
}

/** The fixture template for `account`: its audio bucket carries the account id, as the seeded one does. */
function template(account = ACCOUNT): string {
  const path = join(dir, `contact-centre-${account}.yaml`);
  writeFileSync(path, readFileSync(join(ROOT, TEMPLATE), 'utf8').replace("'arn:aws:s3:::support-audio'", `'arn:aws:s3:::support-audio-${account}'`));
  return path;
}

const drift = (paths: string[], ...args: string[]) => moto.cli(['drift', ...paths, '--endpoint-url', moto.url, '--region', REGION, '--max-attempts', '1', ...args]);

describe('lexscribe drift (a template and a seeded moto account that differ in each way)', () => {
  it('names each difference: drift both ways, only in code, only live, unjoinable; exit 1', async () => {
    const seeded = await seedDrifted();
    const { code, stdout, stderr } = await drift([TEMPLATE], '-f', 'json');
    const r = JSON.parse(stdout) as DriftReport;
    expect(validDrift(r) ? [] : validDrift.errors).toEqual([]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').pop()).toBe('lexscribe: drift found: 2 drifting checks, 1 resource only in code, 2 resources only live');

    expect(r.drift.map((e) => [e.checkId, e.resource.type, e.resource.name, e.code, e.live])).toEqual([
      ['LEX-DP-2', 'AWS::Lex::BotAlias', 'Support/Prod', 'PASS', 'FAIL'],
      ['LEX-MON-6', 'AWS::Logs::LogGroup', '/aws/lex/support', 'FAIL', 'PASS'],
    ]);
    const dp2 = r.drift[0];
    expect(dp2).toMatchObject({
      severity: 'MEDIUM',
      resource: { logicalId: 'ProdAlias', stack: 'contact-centre', arn: seeded.prodArn, account: ACCOUNT, region: REGION, file: TEMPLATE_REL, line: 37 },
      codeReason: 'audio logs are encrypted with customer-managed key <AudioKey.Arn>',
      liveReason: 'audio logs of alias bot/Support/alias/Prod are written without a KMS key',
    });
    expect(r.onlyInCode.map((x) => [x.type, x.name, x.logicalId])).toEqual([['AWS::Lex::Bot', 'Refunds', 'RefundsBot']]);
    expect(r.onlyLive.map((x) => [x.type, x.name, x.arn])).toEqual([
      ['AWS::Lex::Bot', 'Legacy', `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${seeded.legacyId}`],
      ['AWS::Lex::BotAlias', 'Support/Beta', expect.stringMatching(new RegExp(`^arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${seeded.supportId}/`))],
    ]);
    expect(r.unjoinable.map((u) => [u.side, u.logicalId, u.reason])).toEqual([
      ['code', 'PilotBot', 'Name cannot be known: parameter PilotBotName has no value and no default'],
      ['code', 'AudioKeyAlias', 'the audit reads AWS::KMS::Alias resources only when an audited resource refers to them, and none refers to alias/support-audio'],
      ['code', 'AudioKey', 'the audit reads AWS::KMS::Key resources only when an audited resource refers to them, and none refers to key of alias/support-audio'],
    ]);
    // The bot, its alias, the role and the log group are the joined ones; every statuses pair that differs with an UNKNOWN side is undecided.
    expect(r.summary).toMatchObject({ joined: 4, drift: 2, driftingResources: 2, onlyInCode: 1, onlyLive: 2, unjoinable: 3 });
    expect(r.undecided.every((e) => e.code === 'UNKNOWN' || e.live === 'UNKNOWN')).toBe(true);
    expect(r.joinedBy['AWS::Lex::BotAlias']).toMatch(/^alias name \(BotAliasName\) within its bot/);
    expect(r.live.accounts.map((a) => a.id)).toEqual([ACCOUNT]);
  });

  it('text, HTML, SARIF and JUnit renderings of the same report', async () => {
    await seedDrifted();
    const out = { html: join(dir, 'drift.html'), sarif: join(dir, 'drift.sarif'), junit: join(dir, 'drift.xml') };
    const { stdout } = await drift([TEMPLATE], '-f', 'text', '-f', 'html', '-o', out.html, '-f', 'sarif', '-o', out.sarif, '-f', 'junit', '-o', out.junit);
    expect(stdout).toContain('Support/Prod (AWS::Lex::BotAlias, logical id ProdAlias, stack contact-centre)\n');
    expect(stdout).toContain('  LEX-DP-2  MEDIUM    code PASS → live FAIL  Enabled audio logs are encrypted with a customer-managed KMS key\n');
    expect(stdout).toContain('Only in code (1): defined in the templates, not in the account\n  AWS::Lex::Bot  Refunds  contact-centre/RefundsBot  test/fixtures/drift/contact-centre.yaml:52:3  in 123456789012/us-east-1\n');
    expect(stdout).toMatch(/\nSummary: 4 resources joined, \d+ checks compared: 2 drifting checks on 2 resources, 1 only in code, 2 only live, 3 unjoinable, \d+ undecided\n/);

    const page = readFileSync(out.html, 'utf8');
    expect(page).toContain('<h1>2 drifting checks on 2 resources</h1>');
    expect(page).not.toMatch(/<script|<link|url\(/i);

    const sarif = JSON.parse(readFileSync(out.sarif, 'utf8'));
    expect(validSarif(sarif) ? [] : validSarif.errors?.slice(0, 3)).toEqual([]);
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } } }> }>;
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ['LEX-DP-2', 'warning'],
      ['LEX-MON-6', 'note'],
      ['DRIFT-ONLY-IN-CODE', 'warning'],
      ['DRIFT-ONLY-LIVE', 'warning'],
      ['DRIFT-ONLY-LIVE', 'warning'],
    ]);
    expect(results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: TEMPLATE_REL, uriBaseId: 'SRCROOT' }, region: { startLine: 37, startColumn: 3 } });

    const junit = readFileSync(out.junit, 'utf8');
    expect(junit).toMatch(/<testsuites name="lexscribe drift" tests="\d+" failures="5"/);
    expect(junit).toContain('<testsuite name="LEX-DP-2 Enabled audio logs are encrypted with a customer-managed KMS key"');
    expect(junit).toContain('<failure message="code PASS, live FAIL" type="MEDIUM">');
  });

  it('--fail-on weighs the live side of drift: MEDIUM fails, HIGH passes', async () => {
    await seedDrifted();
    const medium = await drift([TEMPLATE], '-f', 'json', '-o', join(dir, 'm.json'), '--fail-on', 'medium');
    expect([medium.code, medium.stderr.trim().split('\n').pop()]).toEqual([1, 'lexscribe: drift gate failed at or above MEDIUM: 1 drifting check fails live, 2 resources only live have FAIL findings']);
    const high = await drift([TEMPLATE], '-f', 'json', '-o', join(dir, 'h.json'), '--fail-on', 'high');
    expect(high.code).toBe(0);
  });

  it('a template the account matches: no drift, exit 0', async () => {
    await seedDrifted();
    const inSync = join(dir, 'in-sync.yaml');
    writeFileSync(
      inSync,
      [
        'Resources:',
        '  Legacy:',
        '    Type: AWS::Lex::Bot',
        '    Properties:',
        '      Name: Legacy',
        `      RoleArn: arn:aws:iam::${ACCOUNT}:role/SupportBotRole`,
        '      DataPrivacy: { ChildDirected: false }',
        '      IdleSessionTTLInSeconds: 300',
      ].join('\n'),
    );
    // Only Legacy is compared: the Support bot and its aliases are another app's, so they are listed as only live.
    const r = JSON.parse((await drift([inSync], '-f', 'json')).stdout) as DriftReport;
    expect([r.summary.joined, r.drift, r.onlyInCode]).toEqual([1, [], []]);
    expect(r.onlyLive.map((x) => x.name)).toEqual(['Support', 'Support/Beta', 'Support/Prod']);
    const narrowed = await drift([inSync], '-q', '--fail-on', 'critical');
    expect(narrowed.code).toBe(0);
  });

  it('across an organization: a stack whose env names a member is joined in that member; an env-agnostic one is not guessed', async () => {
    const org = await createOrganization((ctor, creds) => moto.client(ctor, REGION, creds), ['Payments']);
    const member = org.members[0];
    const seeded = await seedDrifted(member.id, member.credentials);
    // A cloud assembly whose one stack is deployed to the member account.
    const assembly = join(dir, 'cdk.out');
    mkdirSync(assembly, { recursive: true });
    copyFileSync(template(member.id), join(assembly, 'ContactCentre.template.yaml'));
    writeFileSync(
      join(assembly, 'manifest.json'),
      JSON.stringify({ version: '36.0.0', artifacts: { ContactCentre: { type: 'aws:cloudformation:stack', environment: `aws://${member.id}/${REGION}`, properties: { templateFile: 'ContactCentre.template.yaml' } } } }),
    );
    const r = JSON.parse((await drift([assembly], '--org', '--org-role', ORG_ROLE, '-f', 'json')).stdout) as DriftReport;
    expect(r.live.accounts.map((a) => a.id).sort()).toEqual([ACCOUNT, member.id].sort());
    expect(r.drift.find((e) => e.checkId === 'LEX-DP-2')?.resource).toMatchObject({ arn: seeded.prodArn, account: member.id });

    const agnostic = JSON.parse((await drift([template(member.id)], '--org', '--org-role', ORG_ROLE, '-f', 'json')).stdout) as DriftReport;
    expect(agnostic.summary.joined).toBe(0);
    expect(agnostic.unjoinable.find((u) => u.logicalId === 'SupportBot')?.reason).toBe('stack contact-centre-' + member.id + ' names no account and 2 accounts were audited: give the stack an env, or audit one account');
  });

  it('an unreadable template: the others are still compared, exit 2', async () => {
    await seedDrifted();
    const { code, stderr } = await drift([TEMPLATE, join(dir, 'missing.yaml')], '-q', '-f', 'json', '-o', join(dir, 'x.json'));
    expect(code).toBe(2);
    expect(stderr).toContain('missing.yaml: no such file or directory');
    expect((JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')) as DriftReport).summary.drift).toBe(2);
  });
});
