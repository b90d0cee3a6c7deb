import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { audioLogs, bucket, kmsKey, lexAlias, lexBot } from '../../tester/seed';
import { liveResource, scope, type CheckTable } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';

const ACCOUNT = '123456789012';

/** An alias writing audio logs with `key` and text logs to a log group encrypted with `groupKey`. */
const logsWith = (key: (stack: Stack) => string | undefined, groupKey?: (stack: Stack) => kms.IKey) => (stack: Stack) => {
  const audio = new s3.Bucket(stack, 'Logs');
  const group = new logs.LogGroup(stack, 'Group', { encryptionKey: groupKey?.(stack) });
  newAlias(stack, newBot(stack), {
    conversationLogSettings: {
      audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: audio.bucketArn, logPrefix: 'a/', kmsKeyArn: key(stack) } } }],
      textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 't/' } } }],
    },
  });
};

const KEY_PASSES = { 'Key[KeySpec]': 'PASS', 'Key[KeyManager]': 'PASS', 'Key[Enabled]': 'PASS', 'Key[Rotation]': 'PASS' };

/** Audio logs of a moto alias under a key made by `key`. */
const motoAudio = (key: Parameters<typeof kmsKey>[1]) => async (aws: Parameters<typeof kmsKey>[0]) => {
  const arn = await kmsKey(aws, key);
  await lexAlias(aws, await lexBot(aws), { conversationLogSettings: audioLogs(await bucket(aws, 'audio-logs'), arn) });
};

export default {
  synth: {
    PASS: [
      { name: 'a rotated symmetric key of the app', cdk: logsWith((s) => new kms.Key(s, 'Key', { enableKeyRotation: true }).keyArn), statuses: KEY_PASSES },
      { name: 'the same key reached through its alias', cdk: logsWith((s) => new kms.Key(s, 'Key', { enableKeyRotation: true }).addAlias('alias/lex').aliasArn), statuses: KEY_PASSES },
    ],
    FAIL: [
      { name: 'a key without rotation', cdk: logsWith((s) => new kms.Key(s, 'Key').keyArn), statuses: { ...KEY_PASSES, 'Key[Rotation]': 'FAIL' } },
      { name: 'a disabled key', cdk: logsWith((s) => new kms.Key(s, 'Key', { enableKeyRotation: true, enabled: false }).keyArn), statuses: { ...KEY_PASSES, 'Key[Enabled]': 'FAIL' } },
      { name: 'the AWS-managed key', cdk: logsWith(() => 'alias/aws/s3'), statuses: { 'Alias[KeyManager]': 'FAIL' } },
      {
        name: 'an asymmetric key on the text-log group',
        cdk: logsWith(
          () => undefined,
          (s) => new kms.Key(s, 'Key', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT }),
        ),
        statuses: { ...KEY_PASSES, 'Key[KeySpec]': 'FAIL', 'Key[Rotation]': 'FAIL' },
      },
    ],
    UNKNOWN: [
      { name: 'a key outside the app', cdk: logsWith(() => `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc`), statuses: { Alias: 'UNKNOWN' } },
      {
        name: 'rotation from a parameter',
        cdk: logsWith((s) => {
          const key = new kms.Key(s, 'Key');
          (key.node.defaultChild as kms.CfnKey).enableKeyRotation = new CfnParameter(s, 'Rotate', { type: 'String' }).valueAsString as never;
          return key.keyArn;
        }),
        statuses: { ...KEY_PASSES, 'Key[Rotation]': 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [{ name: 'the audio-log key is symmetric, customer managed, enabled and rotated', moto: motoAudio({ rotation: true }) }],
    FAIL: [
      { name: 'the audio-log key does not rotate (GetKeyRotationStatus)', moto: motoAudio({ rotation: false }), findingKey: 'Rotation' },
      {
        name: 'a key the KMS collector reports as AWS managed',
        emulated: 'moto reports every key, AWS-managed ones included, as KeyManager CUSTOMER',
        stacks: [
          scope([
            liveResource('AWS::KMS::Key', 'k1', { KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT', Enabled: true, EnableKeyRotation: true }, `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`),
            liveResource('AWS::Lex::BotAlias', 'A1', {
              BotId: 'B1',
              ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: 'arn:aws:s3:::b', KmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1` } } }] },
            }),
          ]),
        ],
        statuses: { 'k1[KeySpec]': 'PASS', 'k1[KeyManager]': 'FAIL', 'k1[Enabled]': 'PASS', 'k1[Rotation]': 'PASS' },
      },
    ],
    UNKNOWN: [{ name: 'kms:GetKeyRotationStatus denied', moto: motoAudio({ rotation: true }), deny: ['kms:GetKeyRotationStatus'], findingKey: 'Rotation', reason: /was denied/ }],
  },
} satisfies CheckTable;
