import trDp1 from '../../../checks/data-protection/tr-dp-1-customer-bucket';
import trDp2 from '../../../checks/data-protection/tr-dp-2-output-kms';
import trDp3 from '../../../checks/data-protection/tr-dp-3-keys';
import trDp4 from '../../../checks/data-protection/tr-dp-4-encryption-context';
import trDp5 from '../../../checks/data-protection/tr-dp-5-input-bucket';
import trDp6 from '../../../checks/data-protection/tr-dp-6-pii-redaction';
import trDp7 from '../../../checks/data-protection/tr-dp-7-unredacted-output';
import trDp8 from '../../../checks/data-protection/tr-dp-8-phi-identification';
import trDp10 from '../../../checks/data-protection/tr-dp-10-custom-artifacts';
import trDp11 from '../../../checks/data-protection/tr-dp-11-no-personal-data';
import { Unknown } from '../../../lib/model/values';
import { ACCOUNT, live, runLive } from './fixtures';
import { CALL_ANALYTICS_JOB, LANGUAGE_MODEL, MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, MEDICAL_VOCABULARY, TRANSCRIPTION_JOB, VOCABULARY } from '../../../lib/model/types/transcribe';

const job = (name: string, props: Record<string, unknown>, type = TRANSCRIPTION_JOB) =>
  live(type, `transcription-job/${name}`, { TranscriptionJobName: name, MedicalTranscriptionJobName: name, CallAnalyticsJobName: name, MedicalScribeJobName: name, ...props });
const CMK = `arn:aws:kms:us-east-1:${ACCOUNT}:key/cmk`;
const key = (id: string, manager: string, extra: Record<string, unknown> = {}) =>
  live('AWS::KMS::Key', `key/${id}`, { KeyManager: manager, KeySpec: 'SYMMETRIC_DEFAULT', Enabled: true, EnableKeyRotation: true, ...extra }, `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`);

describe('TR-DP-1 customer bucket', () => {
  test('service bucket, customer bucket, unknown', () => {
    const { statuses } = runLive(trDp1, [
      job('svc', { OutputLocationType: 'SERVICE_BUCKET' }),
      job('cust', { OutputLocationType: 'CUSTOMER_BUCKET' }, MEDICAL_TRANSCRIPTION_JOB),
      job('unread', { OutputLocationType: new Unknown('ListTranscriptionJobs was denied') }),
    ]);
    expect(statuses).toEqual({ 'transcription-job/svc': 'FAIL', 'transcription-job/cust': 'PASS', 'transcription-job/unread': 'UNKNOWN' });
  });

  test('a Region whose jobs could not be listed is UNKNOWN', () => {
    const { statuses } = runLive(trDp1, [], undefined, [{ types: [TRANSCRIPTION_JOB], reason: 'AccessDenied' }]);
    expect(statuses).toEqual({ [`${ACCOUNT}/us-east-1`]: 'UNKNOWN' });
  });
});

describe('TR-DP-2 output encryption evidence', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['object headers: customer-managed key', { OutputLocationType: 'CUSTOMER_BUCKET', OutputEncryption: { Level: 'customer-managed-kms', KeyId: CMK, Evidence: 'object-headers' } }, 'PASS'],
    ['bucket default: SSE-S3', { OutputLocationType: 'CUSTOMER_BUCKET', OutputEncryption: { Level: 'sse-s3', Evidence: 'bucket-default' } }, 'FAIL'],
    ['service bucket', { OutputLocationType: 'SERVICE_BUCKET' }, 'FAIL'],
    ['CloudTrail event without a key member', { OutputLocationType: 'CUSTOMER_BUCKET', OutputEncryption: { Level: new Unknown('the event carries no output key member'), Evidence: 'cloudtrail' } }, 'UNKNOWN'],
    ['no evidence collected', { OutputLocationType: 'CUSTOMER_BUCKET' }, 'UNKNOWN'],
  ])('%s', (_what, props, expected) => {
    const { statuses, findings } = runLive(trDp2, [job('a', props)]);
    expect(statuses).toEqual({ 'transcription-job/a': expected });
    expect(findings[0].reason).toMatch(/evidence|service-managed/);
  });

  test('medical jobs are held at HIGH', () => {
    const { findings } = runLive(trDp2, [job('m', { OutputLocationType: 'CUSTOMER_BUCKET', OutputEncryption: { Level: 'sse-s3', Evidence: 'object-headers' } }, MEDICAL_TRANSCRIPTION_JOB)]);
    expect(findings.map((f) => [f.status, f.severity])).toEqual([['FAIL', 'HIGH']]);
  });
});

describe('TR-DP-3 keys found through job evidence', () => {
  test('a followed key that does not rotate', () => {
    const { findings } = runLive(trDp3, [
      key('cmk', 'CUSTOMER', { EnableKeyRotation: false }),
      job('a', { OutputLocationType: 'CUSTOMER_BUCKET', OutputEncryption: { Level: 'customer-managed-kms', KeyId: CMK, Evidence: 'object-headers' } }),
    ]);
    expect(findings.map((f) => [f.resource.logicalId, f.findingKey, f.status])).toEqual([
      ['key/cmk', 'KeySpec', 'PASS'],
      ['key/cmk', 'KeyManager', 'PASS'],
      ['key/cmk', 'Enabled', 'PASS'],
      ['key/cmk', 'Rotation', 'FAIL'],
    ]);
  });
});

describe('TR-DP-4 encryption context', () => {
  test.each<[string, unknown, string]>([
    ['a context of identifiers', { Context: { team: 'claims', workload: 'intake' }, Evidence: 'cloudtrail' }, 'PASS'],
    ['no context', { Context: {}, Evidence: 'cloudtrail' }, 'FAIL'],
    ['an email in the context', { Context: { requester: 'jane@example.com' }, Evidence: 'cloudtrail' }, 'FAIL'],
    ['no CloudTrail event in the window', new Unknown('no Start…Job event within 90 days'), 'UNKNOWN'],
  ])('%s', (_what, context, expected) => {
    const { statuses } = runLive(trDp4, [job('a', { OutputLocationType: 'CUSTOMER_BUCKET', KMSEncryptionContext: context })]);
    expect(statuses).toEqual({ 'transcription-job/a': expected });
  });

  test('service-bucket jobs have no key, so no context', () => {
    expect(runLive(trDp4, [job('a', { OutputLocationType: 'SERVICE_BUCKET' })]).statuses).toEqual({ 'transcription-job/a': 'NOT_APPLICABLE' });
  });
});

describe('TR-DP-5 media buckets of live jobs', () => {
  test('a followed bucket and one that was not found', () => {
    const bucket = live('AWS::S3::Bucket', 'bucket/media', { BucketName: 'media', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }, 'arn:aws:s3:::media');
    const { statuses } = runLive(trDp5, [bucket, job('a', { Media: { MediaFileUri: 's3://media/a.wav' } }), job('b', { Media: { MediaFileUri: 'https://s3.us-east-1.amazonaws.com/gone/b.wav' } })]);
    expect(statuses).toEqual({ 'bucket/media': 'PASS,PASS,FAIL', 'transcription-job/b': 'UNKNOWN' });
  });
});

describe('TR-DP-6 PII redaction', () => {
  test.each<[string, Record<string, unknown>, string, string]>([
    ['redacted', { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } }, TRANSCRIPTION_JOB, 'PASS'],
    ['not redacted', {}, TRANSCRIPTION_JOB, 'FAIL'],
    ['Call Analytics, redaction under Settings', { Settings: { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted', PiiEntityTypes: ['NAME'] } } }, CALL_ANALYTICS_JOB, 'PASS'],
    ['Call Analytics settings unreadable', { Settings: new Unknown('GetCallAnalyticsJob was denied') }, CALL_ANALYTICS_JOB, 'UNKNOWN'],
  ])('%s', (_what, props, type, expected) => {
    expect(runLive(trDp6, [job('a', props, type)]).statuses).toEqual({ 'transcription-job/a': expected });
  });
});

describe('TR-DP-7 unredacted output kept', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['redacted only', { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } }, 'PASS'],
    [
      'redacted and unredacted, same bucket',
      {
        ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted_and_unredacted' },
        Transcript: { TranscriptFileUri: 'https://s3.us-east-1.amazonaws.com/out/a.json', RedactedTranscriptFileUri: 'https://s3.us-east-1.amazonaws.com/out/redacted-a.json' },
      },
      'FAIL',
    ],
    ['no redaction', {}, 'NOT_APPLICABLE'],
    ['unreadable', { ContentRedaction: new Unknown('denied') }, 'UNKNOWN'],
  ])('%s', (_what, props, expected) => {
    const { statuses, findings } = runLive(trDp7, [job('a', props)]);
    expect(statuses).toEqual({ 'transcription-job/a': expected });
    if (expected === 'FAIL') expect(findings[0].reason).toContain('same bucket');
  });
});

describe('TR-DP-8 PHI identification', () => {
  test.each([
    ['PHI', 'PASS'],
    [undefined, 'FAIL'],
    [new Unknown('denied'), 'UNKNOWN'],
  ])('ContentIdentificationType %s', (value, expected) => {
    expect(runLive(trDp8, [job('m', { ContentIdentificationType: value }, MEDICAL_TRANSCRIPTION_JOB)]).statuses).toEqual({ 'transcription-job/m': expected });
  });
});

describe('TR-DP-10 artifacts live', () => {
  test.each<[string, unknown, string]>([
    ['a model with its own key', { KMSKey: CMK, Evidence: 'cloudtrail' }, 'PASS'],
    ['a model on an AWS-owned key', { Evidence: 'cloudtrail' }, 'FAIL'],
    ['no evidence', undefined, 'UNKNOWN'],
  ])('%s', (_what, encryption, expected) => {
    const { statuses } = runLive(trDp10, [live(LANGUAGE_MODEL, 'language-model/m', { ModelName: 'm', EncryptionConfiguration: encryption })]);
    expect(statuses).toEqual({ 'language-model/m': expected });
  });

  test('the training-data bucket of a model', () => {
    const bucket = live('AWS::S3::Bucket', 'bucket/train', { BucketName: 'train' }, 'arn:aws:s3:::train');
    const { statuses } = runLive(trDp10, [bucket, live(LANGUAGE_MODEL, 'language-model/m', { ModelName: 'm', InputDataConfig: { S3Uri: 's3://train/data/' }, EncryptionConfiguration: { KMSKey: CMK, Evidence: 'api-response' } })]);
    expect(statuses).toEqual({ 'language-model/m': 'FAIL,PASS' });
  });

  test('a medical vocabulary has no key to judge (CreateMedicalVocabulary takes none): its source bucket only', () => {
    const bucket = live('AWS::S3::Bucket', 'bucket/vocab', { BucketName: 'vocab', BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: CMK } }] } }, 'arn:aws:s3:::vocab');
    const { findings } = runLive(trDp10, [bucket, live(MEDICAL_VOCABULARY, 'medical-vocabulary/v', { VocabularyName: 'v', VocabularyFileUri: 's3://vocab/terms.txt' })]);
    expect(findings.map((f) => `${f.findingKey}:${f.status}`)).toEqual(['Source:PASS']);
  });
});

describe('TR-DP-11 names live', () => {
  test('a job named after a caller, a HealthScribe job, a vocabulary', () => {
    const { statuses } = runLive(trDp11, [
      job('call-555-123-4567', {}),
      live(MEDICAL_SCRIBE_JOB, 'medical-scribe-job/visit-42', { MedicalScribeJobName: 'visit-42' }),
      live(VOCABULARY, 'vocabulary/v', { VocabularyName: 'v', Tags: new Unknown('ListTagsForResource was denied') }),
    ]);
    expect(statuses).toEqual({ 'transcription-job/call-555-123-4567': 'FAIL', 'medical-scribe-job/visit-42': 'PASS', 'vocabulary/v': 'UNKNOWN' });
  });
});
