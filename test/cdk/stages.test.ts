import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as s3 from 'aws-cdk-lib/aws-s3';
import lexDp2 from '../../checks/data-protection/lex-dp-2-audio-log-kms';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { LexscribeSuppressions } from '../../lib/cdk/suppressions';
import { scanLoaded } from '../../lib/cli/scan';
import type { LexscribeConfig } from '../../lib/config/types';
import type { Finding } from '../../lib/model/finding';
import { REPORT_FILE, type Report } from '../../lib/report/report';
import { loadTemplates } from '../../lib/sources/template/load';
import { emptyParameters } from '../../lib/sources/template/parameters';

const ENV = { account: '123456789012', region: 'us-east-1' };
const CONFIG: LexscribeConfig = { suppressions: [{ id: 'LEX-DP-2', resource: 'A/**', reason: 'stage A logs synthetic test calls only' }] };

/** The same bot in each of two Stages: an alias writing audio logs without a KMS key (LEX-DP-2 FAIL). */
function twoStages(app: App): void {
  for (const name of ['A', 'B']) {
    const stack = new Stack(new Stage(app, name, { env: ENV }), 'Bot');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') });
    const bot = new lex.CfnBot(stack, 'Bot', { name: 'Support', roleArn: role.roleArn, dataPrivacy: { ChildDirected: false }, idleSessionTtlInSeconds: 300 });
    const bucket = new s3.Bucket(stack, 'Logs');
    new lex.CfnBotAlias(stack, 'ProdAlias', {
      botId: bot.attrId,
      botAliasName: 'prod',
      conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'audio/' } } }] },
    });
  }
}

const identity = (f: Finding) => [f.checkId, f.resource.stack, f.resource.logicalId, f.resource.constructPath, f.findingKey ?? '', f.status].join(' ');

describe.each([
  ['with aws:cdk:path in the templates (as cdk synth writes them)', { 'aws:cdk:enable-path-metadata': true }, true],
  ['with path metadata off (construct paths from the manifest)', { 'aws:cdk:enable-path-metadata': false }, false],
])('one configuration suppression over two Stages, %s', (_what, context, pathsInTemplates) => {
  let outdir: string;
  beforeEach(() => {
    outdir = mkdtempSync(join(tmpdir(), 'lexscribe-stages-'));
  });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  test('A is SUPPRESSED, B FAILs, no "unused" warning, and a scan of cdk.out says the same finding for finding', () => {
    const app = new App({ outdir, context, builtinCloudFormationValidation: false } as never);
    twoStages(app);
    LexscribeChecks.fromContext(app, { checks: [lexDp2], config: CONFIG });
    app.synth();

    const synth = JSON.parse(readFileSync(join(outdir, REPORT_FILE), 'utf8')) as Report;
    expect(synth.findings.map(identity)).toEqual([
      'LEX-DP-2 A-Bot ProdAlias A/Bot/ProdAlias  SUPPRESSED',
      'LEX-DP-2 B-Bot ProdAlias B/Bot/ProdAlias  FAIL',
    ]);
    expect(synth.warnings).toEqual([]);

    expect(readFileSync(join(outdir, 'assembly-A', 'ABot05223005.template.json'), 'utf8').includes('aws:cdk:path')).toBe(pathsInTemplates);
    const loaded = loadTemplates([outdir], { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });
    const scan = scanLoaded(loaded, CONFIG);
    const ofDp2 = scan.findings.filter((f) => f.checkId === 'LEX-DP-2');
    expect(ofDp2.map(identity)).toEqual(synth.findings.map(identity));
    expect(scan.warnings.filter((w) => w.kind.startsWith('suppression'))).toEqual([]);
  });
});

describe('the aspect reads the configuration file of the working directory, as scan and audit do', () => {
  let dir: string;
  const cwd = process.cwd();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lexscribe-cwd-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['lexscribe.config.yml', 'checks:\n  LEX-DP-2:\n    enabled: false\n'],
    ['lexscribe.config.json', '{ "checks": { "LEX-DP-2": { "enabled": false } } }'],
  ])('a check disabled in %s is not reported at synth', (file, text) => {
    writeFileSync(join(dir, file), text);
    const app = new App({ outdir: join(dir, 'cdk.out'), builtinCloudFormationValidation: false } as never);
    twoStages(app);
    const aspect = LexscribeChecks.fromContext(app, { checks: [lexDp2] });
    app.synth();
    expect([...aspect.results.values()].flatMap((r) => r.findings)).toEqual([]);
  });

  test('an explicit config wins over the file', () => {
    writeFileSync(join(dir, 'lexscribe.config.yml'), 'checks:\n  LEX-DP-2:\n    enabled: false\n');
    const app = new App({ outdir: join(dir, 'cdk.out'), builtinCloudFormationValidation: false } as never);
    twoStages(app);
    const aspect = LexscribeChecks.fromContext(app, { checks: [lexDp2], config: {} });
    app.synth();
    expect([...aspect.results.values()].flatMap((r) => r.findings).map((f) => f.status)).toEqual(['FAIL', 'FAIL']);
  });
});

describe('CDK suppressions written on several resources are one suppression', () => {
  test('applyToChildren on a role suppresses its default policy and is not reported unused on the role', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lexscribe-children-'));
    try {
      const app = new App({ outdir, builtinCloudFormationValidation: false } as never);
      const stack = new Stack(app, 'Api', { env: ENV });
      const role = new iam.Role(stack, 'BotRole', { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: ['*'] }));
      LexscribeSuppressions.addResourceSuppressions(role, [{ id: 'LEX-IAM-5', reason: 'break-glass role, reviewed every quarter' }], true);
      const aspect = LexscribeChecks.fromContext(app, { failOn: 'CRITICAL' });
      app.synth();
      const findings = [...aspect.results.values()].flatMap((r) => r.findings).filter((f) => f.checkId === 'LEX-IAM-5');
      expect(findings.map((f) => [f.resource.constructPath, f.status])).toEqual([['Api/BotRole/DefaultPolicy/Resource', 'SUPPRESSED']]);
      const report = JSON.parse(readFileSync(join(outdir, REPORT_FILE), 'utf8')) as Report;
      expect(report.warnings.filter((w) => w.checkId === 'LEX-IAM-5')).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a group that suppresses nothing is reported once, by the call that wrote it', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lexscribe-children-'));
    try {
      const app = new App({ outdir, builtinCloudFormationValidation: false } as never);
      const stack = new Stack(app, 'Api', { env: ENV });
      const role = new iam.Role(stack, 'BotRole', { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['polly:SynthesizeSpeech'], resources: ['*'] }));
      LexscribeSuppressions.addResourceSuppressions(role, [{ id: 'LEX-IAM-5', reason: 'break-glass role, reviewed every quarter' }], true);
      LexscribeChecks.fromContext(app, { failOn: 'CRITICAL' });
      app.synth();
      const report = JSON.parse(readFileSync(join(outdir, REPORT_FILE), 'utf8')) as Report;
      expect(report.warnings.filter((w) => w.checkId === 'LEX-IAM-5').map((w) => w.message)).toEqual([
        'Suppression of LEX-IAM-5 on Api/BotRole and the resources below it matched no finding; remove it.',
      ]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test.each(['ProdAlias', '*Alias', 'Api/ProdAlias', '/Api/*Alias'])('a path glob inside the stack or in full: %s', (pattern) => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'lexscribe-glob-')), builtinCloudFormationValidation: false } as never);
    const stack = new Stack(app, 'Api', { env: ENV });
    const bot = new lex.CfnBot(stack, 'Bot', { name: 'B', roleArn: 'arn:aws:iam::123456789012:role/r', dataPrivacy: { ChildDirected: false }, idleSessionTtlInSeconds: 300 });
    const alias = new lex.CfnBotAlias(stack, 'ProdAlias', { botId: bot.attrId, botAliasName: 'prod' });
    LexscribeSuppressions.addSuppressionsByPath(stack, pattern, [{ id: 'LEX-MON-2', reason: 'text logs go to the central account' }]);
    expect(alias.getMetadata('lexscribe')).toEqual({ suppressions: [{ id: 'LEX-MON-2', reason: 'text logs go to the central account', origin: 'cdk' }] });
    rmSync(app.outdir, { recursive: true, force: true });
  });
});
