import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';

const withPolicy = (name: string, policy: string, status: string, options?: Record<string, unknown>): CdkCase => ({
  name,
  cdk: (stack: Stack) => void new iam.Role(stack, 'App', { roleName: 'app', assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(policy)] }),
  statuses: { [status === 'FAIL' ? 'App[Policy::AmazonTranscribeFullAccess]' : 'App']: status },
  options,
});
const motoRole = (policy: string) => async (aws: Seed) => void (await role(aws, 'App', trustPolicy('lambda.amazonaws.com'), { managed: [`arn:aws:iam::aws:policy/${policy}`] }));

export default {
  synth: {
    PASS: [withPolicy('AmazonTranscribeReadOnlyAccess', 'AmazonTranscribeReadOnlyAccess', 'PASS'), withPolicy('AmazonTranscribeFullAccess on a role matched by adminRolePatterns', 'AmazonTranscribeFullAccess', 'PASS', { adminRolePatterns: ['app'] })],
    FAIL: [
      withPolicy('AmazonTranscribeFullAccess', 'AmazonTranscribeFullAccess', 'FAIL'),
      {
        name: 'AmazonTranscribeFullAccess from the default of a list parameter',
        template: {
          Parameters: { Values: { Type: 'CommaDelimitedList', Default: 'arn:aws:iam::aws:policy/AmazonTranscribeFullAccess' } },
          Resources: { App: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, ManagedPolicyArns: { Ref: 'Values' } } } },
        },
        statuses: { 'App[Policy::AmazonTranscribeFullAccess]': 'FAIL' },
        reason: /read from parameter Values at its default/,
      },
    ],
    NOT_APPLICABLE: [
      // Only roles that work with Transcribe get a verdict: the corpus had 34 PASS on Lambda roles for DynamoDB, SQS, KVS.
      withPolicy('a role whose managed policies allow nothing of Transcribe', 'AmazonDynamoDBReadOnlyAccess', 'NOT_APPLICABLE'),
      {
        // TR-IAM-2 reports the same attachment on the role Transcribe assumes, at HIGH: one finding for one fact.
        name: 'AmazonTranscribeFullAccess on a data-access role only Transcribe can assume',
        cdk: (stack) =>
          void new iam.Role(stack, 'DataAccess', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonTranscribeFullAccess')] }),
        statuses: { DataAccess: 'NOT_APPLICABLE' },
      },
    ],
    UNKNOWN: [
      {
        name: 'managed policies from a list parameter without a value',
        template: { Parameters: { Values: { Type: 'CommaDelimitedList' } }, Resources: { App: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, ManagedPolicyArns: { Ref: 'Values' } } } } },
        statuses: { App: 'UNKNOWN' },
        reason: /parameter Values has no value and no default/,
      },
      {
        name: 'AmazonTranscribeFullAccess in one branch of a Fn::If no parameter default decides',
        template: {
          Parameters: { Env: { Type: 'String' } },
          Conditions: { IsDev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] } },
          Resources: {
            App: {
              Type: 'AWS::IAM::Role',
              Properties: {
                AssumeRolePolicyDocument: { Statement: [] },
                ManagedPolicyArns: [{ 'Fn::If': ['IsDev', 'arn:aws:iam::aws:policy/AmazonTranscribeFullAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
              },
            },
          },
        },
        statuses: { App: 'UNKNOWN' },
        reason: /AmazonTranscribeFullAccess is attached when condition IsDev is true, which nothing in the template decides/,
      },
      {
        name: 'a managed policy ARN from a parameter',
        cdk: (stack) => void new iam.CfnRole(stack, 'App', { assumeRolePolicyDocument: {}, managedPolicyArns: [new CfnParameter(stack, 'P').valueAsString] }),
        statuses: { App: 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [
      { name: 'a role with AmazonTranscribeReadOnlyAccess', moto: motoRole('AmazonTranscribeReadOnlyAccess'), awsManagedPolicies: true, statuses: { 'role/App': 'PASS' } },
    ],
    FAIL: [{ name: 'a workload role with AmazonTranscribeFullAccess', moto: motoRole('AmazonTranscribeFullAccess'), awsManagedPolicies: true, statuses: { 'role/App[Policy::AmazonTranscribeFullAccess]': 'FAIL' } }],
    NOT_APPLICABLE: [{ name: 'a role without managed policies', moto: async (aws) => void (await role(aws, 'App', trustPolicy('lambda.amazonaws.com'))), statuses: { 'role/App': 'NOT_APPLICABLE' } }],
    UNKNOWN: [{ name: 'iam:GetAccountAuthorizationDetails denied', moto: async (aws) => void (await role(aws, 'App', trustPolicy('lambda.amazonaws.com'))), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
