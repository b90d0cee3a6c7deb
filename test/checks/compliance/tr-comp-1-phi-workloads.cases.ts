import type { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { transcribeJobs } from '../../../lib/sources/account/collectors/transcribe/jobs';
import { bucket, kmsKey, medicalJob, putTranscript, type Sse } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const CMK = 'arn:aws:kms:us-east-1:123456789012:key/cmk';
const medical = (name: string, extra: (s: Stack) => Record<string, unknown>, keys: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => void jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: new kms.Key(stack, 'Key').keyArn, ContentIdentificationType: 'PHI', ...extra(stack) }, 'startMedicalTranscriptionJob'),
  statuses: Object.fromEntries(Object.entries(keys).map(([k, v]) => [`Flow[${k}]`, v])),
});
const ECHO = 'moto never echoes ContentIdentificationType in medical job summaries or GetMedicalTranscriptionJob';
/** A medical job to bucket transcripts whose transcript object is encrypted as given. */
const motoMedical = (phi: boolean, sse: 'key' | 'AES256') => async (aws: Seed) => {
  const key = await kmsKey(aws);
  await bucket(aws, 'transcripts');
  await medicalJob(aws, 'visit-1', { phi, kmsKey: key });
  const encryption: Sse = sse === 'key' ? { kmsKey: key } : 'AES256';
  await putTranscript(aws, 'transcripts', 'medical/visit-1.json', encryption);
};
const collectors = [transcribeJobs];

export default {
  synth: {
    PASS: [medical('a complete medical job', () => ({}), { 'State::Transcribe': 'PASS' })],
    FAIL: [
      medical('a medical job without PHI identification or key', () => ({ ContentIdentificationType: undefined, OutputEncryptionKMSKeyId: undefined }), {
        'State::Transcribe::CustomerKey': 'FAIL',
        'State::Transcribe::PhiIdentification': 'FAIL',
      }),
      {
        name: 'a standard job tagged PHI relies on redaction',
        cdk: (stack) => void jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: CMK, ContentRedaction: { RedactionType: 'PII' }, Tags: [{ Key: 'data-classification', Value: 'PHI' }] }),
        statuses: { 'Flow[State::Transcribe::PhiIdentification]': 'FAIL' },
      },
      {
        name: 'an unclassified medical vocabulary',
        cdk: (stack) => void new transcribe.CfnMedicalVocabulary(stack, 'Med', { vocabularyName: 'm', languageCode: 'en-US', vocabularyFileUri: 's3://b/m.txt' }),
        statuses: { 'Med[Classification]': 'FAIL' },
      },
    ],
    UNKNOWN: [medical('a medical job whose key comes from the state input', () => ({ OutputEncryptionKMSKeyId: undefined, 'OutputEncryptionKMSKeyId.$': '$.key' }), { 'State::Transcribe::CustomerKey': 'UNKNOWN' })],
  },
  live: {
    PASS: [{ name: 'a medical job with PHI identification, its transcript under a customer-managed key', moto: motoMedical(true, 'key'), collectors, bridged: ECHO, statuses: { 'medical-transcription-job/visit-1': 'PASS' } }],
    FAIL: [
      { name: 'a medical job without PHI identification', moto: motoMedical(false, 'key'), collectors, statuses: { 'medical-transcription-job/visit-1[PhiIdentification]': 'FAIL' } },
      {
        name: 'medical jobs and a PHI-tagged standard job',
        emulated: 'moto never returns Tags on jobs, and has no HealthScribe jobs',
        stacks: [
          scope([
            liveResource(MEDICAL_TRANSCRIPTION_JOB, 'medical-transcription-job/ok', {
              MedicalTranscriptionJobName: 'ok',
              OutputLocationType: 'CUSTOMER_BUCKET',
              ContentIdentificationType: 'PHI',
              OutputEncryption: { Level: 'customer-managed-kms', KeyId: CMK, Evidence: 'object-headers' },
            }),
            liveResource(MEDICAL_SCRIBE_JOB, 'medical-scribe-job/unknown', { MedicalScribeJobName: 'unknown', OutputEncryption: new Unknown('the transcript could not be read') }),
            liveResource(TRANSCRIPTION_JOB, 'transcription-job/tagged', { TranscriptionJobName: 'tagged', OutputLocationType: 'SERVICE_BUCKET', Tags: [{ Key: 'data-classification', Value: 'phi' }] }),
            liveResource(TRANSCRIPTION_JOB, 'transcription-job/plain', { TranscriptionJobName: 'plain', OutputLocationType: 'SERVICE_BUCKET' }),
          ]),
        ],
        then: (findings) =>
          expect(findings.map((f) => [f.resource.logicalId, f.findingKey, f.status])).toEqual([
            ['transcription-job/tagged', 'CustomerBucket', 'FAIL'],
            ['transcription-job/tagged', 'CustomerKey', 'FAIL'],
            ['transcription-job/tagged', 'PhiIdentification', 'FAIL'],
            ['medical-transcription-job/ok', undefined, 'PASS'],
            ['medical-scribe-job/unknown', 'CustomerKey', 'UNKNOWN'],
          ]),
      },
    ],
    UNKNOWN: [{ name: 'the key of the transcript cannot be described (kms:DescribeKey denied)', moto: motoMedical(true, 'key'), collectors, bridged: ECHO, deny: ['kms:DescribeKey'], statuses: { 'medical-transcription-job/visit-1[CustomerKey]': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
