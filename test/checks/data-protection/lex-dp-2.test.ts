import { CfnParameter, Fn, type CfnTag } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Stack } from 'aws-cdk-lib';
import lexDp2 from '../../../checks/data-protection/lex-dp-2-audio-log-kms';
import { synthStack } from '../../helpers/synth';
import { newAlias, newBot } from './lex-fixtures';
import { ACCOUNT, live, runLive, scope } from './live-graph';

function botWithAlias(stack: Stack, audio: (bucket: s3.Bucket) => Record<string, unknown>, botTags?: CfnTag[]) {
  const bucket = new s3.Bucket(stack, 'Logs');
  const bot = newBot(stack, { botTags });
  newAlias(stack, bot, { conversationLogSettings: { audioLogSettings: [audio(bucket) as never] } });
}

const withKey = (key: (stack: Stack) => Record<string, unknown>, botTags?: CfnTag[]) =>
  synthStack(
    (stack) => botWithAlias(stack, (bucket) => ({ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'audio/', ...key(stack) } } }), botTags),
    { checks: [lexDp2] },
  );

describe('LEX-DP-2 audio logs encrypted with a customer-managed key', () => {
  test.each([
    ['FAIL', 'enabled audio logs without a key', () => ({})],
    ['FAIL', 'the AWS-managed key alias/aws/s3', () => ({ kmsKeyArn: 'alias/aws/s3' })],
    ['FAIL', 'an AWS-managed alias ARN', () => ({ kmsKeyArn: Fn.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/s3') })],
    ['PASS', 'a KMS key of the app', (stack: Stack) => ({ kmsKeyArn: new kms.Key(stack, 'Key').keyArn })],
    ['PASS', 'an alias of the app', (stack: Stack) => ({ kmsKeyArn: new kms.Key(stack, 'Key').addAlias('alias/audio').aliasArn })],
    ['PASS', 'a key imported by ARN', () => ({ kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` })],
    ['UNKNOWN', 'a key from a parameter without default', (stack: Stack) => ({ kmsKeyArn: new CfnParameter(stack, 'KeyArn').valueAsString })],
  ])('%s: %s', (expected, _what, key) => {
    expect(withKey(key).statuses('LEX-DP-2')).toEqual({ Bot: 'NOT_APPLICABLE', Alias: expected });
  });

  test('disabled audio logs are not applicable', () => {
    const out = synthStack((stack) => botWithAlias(stack, (bucket) => ({ enabled: false, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'a/' } } })), {
      checks: [lexDp2],
    });
    expect(out.statuses('LEX-DP-2')).toEqual({ Bot: 'NOT_APPLICABLE', Alias: 'NOT_APPLICABLE' });
  });

  test('the test alias settings of the bot are checked too', () => {
    const out = synthStack(
      (stack) => {
        const bucket = new s3.Bucket(stack, 'Logs');
        newBot(stack, {
          testBotAliasSettings: { conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'a/' } } }] } },
        });
      },
      { checks: [lexDp2] },
    );
    expect(out.statuses('LEX-DP-2')).toEqual({ Bot: 'FAIL' });
  });

  test.each([
    ['phi', 'HIGH'],
    ['public', 'MEDIUM'],
  ])('a bot classified %s: findings of its aliases at %s', (classification, severity) => {
    const out = withKey(() => ({}), [{ key: 'data-classification', value: classification }]);
    expect(out.of('LEX-DP-2').filter((f) => f.resource.logicalId === 'Alias').map((f) => [f.status, f.severity])).toEqual([['FAIL', severity]]);
  });

  test('live: a key the collector reports as AWS managed', () => {
    const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/aws-managed-1`;
    const alias = (logicalId: string, kmsKeyArn: string) =>
      live('AWS::Lex::BotAlias', logicalId, {
        BotId: 'BOTID',
        ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: 'arn:aws:s3:::audio', KmsKeyArn: kmsKeyArn } } }] },
      });
    const { statuses } = runLive(lexDp2, [
      scope('us-east-1', [
        live('AWS::KMS::Key', 'aws-managed-1', { KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT' }, keyArn),
        live('AWS::KMS::Key', 'customer-1', { KeyManager: 'CUSTOMER' }, `arn:aws:kms:us-east-1:${ACCOUNT}:key/customer-1`),
        alias('AwsManaged', keyArn),
        alias('Customer', `arn:aws:kms:us-east-1:${ACCOUNT}:key/customer-1`),
      ]),
    ]);
    expect(statuses).toEqual({ AwsManaged: 'FAIL', Customer: 'PASS' });
  });
});
