import { Aspects, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { findCheck } from '../../checks';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { ENV, newApp } from './fixtures';

const CHECKS = ['LEX-DP-2', 'LEX-DP-4'].map((id) => findCheck(id)!);

/**
 * The bot alias lives in one stack; the log group, bucket and key it logs to live in another. After
 * `prepare` the alias only holds `Fn::ImportValue`s: the graph must follow them to the exporting stack.
 */
function synth(encryptGroup: boolean) {
  const app = newApp();
  const shared = new Stack(app, 'Shared', { env: ENV });
  const key = new kms.Key(shared, 'LogKey', { enableKeyRotation: true });
  const group = new logs.LogGroup(shared, 'TextLogs', { encryptionKey: encryptGroup ? key : undefined });
  const bucket = new s3.Bucket(shared, 'AudioLogs', { encryption: s3.BucketEncryption.KMS, encryptionKey: key });

  const bots = new Stack(app, 'Bots', { env: ENV });
  const bot = new lex.CfnBot(bots, 'Bot', {
    name: 'Support',
    roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_Support',
    dataPrivacy: { ChildDirected: false },
    idleSessionTtlInSeconds: 300,
  });
  new lex.CfnBotAlias(bots, 'Alias', {
    botId: bot.attrId,
    botAliasName: 'live',
    conversationLogSettings: {
      textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 'text/' } } }],
      audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'audio/', kmsKeyArn: key.keyArn } } }],
    },
  });
  const aspect = new LexscribeChecks({ reports: false, checks: CHECKS });
  Aspects.of(app).add(aspect);
  const assembly = app.synth();
  const aliasTemplate = JSON.stringify(assembly.getStackByName('Bots').template);
  const findings = aspect.results.get('')!.findings.filter((f) => f.resource.logicalId === 'Alias');
  return { aliasTemplate, findings: Object.fromEntries(findings.map((f) => [f.checkId, f])) };
}

describe('references across stacks (Fn::ImportValue of the exporting stack)', () => {
  test('the alias template really imports its destinations', () => {
    expect(synth(true).aliasTemplate).toContain('Fn::ImportValue');
  });

  test.each([
    ['PASS', true, /TextLogs/],
    ['FAIL', false, /TextLogs/],
  ])('LEX-DP-4 is %s against the log group of the other stack', (status, encrypt, reason) => {
    const f = synth(encrypt).findings['LEX-DP-4'];
    expect(f.status).toBe(status);
    expect(f.reason).toMatch(reason);
  });

  test('LEX-DP-2 finds the key of the other stack (PASS, not UNKNOWN)', () => {
    const f = synth(true).findings['LEX-DP-2'];
    expect(f.status).toBe('PASS');
    expect(f.reason).toMatch(/LogKey/);
  });
});
