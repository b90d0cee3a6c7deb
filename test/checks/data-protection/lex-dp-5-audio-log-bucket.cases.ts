import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ENV } from '../../helpers/synth';
import { Unknown } from '../../../lib/model/values';
import { audioLogs, bucket, kmsKey, lexAlias, lexBot, type BucketProps } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';

const ACCOUNT = '123456789012';
const audioTo = (s3BucketArn: string) => ({ conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn, logPrefix: 'a/' } } }] } });
const good: s3.BucketProps = { encryption: s3.BucketEncryption.KMS_MANAGED, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true };

/** Statuses of the alias's four facts (the bot logs no audio: not applicable). */
const facts = (overrides: Record<string, string> = {}) => ({
  Bot: 'NOT_APPLICABLE',
  'Alias[Encryption]': 'PASS',
  'Alias[BlockPublicAccess]': 'PASS',
  'Alias[TlsOnly]': 'PASS',
  'Alias[Location]': 'PASS',
  ...overrides,
});

/** An alias logging audio to a bucket of the app with `props`. */
const toBucket = (name: string, props: s3.BucketProps, overrides: Record<string, string> = {}, options?: Record<string, unknown>): CdkCase => ({
  name,
  cdk: (stack) => void newAlias(stack, newBot(stack), audioTo(new s3.Bucket(stack, 'Audio', props).bucketArn)),
  statuses: facts(overrides),
  options,
});

/** A moto alias logging audio (under a KMS key) to bucket audio-logs made with `props`. */
const motoAudio = (props: (key: string) => BucketProps) => async (aws: Seed) => {
  const key = await kmsKey(aws, { rotation: true });
  await lexAlias(aws, await lexBot(aws), { conversationLogSettings: audioLogs(await bucket(aws, 'audio-logs', props(key)), key) });
};

/** A live alias logging audio to bucket `name`, as the collectors emit both. */
const liveBucketOf = (name: string, place: Record<string, unknown>) => [
  liveResource('AWS::S3::Bucket', name, {
    BucketName: name,
    BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` } }] },
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    ...place,
  }),
  liveResource('AWS::Lex::BotAlias', `alias-${name}`, { BotId: 'B1', ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: `arn:aws:s3:::${name}` } } }] } }),
];

export default {
  synth: {
    PASS: [
      toBucket('KMS, Block Public Access, TLS-only, same stack', good),
      toBucket('no encryption rule: SSE-S3 meets the default minimum', { ...good, encryption: undefined }),
      toBucket('minimum aws-managed-kms, bucket KMS_MANAGED', { ...good, encryption: s3.BucketEncryption.KMS_MANAGED }, {}, { minimumEncryption: 'aws-managed-kms' }),
      toBucket('minimum customer-managed-kms, bucket KMS', { ...good, encryption: s3.BucketEncryption.KMS }, {}, { minimumEncryption: 'customer-managed-kms' }),
      {
        name: 'the reason names the rung of the ladder',
        cdk: (stack) => {
          const audio = new s3.Bucket(stack, 'Audio', { ...good, encryption: s3.BucketEncryption.KMS, encryptionKey: new kms.Key(stack, 'Key') });
          newAlias(stack, newBot(stack), audioTo(audio.bucketArn));
        },
        findingKey: 'Encryption',
        reason: /customer-managed key .* \(level customer-managed-kms\)/,
      },
    ],
    FAIL: [
      toBucket('no Block Public Access configuration', { ...good, blockPublicAccess: undefined }, { 'Alias[BlockPublicAccess]': 'FAIL' }),
      toBucket('public policies allowed', { ...good, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY }, { 'Alias[BlockPublicAccess]': 'FAIL' }),
      toBucket('no TLS-only policy', { ...good, enforceSSL: false }, { 'Alias[TlsOnly]': 'FAIL' }),
      toBucket('minimum aws-managed-kms, bucket S3_MANAGED', { ...good, encryption: s3.BucketEncryption.S3_MANAGED }, { 'Alias[Encryption]': 'FAIL' }, { minimumEncryption: 'aws-managed-kms' }),
      toBucket('minimum customer-managed-kms, bucket KMS_MANAGED', { ...good, encryption: s3.BucketEncryption.KMS_MANAGED }, { 'Alias[Encryption]': 'FAIL' }, { minimumEncryption: 'customer-managed-kms' }),
      {
        name: 'a bucket in another Region',
        cdk: (stack) => {
          const logs = new Stack(stack.node.root as App, 'Logs', { env: { ...ENV, region: 'eu-west-1' } });
          new s3.Bucket(logs, 'Audio', { ...good, bucketName: 'eu-audio' });
          newAlias(stack, newBot(stack), audioTo('arn:aws:s3:::eu-audio'));
        },
        resource: 'Alias',
        findingKey: 'Location',
        reason: /^bucket eu-audio is in 123456789012\/eu-west-1, Alias in 123456789012\/us-east-1$/,
      },
    ],
    UNKNOWN: [
      {
        name: 'a bucket outside the app, a bucket policy built from a parameter',
        cdk: (stack) => {
          newAlias(stack, newBot(stack), audioTo('arn:aws:s3:::shared-audio'), 'External');
          const audio = new s3.Bucket(stack, 'Audio', { ...good, enforceSSL: false });
          new s3.CfnBucketPolicy(stack, 'Policy', { bucket: audio.bucketName, policyDocument: new CfnParameter(stack, 'PolicyJson').valueAsString });
          newAlias(stack, newBot(stack, {}, 'Bot2'), audioTo(audio.bucketArn));
        },
        statuses: { ...facts({ External: 'UNKNOWN', 'Alias[TlsOnly]': 'UNKNOWN' }), Bot2: 'NOT_APPLICABLE' },
        resource: 'External',
        reason: /^bucket arn:aws:s3:::shared-audio is not defined in this app$/,
      },
    ],
  },
  live: {
    PASS: [
      {
        name: 'an SSE-KMS bucket with Block Public Access and a TLS-only policy, in the bot’s account and Region',
        moto: motoAudio((key) => ({ kmsKey: key, hardened: true })),
        statuses: { 'bot/Support': 'NOT_APPLICABLE', ...Object.fromEntries(['Encryption', 'BlockPublicAccess', 'TlsOnly', 'Location'].map((k) => [`bot/Support/alias/Prod[${k}]`, 'PASS'])) },
      },
    ],
    FAIL: [
      { name: 'a bucket without Block Public Access', moto: motoAudio(() => ({})), resource: 'alias/Prod', findingKey: 'BlockPublicAccess' },
      { name: 'a bucket without a TLS-only policy', moto: motoAudio(() => ({})), resource: 'alias/Prod', findingKey: 'TlsOnly' },
      { name: 'a bucket in another Region (GetBucketLocation)', moto: motoAudio((key) => ({ kmsKey: key, hardened: true, region: 'eu-west-1' })), resource: 'alias/Prod', findingKey: 'Location' },
    ],
    UNKNOWN: [
      {
        name: 'the bucket owner cannot be confirmed (s3:HeadBucket denied)',
        moto: motoAudio((key) => ({ kmsKey: key, hardened: true })),
        deny: ['s3:HeadBucket'],
        resource: 'alias/Prod',
        findingKey: 'Location',
        reason: /s3:HeadBucket was denied/,
      },
      {
        name: 'an owner the collector could not confirm, a bucket in another Region',
        emulated: 'moto has one account: a bucket of a foreign owner cannot exist there',
        stacks: [
          scope([
            ...liveBucketOf('far', { Region: 'eu-west-1', OwnerAccount: ACCOUNT }),
            ...liveBucketOf('foreign', { Region: 'us-east-1', OwnerAccount: new Unknown('s3:HeadBucket was denied (403)') }),
          ]),
        ],
        statuses: {
          'alias-far[Encryption]': 'PASS',
          'alias-far[BlockPublicAccess]': 'PASS',
          'alias-far[TlsOnly]': 'FAIL',
          'alias-far[Location]': 'FAIL',
          'alias-foreign[Encryption]': 'PASS',
          'alias-foreign[BlockPublicAccess]': 'PASS',
          'alias-foreign[TlsOnly]': 'FAIL',
          'alias-foreign[Location]': 'UNKNOWN',
        },
      },
    ],
  },
} satisfies CheckTable;
