import type { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { LANGUAGE_MODEL, MEDICAL_VOCABULARY } from '../../../lib/model/types/transcribe';
import { vocabulary } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type ResourcesCase } from '../../tester';

const CMK = 'arn:aws:kms:us-east-1:123456789012:key/cmk';
const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>): CdkCase => ({ name, cdk: build, statuses });
const NO_KEY_EVIDENCE = 'moto 5.2 returns no EncryptionConfiguration, has no cloudtrail:LookupEvents and no language models: the key of an artifact is never known';
const model = (name: string, props: Record<string, unknown>, statuses: Record<string, string>, extra: ResourcesCase['stacks'][number]['resources'] = []): ResourcesCase => ({
  name,
  emulated: NO_KEY_EVIDENCE,
  stacks: [scope([...extra, liveResource(LANGUAGE_MODEL, 'language-model/m', { ModelName: 'm', ...props })])],
  statuses,
});
const bucketOf = (name: string, props: Record<string, unknown> = {}) => liveResource('AWS::S3::Bucket', `bucket/${name}`, { BucketName: name, ...props }, `arn:aws:s3:::${name}`);

export default {
  synth: {
    PASS: [
      app(
        'a filter file in a KMS bucket',
        (stack) => {
          const src = new s3.Bucket(stack, 'Src', { encryption: s3.BucketEncryption.KMS_MANAGED });
          new transcribe.CfnVocabularyFilter(stack, 'Filter', { vocabularyFilterName: 'f', languageCode: 'en-US', vocabularyFilterFileUri: `s3://${src.bucketName}/f.txt` });
        },
        { 'Filter[Source]': 'PASS' },
      ),
    ],
    FAIL: [
      app(
        'a medical vocabulary file in an SSE-S3 bucket',
        (stack) => {
          const src = new s3.Bucket(stack, 'Src');
          new transcribe.CfnMedicalVocabulary(stack, 'Med', { vocabularyName: 'm', languageCode: 'en-US', vocabularyFileUri: `https://s3.us-east-1.amazonaws.com/${src.bucketName}/m.txt` });
        },
        { 'Med[Source]': 'FAIL' },
      ),
    ],
    UNKNOWN: [app('a file in a bucket outside the app', (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', vocabularyFileUri: 's3://elsewhere/v.txt' }), { 'Vocab[Source]': 'UNKNOWN' })],
    NOT_APPLICABLE: [app('inline phrases', (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] }), { Vocab: 'NOT_APPLICABLE' })],
  },
  live: {
    PASS: [
      model('a model with its own key (CloudTrail)', { EncryptionConfiguration: { KMSKey: CMK, Evidence: 'cloudtrail' } }, { 'language-model/m[EncryptionConfiguration]': 'PASS' }),
      {
        name: 'a medical vocabulary has no key to judge (CreateMedicalVocabulary takes none): its source bucket only',
        emulated: 'moto’s medical vocabularies carry no source URI the collector could follow',
        stacks: [
          scope([
            bucketOf('vocab', { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: CMK } }] } }),
            liveResource(MEDICAL_VOCABULARY, 'medical-vocabulary/v', { VocabularyName: 'v', VocabularyFileUri: 's3://vocab/terms.txt' }),
          ]),
        ],
        statuses: { 'medical-vocabulary/v[Source]': 'PASS' },
      },
    ],
    FAIL: [
      model('a model on an AWS-owned key', { EncryptionConfiguration: { Evidence: 'cloudtrail' } }, { 'language-model/m[EncryptionConfiguration]': 'FAIL' }),
      model(
        'the training-data bucket of a model is SSE-S3',
        { InputDataConfig: { S3Uri: 's3://train/data/' }, EncryptionConfiguration: { KMSKey: CMK, Evidence: 'api-response' } },
        { 'language-model/m[Source]': 'FAIL', 'language-model/m[EncryptionConfiguration]': 'PASS' },
        [bucketOf('train')],
      ),
    ],
    UNKNOWN: [
      { name: 'a vocabulary whose Create… event cannot be looked up', moto: (aws) => vocabulary(aws, 'products'), statuses: { 'vocabulary/products[EncryptionConfiguration]': 'UNKNOWN' } },
      model('no evidence', {}, { 'language-model/m[EncryptionConfiguration]': 'UNKNOWN' }),
    ],
  },
} satisfies CheckTable;
