import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { transcribeJobs } from '../../../lib/sources/account/collectors/transcribe/jobs';
import { bucket, transcriptionJob } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const app = (name: string, build: (stack: Stack) => void, status: string): CdkCase => ({ name, cdk: build, statuses: { Out: status } });
const motoOutput = (versioning: boolean) => async (aws: Seed) => {
  await bucket(aws, 'transcripts', { versioning });
  await transcriptionJob(aws, 'calls-1', { bucket: 'transcripts' });
};
const collectors = [transcribeJobs];

export default {
  synth: {
    PASS: [app('versioned', (stack) => void jobStateMachine(stack, { OutputBucketName: new s3.Bucket(stack, 'Out', { versioned: true }).bucketName }), 'PASS')],
    FAIL: [app('not versioned', (stack) => void jobStateMachine(stack, { OutputBucketName: new s3.Bucket(stack, 'Out').bucketName }), 'FAIL')],
    UNKNOWN: [
      app(
        'a bucket written by a data-access role, versioning from a parameter',
        (stack) => {
          const out = new s3.CfnBucket(stack, 'Out', { versioningConfiguration: { status: new CfnParameter(stack, 'V').valueAsString } });
          new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [`${out.attrArn}/*`] }));
        },
        'UNKNOWN',
      ),
    ],
  },
  live: {
    PASS: [{ name: 'the bucket of a transcript is versioned (GetBucketVersioning)', moto: motoOutput(true), collectors, statuses: { 'bucket/transcripts': 'PASS' } }],
    FAIL: [{ name: 'the bucket of a transcript is not versioned', moto: motoOutput(false), collectors, statuses: { 'bucket/transcripts': 'FAIL' } }],
    UNKNOWN: [{ name: 's3:GetBucketVersioning denied', moto: motoOutput(true), collectors, deny: ['s3:GetBucketVersioning'], statuses: { 'bucket/transcripts': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
