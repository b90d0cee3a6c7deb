import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { bucket, kmsKey, medicalJob, putTranscript, transcriptionJob, type Sse } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const output = (name: string, out: (stack: Stack) => s3.IBucket, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => void jobStateMachine(stack, { OutputBucketName: out(stack).bucketName }),
  statuses,
});

/** A customer-bucket job calls-1 whose transcript object (if any) and bucket default are encrypted as given. */
const motoJob = (setup: { object?: 'AES256' | 'key'; bucket?: 'AES256' | 'key' }) => async (aws: Seed) => {
  const key = await kmsKey(aws);
  await bucket(aws, 'transcripts', setup.bucket === 'key' ? { kmsKey: key } : {});
  const sse: Sse | undefined = setup.object === 'key' ? { kmsKey: key } : setup.object;
  if (sse) await putTranscript(aws, 'transcripts', 'calls-1.json', sse);
  await transcriptionJob(aws, 'calls-1', { bucket: 'transcripts' });
};
const evidence = (props: Record<string, unknown>) => [scope([liveResource(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', OutputLocationType: 'CUSTOMER_BUCKET', ...props })])];

export default {
  synth: {
    PASS: [output('an output bucket under a customer-managed key', (s) => new s3.Bucket(s, 'Out', { encryption: s3.BucketEncryption.KMS, encryptionKey: new kms.Key(s, 'Key') }), { 'Out[Encryption]': 'PASS' })],
    FAIL: [
      output('an SSE-S3 output bucket', (s) => new s3.Bucket(s, 'Out'), { 'Out[Encryption]': 'FAIL' }),
      output('an output bucket under the AWS-managed KMS key', (s) => new s3.Bucket(s, 'Out', { encryption: s3.BucketEncryption.KMS_MANAGED }), { 'Out[Encryption]': 'FAIL' }),
      {
        // The corpus's HealthScribe sample: clinical notes are PHI, so SSE-S3 is HIGH whatever the tags say.
        name: 'the SSE-S3 bucket of an app that starts HealthScribe jobs: HIGH',
        cdk: (stack) => {
          const notes = new s3.Bucket(stack, 'Out');
          notes.grantReadWrite(new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') }));
          new iam.Role(stack, 'Starter', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['transcribe:StartMedicalScribeJob'], resources: ['*'] }));
        },
        statuses: { 'Out[Encryption]': 'FAIL' },
        severity: 'HIGH',
        reason: /PHI: Starter.* is allowed transcribe:StartMedicalScribeJob/,
      },
      {
        name: 'a bucket named as bucket and bucket/* is one finding',
        cdk: (stack) => {
          const out = new s3.Bucket(stack, 'Out');
          new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [out.bucketArn, `${out.bucketArn}/*`] }));
        },
        statuses: { 'Out[Encryption]': 'FAIL' },
      },
      {
        name: 'an output bucket named by a transcribe:OutputBucketName condition, tagged PHI: HIGH',
        cdk: (stack) => {
          const out = new s3.Bucket(stack, 'Out', { bucketName: 'approved-output' });
          (out.node.defaultChild as s3.CfnBucket).tags.setTag('data-classification', 'phi');
          new iam.Role(stack, 'App', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(
            new iam.PolicyStatement({ actions: ['transcribe:StartTranscriptionJob'], resources: ['*'], conditions: { StringEquals: { 'transcribe:OutputBucketName': 'approved-output' } } }),
          );
        },
        statuses: { 'Out[Encryption]': 'FAIL' },
        severity: 'HIGH',
      },
    ],
    UNKNOWN: [output('an output bucket outside the app', (s) => s3.Bucket.fromBucketName(s, 'Out', 'elsewhere'), { 'Flow[OutputBucket]': 'UNKNOWN' })],
  },
  live: {
    PASS: [
      { name: 'object headers: a transcript under a customer-managed key', moto: motoJob({ object: 'key' }), statuses: { 'transcription-job/calls-1': 'PASS' }, reason: /S3 encryption headers of the transcript/ },
      { name: 'no transcript object, a customer-managed bucket default', moto: motoJob({ bucket: 'key' }), statuses: { 'transcription-job/calls-1': 'PASS' }, reason: /default encryption of the output bucket/ },
    ],
    FAIL: [
      { name: 'object headers: an SSE-S3 transcript', moto: motoJob({ object: 'AES256' }), statuses: { 'transcription-job/calls-1': 'FAIL' } },
      { name: 'no transcript object and an SSE-S3 bucket default', moto: motoJob({}), statuses: { 'transcription-job/calls-1': 'FAIL' } },
      { name: 'the service-managed bucket', moto: (aws) => transcriptionJob(aws, 'calls-1'), statuses: { 'transcription-job/calls-1': 'FAIL' }, reason: /service-managed/ },
      {
        name: 'a medical job with an SSE-S3 transcript is held at HIGH',
        moto: async (aws) => {
          await bucket(aws, 'transcripts');
          await medicalJob(aws, 'visit-1');
          await putTranscript(aws, 'transcripts', 'medical/visit-1.json', 'AES256');
        },
        statuses: { 'medical-transcription-job/visit-1': 'FAIL' },
        severity: 'HIGH',
      },
    ],
    UNKNOWN: [
      {
        name: 'no transcript object, no CloudTrail event (moto has no LookupEvents), the bucket default denied',
        moto: motoJob({}),
        deny: ['s3:GetBucketEncryption'],
        statuses: { 'transcription-job/calls-1': 'UNKNOWN' },
        reason: /s3:GetBucketEncryption was denied/,
      },
      {
        name: 'a CloudTrail event without a key member',
        emulated: 'moto has no cloudtrail:LookupEvents: a Start…Job event is never found',
        stacks: evidence({ OutputEncryption: { Level: new Unknown('the event carries no output key member'), Evidence: 'cloudtrail' } }),
        statuses: { 'transcription-job/a': 'UNKNOWN' },
        reason: /evidence/,
      },
      {
        name: 'no evidence collected',
        emulated: 'a customer-bucket job without OutputEncryption: the collector always reports one for moto’s jobs',
        stacks: evidence({}),
        statuses: { 'transcription-job/a': 'UNKNOWN' },
        reason: /no evidence of how the output/,
      },
    ],
  },
} satisfies CheckTable;

