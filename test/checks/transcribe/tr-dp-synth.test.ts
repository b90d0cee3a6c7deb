import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as organizations from 'aws-cdk-lib/aws-organizations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import trDp2 from '../../../checks/data-protection/tr-dp-2-output-kms';
import trDp3 from '../../../checks/data-protection/tr-dp-3-keys';
import trDp5 from '../../../checks/data-protection/tr-dp-5-input-bucket';
import trDp9 from '../../../checks/data-protection/tr-dp-9-ai-opt-out';
import trDp10 from '../../../checks/data-protection/tr-dp-10-custom-artifacts';
import trDp11 from '../../../checks/data-protection/tr-dp-11-no-personal-data';
import type { Check } from '../../../lib/engine/check';
import { synthStack } from '../../helpers/synth';
import { byPath, jobStateMachine } from './fixtures';

const run = (checks: Check[], build: (stack: Stack) => void) => synthStack(build, { checks });

describe('TR-DP-2 output buckets are KMS-encrypted with a customer key (synth: bucket default encryption)', () => {
  const output = (bucket: (stack: Stack) => s3.IBucket) => (stack: Stack) => void jobStateMachine(stack, { OutputBucketName: bucket(stack).bucketName });
  test.each<[string, (stack: Stack) => s3.IBucket, Record<string, string>]>([
    ['SSE-S3', (stack) => new s3.Bucket(stack, 'Out'), { Out: 'FAIL' }],
    ['AWS-managed KMS', (stack) => new s3.Bucket(stack, 'Out', { encryption: s3.BucketEncryption.KMS_MANAGED }), { Out: 'FAIL' }],
    ['a customer-managed key', (stack) => new s3.Bucket(stack, 'Out', { encryption: s3.BucketEncryption.KMS, encryptionKey: new kms.Key(stack, 'Key') }), { Out: 'PASS' }],
    ['a bucket outside the app', (stack) => s3.Bucket.fromBucketName(stack, 'Out', 'elsewhere'), { Flow: 'UNKNOWN' }],
  ])('%s', (_what, bucket, expected) => {
    expect(byPath(run([trDp2], output(bucket)), 'TR-DP-2')).toEqual(expected);
  });

  test('an output bucket named by a transcribe:OutputBucketName condition, tagged PHI: HIGH', () => {
    const out = run([trDp2], (stack) => {
      const bucket = new s3.Bucket(stack, 'Out', { bucketName: 'approved-output' });
      (bucket.node.defaultChild as s3.CfnBucket).tags.setTag('data-classification', 'phi');
      new iam.Role(stack, 'App', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(
        new iam.PolicyStatement({ actions: ['transcribe:StartTranscriptionJob'], resources: ['*'], conditions: { StringEquals: { 'transcribe:OutputBucketName': 'approved-output' } } }),
      );
    });
    expect(out.of('TR-DP-2').map((f) => [f.resource.logicalId, f.status, f.severity])).toEqual([[expect.stringMatching(/^Out/), 'FAIL', 'HIGH']]);
  });
});

describe('TR-DP-3 keys Transcribe encrypts with', () => {
  const keyed = (key: (stack: Stack) => string) => (stack: Stack) => void jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: key(stack) });
  test.each<[string, (stack: Stack) => string, Record<string, string>]>([
    ['rotated symmetric key', (stack) => new kms.Key(stack, 'Key', { enableKeyRotation: true }).keyArn, { Key: 'PASS,PASS,PASS,PASS' }],
    ['unrotated key', (stack) => new kms.Key(stack, 'Key').keyArn, { Key: 'PASS,PASS,PASS,FAIL' }],
    ['AWS-managed key', () => 'alias/aws/s3', { Flow: 'FAIL' }],
    ['a key of another account by full ARN', () => 'arn:aws:kms:us-east-1:999999999999:key/abcd', { Flow: 'PASS' }],
    ['a key id outside the app', () => '1234abcd-12ab-34cd-56ef-1234567890ab', { Flow: 'UNKNOWN' }],
    ['a key from a parameter', (stack) => new CfnParameter(stack, 'K').valueAsString, { Flow: 'UNKNOWN' }],
  ])('%s', (_what, key, expected) => {
    expect(byPath(run([trDp3], keyed(key)), 'TR-DP-3')).toEqual(expected);
  });
});

describe('TR-DP-5 input buckets', () => {
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    [
      'a hardened vocabulary source bucket',
      (stack) => {
        const bucket = new s3.Bucket(stack, 'In', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true });
        new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', vocabularyFileUri: `s3://${bucket.bucketName}/v.txt` });
      },
      { In: 'PASS,PASS,PASS' },
    ],
    [
      'a media bucket without TLS policy or Block Public Access',
      (stack) => void jobStateMachine(stack, { Media: { MediaFileUri: Fn.join('', ['s3://', new s3.Bucket(stack, 'In', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS }).bucketName, '/a.wav']) } }),
      { In: 'PASS,FAIL,FAIL' },
    ],
    [
      'a bucket granted to a data-access role for reading',
      (stack) => new s3.Bucket(stack, 'In', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true }).grantRead(new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') })),
      { In: 'PASS,PASS,PASS' },
    ],
    ['a media URI from the state input', (stack) => void jobStateMachine(stack, { Media: { 'MediaFileUri.$': '$.uri' } }), { Flow: 'UNKNOWN' }],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trDp5], build), 'TR-DP-5')).toEqual(expected);
  });
});

describe('TR-DP-9 AI-services opt-out covers Transcribe', () => {
  const withPolicy = (content: unknown) => (stack: Stack) => {
    new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] });
    if (content) new organizations.CfnPolicy(stack, 'OptOut', { name: 'o', type: 'AISERVICES_OPT_OUT_POLICY', content });
  };
  test.each<[string, unknown, Record<string, string>]>([
    ['transcribe opted out', { services: { transcribe: { opt_out_policy: { '@@assign': 'optOut' } } } }, { OptOut: 'PASS' }],
    ['only lex opted out', { services: { lex: { opt_out_policy: { '@@assign': 'optOut' } } } }, { OptOut: 'FAIL' }],
    ['no policy in the app', undefined, { Test: 'FAIL' }],
  ])('%s', (_what, content, expected) => {
    expect(byPath(run([trDp9], withPolicy(content)), 'TR-DP-9')).toEqual(expected);
  });

  test('an app that only starts jobs from a state machine is a Transcribe workload', () => {
    const out = run([trDp9], (stack) => void jobStateMachine(stack, {}));
    expect(out.of('TR-DP-9').map((f) => [f.status, f.severity])).toEqual([['FAIL', 'INFO']]);
  });

  test('UNKNOWN: a policy whose content comes from a parameter', () => {
    const out = run([trDp9], (stack) => withPolicy(new CfnParameter(stack, 'Content').valueAsString)(stack));
    expect(byPath(out, 'TR-DP-9')).toEqual({ OptOut: 'UNKNOWN' });
  });
});

describe('TR-DP-10 custom artifacts (synth: source buckets)', () => {
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    [
      'a filter file in a KMS bucket',
      (stack) => {
        const bucket = new s3.Bucket(stack, 'Src', { encryption: s3.BucketEncryption.KMS_MANAGED });
        new transcribe.CfnVocabularyFilter(stack, 'Filter', { vocabularyFilterName: 'f', languageCode: 'en-US', vocabularyFilterFileUri: `s3://${bucket.bucketName}/f.txt` });
      },
      { Filter: 'PASS' },
    ],
    [
      'a medical vocabulary file in an SSE-S3 bucket',
      (stack) => {
        const bucket = new s3.Bucket(stack, 'Src');
        new transcribe.CfnMedicalVocabulary(stack, 'Med', { vocabularyName: 'm', languageCode: 'en-US', vocabularyFileUri: `https://s3.us-east-1.amazonaws.com/${bucket.bucketName}/m.txt` });
      },
      { Med: 'FAIL' },
    ],
    ['a file in a bucket outside the app', (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', vocabularyFileUri: 's3://elsewhere/v.txt' }), { Vocab: 'UNKNOWN' }],
    ['inline phrases', (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] }), { Vocab: 'NOT_APPLICABLE' }],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trDp10], build), 'TR-DP-10')).toEqual(expected);
  });
});

describe('TR-DP-11 no personal data in names and tags', () => {
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['a plain name', (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'medical-terms', languageCode: 'en-US', phrases: ['a'] }), { Vocab: 'PASS' }],
    [
      'an email in a tag',
      (stack) => void new transcribe.CfnVocabularyFilter(stack, 'Filter', { vocabularyFilterName: 'f', languageCode: 'en-US', words: ['a'], tags: [{ key: 'owner', value: 'jane.doe@example.com' }] }),
      { Filter: 'FAIL' },
    ],
    [
      'a phone number in a category name',
      (stack) =>
        void new transcribe.CfnCallAnalyticsCategory(stack, 'Cat', {
          categoryName: 'calls-from-+1 555 123 4567',
          rules: [{ nonTalkTimeFilter: { threshold: 1000 } }],
        }),
      { Cat: 'FAIL' },
    ],
    ['a name from a parameter', (stack) => void new transcribe.CfnMedicalVocabulary(stack, 'Med', { vocabularyName: new CfnParameter(stack, 'N').valueAsString, languageCode: 'en-US', vocabularyFileUri: 's3://b/m.txt' }), { Med: 'UNKNOWN' }],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trDp11], build), 'TR-DP-11')).toEqual(expected);
  });
});
