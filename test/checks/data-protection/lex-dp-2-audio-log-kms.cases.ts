import { CfnParameter, Fn, type CfnTag, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { audioLogs, bucket, kmsKey, lexAlias, lexBot } from '../../tester/seed';
import { liveResource, scope, type CheckTable } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';

const ACCOUNT = '123456789012';

/** A bot with an alias "prod" writing enabled audio logs to a bucket of the app, with `key` as its KMS key settings. */
const audioTo = (key: (stack: Stack) => Record<string, unknown>, botTags?: CfnTag[]) => (stack: Stack) => {
  const logs = new s3.Bucket(stack, 'Logs');
  const bot = newBot(stack, { botTags });
  newAlias(stack, bot, { conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: logs.bucketArn, logPrefix: 'audio/', ...key(stack) } } }] } });
};

const onAlias = (status: string) => ({ Bot: 'NOT_APPLICABLE', Alias: status });

/** A live alias writing audio logs with `kmsKeyArn`, and the key as the KMS collector reports it. */
const liveAlias = (manager: 'AWS' | 'CUSTOMER') => {
  const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-${manager}`;
  return [
    scope([
      liveResource('AWS::KMS::Key', `key/k-${manager}`, { KeyManager: manager, KeySpec: 'SYMMETRIC_DEFAULT' }, keyArn),
      liveResource('AWS::Lex::BotAlias', 'bot/Support/alias/Prod', {
        BotId: 'BOTID',
        ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: 'arn:aws:s3:::audio', KmsKeyArn: keyArn } } }] },
      }),
    ]),
  ];
};

export default {
  synth: {
    PASS: [
      { name: 'a KMS key of the app', cdk: audioTo((stack) => ({ kmsKeyArn: new kms.Key(stack, 'Key').keyArn })), statuses: onAlias('PASS') },
      { name: 'an alias of a key of the app', cdk: audioTo((stack) => ({ kmsKeyArn: new kms.Key(stack, 'Key').addAlias('alias/audio').aliasArn })), statuses: onAlias('PASS') },
      { name: 'a key imported by ARN', cdk: audioTo(() => ({ kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` })), statuses: onAlias('PASS') },
    ],
    FAIL: [
      { name: 'enabled audio logs without a key', cdk: audioTo(() => ({})), statuses: onAlias('FAIL') },
      { name: 'the AWS-managed key alias/aws/s3', cdk: audioTo(() => ({ kmsKeyArn: 'alias/aws/s3' })), statuses: onAlias('FAIL') },
      {
        name: 'an AWS-managed alias ARN',
        cdk: audioTo(() => ({ kmsKeyArn: Fn.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/s3') })),
        statuses: onAlias('FAIL'),
      },
      {
        name: 'the test alias settings of the bot are checked too',
        cdk: (stack) => {
          const logs = new s3.Bucket(stack, 'Logs');
          newBot(stack, { testBotAliasSettings: { conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: logs.bucketArn, logPrefix: 'a/' } } }] } } });
        },
        statuses: { Bot: 'FAIL' },
      },
      {
        name: 'a bot classified phi: its alias fails at HIGH',
        cdk: audioTo(() => ({}), [{ key: 'data-classification', value: 'phi' }]),
        resource: 'Alias',
        severity: 'HIGH',
        statuses: onAlias('FAIL'),
      },
      {
        name: 'a bot classified public: its alias fails at the default MEDIUM',
        cdk: audioTo(() => ({}), [{ key: 'data-classification', value: 'public' }]),
        resource: 'Alias',
        severity: 'MEDIUM',
        statuses: onAlias('FAIL'),
      },
      {
        name: 'a hand-written template whose alias logs audio without a key',
        template: {
          Resources: {
            Bot: { Type: 'AWS::Lex::Bot', Properties: { Name: 'Support', RoleArn: 'arn:aws:iam::123456789012:role/r', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 } },
            Alias: {
              Type: 'AWS::Lex::BotAlias',
              Properties: {
                BotId: { Ref: 'Bot' },
                BotAliasName: 'prod',
                ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: 'arn:aws:s3:::audio', LogPrefix: 'a/' } } }] },
              },
            },
          },
        },
        statuses: onAlias('FAIL'),
      },
    ],
    UNKNOWN: [
      { name: 'a key from a parameter without default', cdk: audioTo((stack) => ({ kmsKeyArn: new CfnParameter(stack, 'KeyArn').valueAsString })), statuses: onAlias('UNKNOWN') },
      {
        name: 'a YAML template whose key is a parameter (!Ref)',
        template: `
Parameters:
  KeyArn: { Type: String }
Resources:
  Bot:
    Type: AWS::Lex::Bot
    Properties: { Name: Support, RoleArn: arn:aws:iam::123456789012:role/r, DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 }
  Alias:
    Type: AWS::Lex::BotAlias
    Properties:
      BotId: !Ref Bot
      BotAliasName: prod
      ConversationLogSettings:
        AudioLogSettings:
          - Enabled: true
            Destination: { S3Bucket: { S3BucketArn: !Sub 'arn:aws:s3:::audio-\${AWS::AccountId}', LogPrefix: a/, KmsKeyArn: !Ref KeyArn } }
`,
        statuses: onAlias('UNKNOWN'),
      },
    ],
    NOT_APPLICABLE: [
      {
        name: 'disabled audio logs',
        cdk: (stack) => {
          const logs = new s3.Bucket(stack, 'Logs');
          newAlias(stack, newBot(stack), { conversationLogSettings: { audioLogSettings: [{ enabled: false, destination: { s3Bucket: { s3BucketArn: logs.bucketArn, logPrefix: 'a/' } } }] } });
        },
        statuses: onAlias('NOT_APPLICABLE'),
      },
    ],
  },
  live: {
    PASS: [
      {
        name: 'audio logs under a customer-managed key',
        moto: async (aws) => {
          const key = await kmsKey(aws, { rotation: true });
          await lexAlias(aws, await lexBot(aws), { conversationLogSettings: audioLogs(await bucket(aws, 'audio-logs'), key) });
        },
        resource: 'alias/Prod',
      },
    ],
    FAIL: [
      {
        name: 'audio logs without a KMS key',
        moto: async (aws) => {
          await lexAlias(aws, await lexBot(aws), { conversationLogSettings: audioLogs(await bucket(aws, 'audio-logs')) });
        },
        resource: 'alias/Prod',
        statuses: { 'bot/Support': 'NOT_APPLICABLE', 'bot/Support/alias/Prod': 'FAIL' },
      },
      {
        name: 'a key the KMS collector reports as AWS managed',
        emulated: 'moto reports every key, AWS-managed ones included, as KeyManager CUSTOMER',
        stacks: liveAlias('AWS'),
        statuses: { 'bot/Support/alias/Prod': 'FAIL' },
      },
    ],
    UNKNOWN: [
      {
        name: 'the key cannot be described (kms:DescribeKey denied)',
        moto: async (aws) => {
          const key = await kmsKey(aws);
          await lexAlias(aws, await lexBot(aws), { conversationLogSettings: audioLogs(await bucket(aws, 'audio-logs'), key) });
        },
        deny: ['kms:DescribeKey'],
        resource: 'alias/Prod',
        reason: /kms:DescribeKey was denied/,
      },
    ],
  },
} satisfies CheckTable;
