import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import lexDp3 from '../../../checks/data-protection/lex-dp-3-log-keys';
import { synthStack } from '../../helpers/synth';
import { byConstruct, newAlias, newBot } from './lex-fixtures';
import { ACCOUNT, live, runLive, scope } from './live-graph';

/** A bot whose alias writes audio logs with `key` and text logs to a log group encrypted with `groupKey`. */
function app(key: (stack: Stack) => string | undefined, groupKey?: (stack: Stack) => kms.IKey) {
  return synthStack(
    (stack) => {
      const bucket = new s3.Bucket(stack, 'Logs');
      const group = new logs.LogGroup(stack, 'Group', { encryptionKey: groupKey?.(stack) });
      newAlias(stack, newBot(stack), {
        conversationLogSettings: {
          audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'a/', kmsKeyArn: key(stack) } } }],
          textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 't/' } } }],
        },
      });
    },
    { checks: [lexDp3] },
  );
}

const ALL_PASS = { 'Key[KeySpec]': 'PASS', 'Key[KeyManager]': 'PASS', 'Key[Enabled]': 'PASS', 'Key[Rotation]': 'PASS' };

describe('LEX-DP-3 keys used for Lex logs', () => {
  test.each([
    ['PASS', 'a rotated symmetric key of the app', (s: Stack) => new kms.Key(s, 'Key', { enableKeyRotation: true }).keyArn, ALL_PASS],
    ['PASS', 'the same key reached through its alias', (s: Stack) => new kms.Key(s, 'Key', { enableKeyRotation: true }).addAlias('alias/lex').aliasArn, ALL_PASS],
    ['FAIL', 'a key without rotation', (s: Stack) => new kms.Key(s, 'Key').keyArn, { ...ALL_PASS, 'Key[Rotation]': 'FAIL' }],
    ['FAIL', 'a disabled key', (s: Stack) => new kms.Key(s, 'Key', { enableKeyRotation: true, enabled: false }).keyArn, { ...ALL_PASS, 'Key[Enabled]': 'FAIL' }],
    ['FAIL', 'the AWS-managed key', () => 'alias/aws/s3', { 'Alias[KeyManager]': 'FAIL' }],
    ['UNKNOWN', 'a key outside the app', () => `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc`, { Alias: 'UNKNOWN' }],
    [
      'UNKNOWN',
      'rotation from a parameter',
      (s: Stack) => {
        const key = new kms.Key(s, 'Key');
        (key.node.defaultChild as kms.CfnKey).enableKeyRotation = new CfnParameter(s, 'Rotate', { type: 'String' }).valueAsString as never;
        return key.keyArn;
      },
      { ...ALL_PASS, 'Key[Rotation]': 'UNKNOWN' },
    ],
  ])('%s: %s', (_status, _what, key, expected) => {
    expect(byConstruct(app(key).of('LEX-DP-3'))).toEqual(expected);
  });

  test('FAIL: an asymmetric key on the text-log group', () => {
    const out = app(
      () => undefined,
      (s) => new kms.Key(s, 'Key', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT }),
    );
    expect(byConstruct(out.of('LEX-DP-3'))).toEqual({ ...ALL_PASS, 'Key[KeySpec]': 'FAIL', 'Key[Rotation]': 'FAIL' });
  });

  test('live: keys resolved by ARN, AWS-managed keys fail', () => {
    const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`;
    const { statuses } = runLive(lexDp3, [
      scope('us-east-1', [
        live('AWS::KMS::Key', 'k1', { KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT', Enabled: true, EnableKeyRotation: true }, keyArn),
        live('AWS::Lex::BotAlias', 'A1', {
          BotId: 'B1',
          ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: 'arn:aws:s3:::b', KmsKeyArn: keyArn } } }] },
        }),
      ]),
    ]);
    expect(statuses).toEqual({ k1: 'PASS,FAIL,PASS,PASS' });
  });
});
