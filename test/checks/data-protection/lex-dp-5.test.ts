import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import lexDp5 from '../../../checks/data-protection/lex-dp-5-audio-log-bucket';
import { ENV, synth, synthStack } from '../../helpers/synth';
import { byConstruct, newAlias, newBot } from './lex-fixtures';
import { Unknown } from '../../../lib/model/values';
import { ACCOUNT, live, runLive, scope } from './live-graph';

const audioLogs = (s3BucketArn: string) => ({
  conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn, logPrefix: 'a/' } } }] },
});

const good: s3.BucketProps = { encryption: s3.BucketEncryption.KMS_MANAGED, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true };
const statuses = (props: s3.BucketProps, options?: Record<string, unknown>) =>
  byConstruct(
    synthStack((stack) => newAlias(stack, newBot(stack), audioLogs(new s3.Bucket(stack, 'Audio', props).bucketArn)), {
      checks: [lexDp5],
      config: options ? { checks: { 'LEX-DP-5': { options } } } : undefined,
    })
      .of('LEX-DP-5')
      .filter((f) => f.resource.logicalId === 'Alias'),
  );
const expected = (overrides: Record<string, string> = {}) => ({
  'Alias[Encryption]': 'PASS',
  'Alias[BlockPublicAccess]': 'PASS',
  'Alias[TlsOnly]': 'PASS',
  'Alias[Location]': 'PASS',
  ...overrides,
});

describe('LEX-DP-5 audio-log bucket posture', () => {
  test.each([
    ['PASS', 'KMS, Block Public Access, TLS-only, same stack', good, expected()],
    ['FAIL', 'no Block Public Access configuration', { ...good, blockPublicAccess: undefined }, expected({ 'Alias[BlockPublicAccess]': 'FAIL' })],
    ['FAIL', 'public policies allowed', { ...good, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY }, expected({ 'Alias[BlockPublicAccess]': 'FAIL' })],
    ['FAIL', 'no TLS-only policy', { ...good, enforceSSL: false }, expected({ 'Alias[TlsOnly]': 'FAIL' })],
    ['PASS', 'no encryption rule: SSE-S3 meets the default minimum', { ...good, encryption: undefined }, expected()],
  ])('%s: %s', (_s, _what, props, want) => {
    expect(statuses(props)).toEqual(want);
  });

  test.each([
    ['aws-managed-kms', s3.BucketEncryption.S3_MANAGED, 'FAIL'],
    ['aws-managed-kms', s3.BucketEncryption.KMS_MANAGED, 'PASS'],
    ['customer-managed-kms', s3.BucketEncryption.KMS_MANAGED, 'FAIL'],
    ['customer-managed-kms', s3.BucketEncryption.KMS, 'PASS'],
  ])('minimum %s, bucket %s: %s', (minimumEncryption, encryption, want) => {
    expect(statuses({ ...good, encryption }, { minimumEncryption })).toEqual(expected({ 'Alias[Encryption]': want }));
  });

  test('the reason names the rung of the ladder', () => {
    const out = synthStack((stack) => {
      const bucket = new s3.Bucket(stack, 'Audio', { ...good, encryption: s3.BucketEncryption.KMS, encryptionKey: new kms.Key(stack, 'Key') });
      newAlias(stack, newBot(stack), audioLogs(bucket.bucketArn));
    }, { checks: [lexDp5] });
    expect(out.of('LEX-DP-5').find((f) => f.findingKey === 'Encryption')?.reason).toMatch(/customer-managed key .* \(level customer-managed-kms\)/);
  });

  test('UNKNOWN: a bucket outside the app, a bucket policy built from a parameter', () => {
    const out = synthStack((stack) => {
      newAlias(stack, newBot(stack), audioLogs('arn:aws:s3:::shared-audio'), 'External');
      const bucket = new s3.Bucket(stack, 'Audio', { ...good, enforceSSL: false });
      new s3.CfnBucketPolicy(stack, 'Policy', { bucket: bucket.bucketName, policyDocument: new CfnParameter(stack, 'PolicyJson').valueAsString });
      newAlias(stack, newBot(stack, {}, 'Bot2'), audioLogs(bucket.bucketArn));
    }, { checks: [lexDp5] });
    const found = byConstruct(out.of('LEX-DP-5').filter((f) => f.status !== 'NOT_APPLICABLE'));
    expect(found).toEqual(expected({ External: 'UNKNOWN', 'Alias[TlsOnly]': 'UNKNOWN' }));
    expect(out.of('LEX-DP-5').find((f) => f.resource.logicalId === 'External')?.reason).toBe('bucket arn:aws:s3:::shared-audio is not defined in this app');
  });

  test('FAIL: a bucket in another Region', () => {
    const out = synth((app) => {
      const logs = new Stack(app, 'Logs', { env: { ...ENV, region: 'eu-west-1' } });
      new s3.Bucket(logs, 'Audio', { ...good, bucketName: 'eu-audio' });
      const bots = new Stack(app, 'Bots', { env: ENV });
      newAlias(bots, newBot(bots), audioLogs('arn:aws:s3:::eu-audio'));
    }, { checks: [lexDp5] });
    const location = out.of('LEX-DP-5').find((f) => f.resource.logicalId === 'Alias' && f.findingKey === 'Location');
    expect(location).toMatchObject({ status: 'FAIL', reason: 'bucket eu-audio is in 123456789012/eu-west-1, Alias in 123456789012/us-east-1' });
  });

  test('live: buckets, their policies, Regions and owners as collectors emit them', () => {
    const alias = (id: string, bucket: string) =>
      live('AWS::Lex::BotAlias', id, { BotId: 'B1', ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: `arn:aws:s3:::${bucket}` } } }] } });
    // The collector emits a bucket in the scope of the alias that refers to it, with its real place.
    const bucket = (name: string, place: Record<string, unknown>) =>
      live('AWS::S3::Bucket', name, {
        BucketName: name,
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        ...place,
      });
    const tlsOnly = {
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::near', 'arn:aws:s3:::near/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
    };
    const { findings } = runLive(lexDp5, [
      scope('us-east-1', [
        bucket('near', { Region: 'us-east-1', OwnerAccount: ACCOUNT }),
        live('AWS::S3::BucketPolicy', 'near-policy', { Bucket: 'near', PolicyDocument: JSON.stringify(tlsOnly) }),
        bucket('far', { Region: 'eu-west-1', OwnerAccount: ACCOUNT }),
        bucket('foreign', { Region: 'us-east-1', OwnerAccount: new Unknown('s3:HeadBucket was denied (403)') }),
        alias('Near', 'near'),
        alias('Far', 'far'),
        alias('Foreign', 'foreign'),
      ]),
    ]);
    const by = (id: string) => Object.fromEntries(findings.filter((f) => f.resource.logicalId === id).map((f) => [f.findingKey, f.status]));
    expect(by('Near')).toEqual({ Encryption: 'PASS', BlockPublicAccess: 'PASS', TlsOnly: 'PASS', Location: 'PASS' });
    expect(by('Far')).toEqual({ Encryption: 'PASS', BlockPublicAccess: 'PASS', TlsOnly: 'FAIL', Location: 'FAIL' });
    expect(by('Foreign').Location).toBe('UNKNOWN');
  });
});
