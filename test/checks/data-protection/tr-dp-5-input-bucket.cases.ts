import { Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { transcribeJobs } from '../../../lib/sources/account/collectors/transcribe/jobs';
import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { bucket, transcriptionJob } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>): CdkCase => ({ name, cdk: build, statuses });
const facts = (bpa: string, tls: string) => ({ 'In[Encryption]': 'PASS', 'In[BlockPublicAccess]': bpa, 'In[TlsOnly]': tls });
const motoMedia = (hardened: boolean) => async (aws: Seed) => {
  await bucket(aws, 'media', { hardened });
  await transcriptionJob(aws, 'calls-1');
};
const collectors = [transcribeJobs];

export default {
  synth: {
    PASS: [
      app(
        'a hardened vocabulary source bucket',
        (stack) => {
          const input = new s3.Bucket(stack, 'In', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true });
          new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', vocabularyFileUri: `s3://${input.bucketName}/v.txt` });
        },
        facts('PASS', 'PASS'),
      ),
      app(
        'a bucket granted to a data-access role for reading',
        (stack) => new s3.Bucket(stack, 'In', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true }).grantRead(new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') })),
        facts('PASS', 'PASS'),
      ),
    ],
    FAIL: [
      app(
        'a media bucket without TLS policy or Block Public Access',
        (stack) => void jobStateMachine(stack, { Media: { MediaFileUri: Fn.join('', ['s3://', new s3.Bucket(stack, 'In', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS }).bucketName, '/a.wav']) } }),
        facts('FAIL', 'FAIL'),
      ),
      app(
        // The corpus's HealthScribe sample: one statement reads the media and writes the notes; the bucket is read, so it is an input bucket too.
        'a bucket a data-access role reads and writes in one statement',
        (stack) => {
          const b = new s3.Bucket(stack, 'In');
          new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') }).addToPolicy(
            new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'], resources: [b.bucketArn, `${b.bucketArn}/*`] }),
          );
        },
        facts('FAIL', 'FAIL'),
      ),
    ],
    UNKNOWN: [app('a media URI from the state input', (stack) => void jobStateMachine(stack, { Media: { 'MediaFileUri.$': '$.uri' } }), { 'Flow[InputBucket]': 'UNKNOWN' })],
  },
  live: {
    PASS: [{ name: 'the media bucket of a job blocks public access and denies plain HTTP', moto: motoMedia(true), collectors, statuses: { 'bucket/media[Encryption]': 'PASS', 'bucket/media[BlockPublicAccess]': 'PASS', 'bucket/media[TlsOnly]': 'PASS' } }],
    FAIL: [{ name: 'the media bucket of a job without Block Public Access or a TLS-only policy', moto: motoMedia(false), collectors, statuses: { 'bucket/media[Encryption]': 'PASS', 'bucket/media[BlockPublicAccess]': 'FAIL', 'bucket/media[TlsOnly]': 'FAIL' } }],
    UNKNOWN: [
      { name: 's3:GetPublicAccessBlock denied', moto: motoMedia(true), collectors, deny: ['s3:GetPublicAccessBlock'], resource: 'bucket/media', findingKey: 'BlockPublicAccess' },
      { name: 'the media bucket of a job is not in the account', moto: (aws) => transcriptionJob(aws, 'calls-1'), collectors, statuses: { 'transcription-job/calls-1[InputBucket]': 'UNKNOWN' } },
      {
        name: 'a media URI in https form naming a bucket that was not found',
        emulated: 'the https form of a media URI, which moto never returns',
        stacks: [scope([liveResource(TRANSCRIPTION_JOB, 'transcription-job/b', { TranscriptionJobName: 'b', Media: { MediaFileUri: 'https://s3.us-east-1.amazonaws.com/gone/b.wav' } })])],
        statuses: { 'transcription-job/b[InputBucket]': 'UNKNOWN' },
      },
    ],
  },
} satisfies CheckTable;
