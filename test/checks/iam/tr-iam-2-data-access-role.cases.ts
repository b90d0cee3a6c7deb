import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { iamIdentities } from '../../../lib/sources/account/collectors/iam';
import { transcribeJobs } from '../../../lib/sources/account/collectors/transcribe/jobs';
import { role, transcriptionJob, trustPolicy } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';


const trusted = (stack: Stack) => new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') });
const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>): CdkCase => ({ name, cdk: build, statuses });
/** A role trusted by Transcribe with one inline statement. */
const motoRole = (statement: unknown) => async (aws: Seed) => void (await role(aws, 'TranscribeData', trustPolicy('transcribe.amazonaws.com'), { inline: { data: [statement] } }));
const ECHO = 'moto never echoes JobExecutionSettings in GetTranscriptionJob';

export default {
  synth: {
    PASS: [
      app(
        'scoped S3 and KMS grants',
        (stack) => {
          const r = trusted(stack);
          new s3.Bucket(stack, 'Media').grantRead(r);
          new kms.Key(stack, 'Key').grantEncryptDecrypt(r);
        },
        { Access: 'PASS' },
      ),
      app(
        // CDK's grantRead (s3:GetObject*, s3:GetBucket*, s3:List*) and grantPut: wildcards judged for what they allow, reads and puts.
        'CDK read and put grants on the media and output buckets',
        (stack) => {
          const r = trusted(stack);
          new s3.Bucket(stack, 'Media').grantRead(r);
          new s3.Bucket(stack, 'Output').grantPut(r);
        },
        { Access: 'PASS' },
      ),
    ],
    FAIL: [
      { ...app('s3:* on every resource: HIGH', (stack) => trusted(stack).addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })), { 'Access[Action::s3:*]': 'FAIL', 'Access[Resource::*]': 'FAIL' }), findingKey: 'Action::s3:*', severity: 'HIGH' },
      {
        // The corpus's Post-Call Analytics TranscribeRole: every bucket of the account is open to every job using the role.
        ...app('AmazonS3FullAccess attached: HIGH', (stack) => trusted(stack).addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess')), { 'Access[ManagedPolicy::AmazonS3FullAccess]': 'FAIL' }),
        severity: 'HIGH',
        reason: /s3:\*/,
      },
      {
        // Known from its document, not UNKNOWN: logs actions on "*" are more than a data-access role needs.
        ...app('AWSLambdaBasicExecutionRole attached', (stack) => trusted(stack).addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')), {
          'Access[ManagedPolicy::AWSLambdaBasicExecutionRole]': 'FAIL',
        }),
        severity: 'MEDIUM',
        reason: /logs:CreateLogGroup/,
      },
      app('CDK grantReadWrite: s3:DeleteObject* takes in deletions', (stack) => void new s3.Bucket(stack, 'Output').grantReadWrite(trusted(stack)), { 'Access[Action::s3:DeleteObject*]': 'FAIL' }),
      {
        // The corpus's HealthScribe sample: a key ARN without a Region matches no key.
        name: 'kms:Decrypt on a key ARN without a Region (a hand-written template)',
        template: `
Resources:
  Access:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: transcribe.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: kms
          PolicyDocument: { Statement: [{ Effect: Allow, Action: kms:Decrypt, Resource: !Sub 'arn:aws:kms::\${AWS::AccountId}:key/*' }] }
`,
        statuses: { 'Access[Resource::arn:aws:kms::${AWS::AccountId}:key/*]': 'FAIL' },
        reason: /matches no resource/,
      },
      app('kms:Decrypt on every key of the account', (stack) => trusted(stack).addToPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['arn:aws:kms:us-east-1:123456789012:key/*'] })), {
        'Access[Resource::arn:aws:kms:us-east-1:123456789012:key/*]': 'FAIL',
      }),
      app(
        'a role named by a vocabulary, trusted by nobody in particular',
        (stack) => {
          const r = new iam.Role(stack, 'Access', { assumedBy: new iam.AccountRootPrincipal() });
          r.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
          new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'terms', languageCode: 'en-US', vocabularyFileUri: 's3://b/terms.txt', dataAccessRoleArn: r.roleArn });
        },
        { 'Access[Resource::*]': 'FAIL' },
      ),
    ],
    UNKNOWN: [
      app(
        'a role from a parameter',
        (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'terms', languageCode: 'en-US', phrases: ['a'], dataAccessRoleArn: new CfnParameter(stack, 'RoleArn').valueAsString }),
        { 'Vocab[DataAccessRole::DataAccessRoleArn]': 'UNKNOWN' },
      ),
    ],
  },
  live: {
    PASS: [{ name: 's3:GetObject on the media bucket', moto: motoRole({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }), statuses: { 'role/TranscribeData': 'PASS' } }],
    FAIL: [
      { name: 's3:* on every resource', moto: motoRole({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), statuses: { 'role/TranscribeData[Action::s3:*]': 'FAIL', 'role/TranscribeData[Resource::*]': 'FAIL' } },
      {
        name: 'the role of a job (JobExecutionSettings), trusted by nobody in particular',
        moto: async (aws) => {
          const arn = await role(aws, 'JobRole', trustPolicy('lambda.amazonaws.com'), { inline: { p: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } });
          await transcriptionJob(aws, 'calls-1', { role: arn });
        },
        collectors: [iamIdentities, transcribeJobs],
        bridged: ECHO,
        statuses: { 'role/JobRole[Action::*]': 'FAIL', 'role/JobRole[Resource::*]': 'FAIL' },
      },
    ],
    UNKNOWN: [
      { name: 'iam:GetAccountAuthorizationDetails denied', moto: motoRole({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } },
      {
        name: 'a job role outside the account scan',
        emulated: 'a job whose role the IAM collector did not return (another account’s role)',
        stacks: [scope([liveResource(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', JobExecutionSettings: { DataAccessRoleArn: 'arn:aws:iam::999999999999:role/Shared' } })])],
        resource: 'transcription-job/a',
      },
    ],
  },
} satisfies CheckTable;

