import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as organizations from 'aws-cdk-lib/aws-organizations';
import { iamIdentities } from '../../../lib/sources/account/collectors/iam';
import { role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { DEFAULTED, listParameterPolicy, NO_EXPORT, NO_VALUE, splitImportPolicy } from '../unknown-values';

/** Role App (Lambda) allowed `actions` on "*" with `conditions`. */
const grant = (conditions?: Record<string, unknown>, actions = ['transcribe:StartTranscriptionJob']) => (stack: Stack) => {
  new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions, resources: ['*'], conditions }));
};
const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>): CdkCase => ({ name, cdk: build, statuses: { App: 'NOT_APPLICABLE', ...statuses } });
const BOTH = { StringEquals: { 'transcribe:OutputBucketName': 'approved' }, Null: { 'transcribe:OutputEncryptionKMSKeyId': 'false' } };
const at = (key: string) => `App/DefaultPolicy[PolicyDocument::Statement[0]::${key}]`;
const motoGrant = (condition?: Record<string, unknown>) => async (aws: Seed) =>
  void (await role(aws, 'App', trustPolicy('lambda.amazonaws.com'), { inline: { jobs: [{ Effect: 'Allow', Action: 'transcribe:StartTranscriptionJob', Resource: '*', ...(condition ? { Condition: condition } : {}) }] } }));
const collectors = [iamIdentities];

export default {
  synth: {
    PASS: [
      app('both conditions', grant(BOTH), { 'App/DefaultPolicy': 'PASS' }),
      app(
        'an SCP denies jobs without a key',
        (stack) => {
          grant({ StringEquals: { 'transcribe:OutputBucketName': 'approved' } })(stack);
          new organizations.CfnPolicy(stack, 'Scp', {
            name: 'kms',
            type: 'SERVICE_CONTROL_POLICY',
            content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'transcribe:Start*Job', Resource: '*', Condition: { Null: { 'transcribe:OutputEncryptionKMSKeyId': 'true' } } }] },
          });
        },
        { 'App/DefaultPolicy': 'PASS' },
      ),
    ],
    FAIL: [
      { name: 'StartTranscriptionJob from the default of a list parameter', template: listParameterPolicy('Action', '*', 'transcribe:StartTranscriptionJob'), resource: 'Policy', reason: DEFAULTED },
      app('no condition', grant(), { [at('transcribe:OutputBucketName')]: 'FAIL', [at('transcribe:OutputEncryptionKMSKeyId')]: 'FAIL' }),
      app('transcribe:* without the bucket', grant({ Null: { 'transcribe:OutputEncryptionKMSKeyId': 'false' } }, ['transcribe:*']), { [at('transcribe:OutputBucketName')]: 'FAIL', [at('transcribe:OutputLocation')]: 'FAIL' }),
      app('Call Analytics needs OutputLocation', grant(BOTH, ['transcribe:StartCallAnalyticsJob']), { [at('transcribe:OutputLocation')]: 'FAIL' }),
      {
        name: 'AmazonTranscribeFullAccess on a role that Transcribe and Lambda can assume',
        cdk: (stack) =>
          void new iam.Role(stack, 'Both', {
            assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('transcribe.amazonaws.com'), new iam.ServicePrincipal('lambda.amazonaws.com')),
            managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonTranscribeFullAccess')],
          }),
        statuses: { 'Both[ManagedPolicy::AmazonTranscribeFullAccess]': 'FAIL' },
      },
      {
        name: 'AmazonTranscribeFullAccess',
        cdk: (stack) => void new iam.Role(stack, 'App', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonTranscribeFullAccess')] }),
        statuses: { 'App[ManagedPolicy::AmazonTranscribeFullAccess]': 'FAIL' },
      },
    ],
    NOT_APPLICABLE: [
      {
        // The corpus's Post-Call Analytics TranscribeRole: only Transcribe assumes it, so it starts no job; TR-IAM-2 reports its full access.
        name: 'AmazonTranscribeFullAccess on a data-access role only Transcribe can assume',
        cdk: (stack) =>
          void new iam.Role(stack, 'DataAccess', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonTranscribeFullAccess')] }),
        statuses: { DataAccess: 'NOT_APPLICABLE' },
      },
    ],
    UNKNOWN: [
      { name: 'actions from a list parameter without a value', template: listParameterPolicy('Action', '*'), statuses: { 'Policy[PolicyDocument::Statement[0]::Action]': 'UNKNOWN' }, reason: NO_VALUE },
      { name: 'actions split from an import', template: splitImportPolicy('Action', '*'), resource: 'Policy', reason: NO_EXPORT },
      app('bucket from a parameter', (s) => grant({ StringEquals: { 'transcribe:OutputBucketName': new CfnParameter(s, 'B').valueAsString }, Null: { 'transcribe:OutputEncryptionKMSKeyId': 'false' } })(s), {
        [at('transcribe:OutputBucketName')]: 'UNKNOWN',
      }),
    ],
  },
  live: {
    PASS: [{ name: 'StartTranscriptionJob with the bucket and key conditions', moto: motoGrant(BOTH), collectors, statuses: { 'role/App': 'PASS' } }],
    FAIL: [
      {
        name: 'StartTranscriptionJob without conditions',
        moto: motoGrant(),
        collectors,
        statuses: { 'role/App[Policies.0.PolicyDocument::Statement[0]::transcribe:OutputBucketName]': 'FAIL', 'role/App[Policies.0.PolicyDocument::Statement[0]::transcribe:OutputEncryptionKMSKeyId]': 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'iam:GetAccountAuthorizationDetails denied', moto: motoGrant(), collectors, deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
