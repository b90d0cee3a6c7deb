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
      {
        // The corpus's Live Call Analytics roles: `bucket` and `bucket/*` of a parameter are one bucket, so one finding.
        name: 'a data-access role on a bucket named by a parameter, as bucket and bucket/* (a hand-written template)',
        template: `
Parameters:
  BucketName: { Type: String }
Resources:
  Access:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: transcribe.streaming.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: data
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject]
                Resource: [!Sub 'arn:aws:s3:::\${BucketName}', !Sub 'arn:aws:s3:::\${BucketName}/*']
`,
        statuses: { 'Access[OutputBucket]': 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [{ name: 'the bucket of a transcript is versioned (GetBucketVersioning)', moto: motoOutput(true), collectors, statuses: { 'bucket/transcripts': 'PASS' } }],
    FAIL: [{ name: 'the bucket of a transcript is not versioned', moto: motoOutput(false), collectors, statuses: { 'bucket/transcripts': 'FAIL' } }],
    UNKNOWN: [{ name: 's3:GetBucketVersioning denied', moto: motoOutput(true), collectors, deny: ['s3:GetBucketVersioning'], statuses: { 'bucket/transcripts': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
