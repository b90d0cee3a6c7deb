import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { managedPolicy, role, trustPolicy } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { ACCOUNT } from './lex-fixtures';
import { DEFAULTED, listParameterPolicy, NO_EXPORT, NO_VALUE, splitImportPolicy } from '../unknown-values';

const appRole = (stack: Stack, id: string) => new iam.Role(stack, id, { assumedBy: new iam.AccountRootPrincipal() });
const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>, options?: Record<string, unknown>): CdkCase => ({ name, cdk: build, statuses, options });
const admin = (stack: Stack) => {
  const r = appRole(stack, 'LexAdmin');
  r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexFullAccess'));
  r.addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: ['*'] }));
};
const LAMBDA = trustPolicy('lambda.amazonaws.com');
const motoLexPolicy = (statements: unknown[]) => async (aws: Seed) => void (await role(aws, 'App', LAMBDA, { managed: [await managedPolicy(aws, 'Lex', statements)] }));

export default {
  synth: {
    PASS: [
      app(
        'AmazonLexRunBotsOnly and scoped lex actions',
        (stack) => {
          const r = appRole(stack, 'App');
          r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexRunBotsOnly'));
          r.addToPolicy(new iam.PolicyStatement({ actions: ['lex:RecognizeText'], resources: ['*'] }));
        },
        { App: 'PASS', 'App/DefaultPolicy': 'PASS' },
      ),
      app('admin roles named in adminRolePatterns may hold it', admin, { LexAdmin: 'PASS', 'LexAdmin/DefaultPolicy': 'PASS' }, { adminRolePatterns: ['*LexAdmin*'] }),
    ],
    FAIL: [
      { name: 'lex:* from the default of a list parameter', template: listParameterPolicy('Action', '*', 'lex:*,s3:GetObject'), resource: 'Policy', findingKey: 'Action::lex:*', reason: DEFAULTED },
      app('AmazonLexFullAccess on an app role', (stack) => appRole(stack, 'App').addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexFullAccess')), { 'App[Policy::AmazonLexFullAccess]': 'FAIL' }),
      app('lex:* on "*" in an attached policy', (stack) => appRole(stack, 'App').addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: ['*'] })), { App: 'NOT_APPLICABLE', 'App/DefaultPolicy[Action::lex:*]': 'FAIL' }),
      app(
        'lex:* on "*" in a managed policy attached to a user',
        (stack) => void new iam.ManagedPolicy(stack, 'Managed', { statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })], users: [new iam.User(stack, 'Dev')] }),
        { 'Managed[Action::*]': 'FAIL', Dev: 'NOT_APPLICABLE' },
      ),
      app('an admin role outside adminRolePatterns', admin, { 'LexAdmin[Policy::AmazonLexFullAccess]': 'FAIL', 'LexAdmin/DefaultPolicy[Action::lex:*]': 'FAIL' }),
      {
        // bot/* is every bot of the account and Region: as broad as "*" for lex:*.
        ...app('lex:* on every bot (bot/*)', (stack) => appRole(stack, 'App').addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: [`arn:aws:lex:us-east-1:${ACCOUNT}:bot/*`] })), {
          App: 'NOT_APPLICABLE',
          'App/DefaultPolicy[Action::lex:*]': 'FAIL',
        }),
        reason: /every bot/,
      },
    ],
    NOT_APPLICABLE: [
      // The corpus had 70 PASS on Lambda roles for DynamoDB, SQS, KVS and Comprehend: no verdict says anything there.
      app('a role that allows nothing of Lex', (stack) => appRole(stack, 'App').addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['*'] })), {
        App: 'NOT_APPLICABLE',
        'App/DefaultPolicy': 'NOT_APPLICABLE',
      }),
    ],
    UNKNOWN: [
      { name: 'actions from a list parameter without a value', template: listParameterPolicy('Action', '*'), resource: 'Policy', reason: NO_VALUE },
      { name: 'actions split from an import', template: splitImportPolicy('Action', '*'), resource: 'Policy', reason: NO_EXPORT },
      { name: 'lex:* on resources from a list parameter without a value', template: listParameterPolicy('Resource', 'lex:*'), statuses: { 'Policy[Resource]': 'UNKNOWN' }, reason: NO_VALUE },
      {
        name: 'managed policies from a list parameter without a value',
        template: { Parameters: { Values: { Type: 'CommaDelimitedList' } }, Resources: { App: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, ManagedPolicyArns: { Ref: 'Values' }, Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'lex:RecognizeText', Resource: '*' }] } }] } } } },
        statuses: { 'App[Policy::AmazonLexFullAccess]': 'UNKNOWN' },
        reason: NO_VALUE,
      },
      app(
        'a policy attached to a role named by a parameter',
        (stack) => void new iam.CfnPolicy(stack, 'Loose', { policyName: 'p', roles: [new CfnParameter(stack, 'RoleName').valueAsString], policyDocument: { Statement: [{ Effect: 'Allow', Action: 'lex:*', Resource: '*' }] } }),
        { 'Loose[Action::lex:*]': 'UNKNOWN' },
      ),
    ],
  },
  live: {
    PASS: [
      { name: 'a customer-managed policy with lex:RecognizeText on an alias', moto: motoLexPolicy([{ Effect: 'Allow', Action: 'lex:RecognizeText', Resource: `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/B/A` }]), resource: 'policy/Lex' },
      {
        name: 'AmazonLexReadOnly on a role read from the account',
        emulated: 'a second shape of the same answer, kept from the unit test it replaces',
        stacks: [scope([liveResource('AWS::IAM::Role', 'role/Admin', { RoleName: 'Admin', ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonLexReadOnly'] }, `arn:aws:iam::${ACCOUNT}:role/Admin`)], { region: 'global' })],
        statuses: { 'role/Admin': 'PASS' },
      },
    ],
    FAIL: [
      {
        name: 'AmazonLexFullAccess on a workload role',
        moto: async (aws) => void (await role(aws, 'App', LAMBDA, { managed: ['arn:aws:iam::aws:policy/AmazonLexFullAccess'] })),
        awsManagedPolicies: true,
        statuses: { 'role/App[Policy::AmazonLexFullAccess]': 'FAIL' },
      },
      { name: 'a customer-managed policy with lex:* on "*" attached to a workload role', moto: motoLexPolicy([{ Effect: 'Allow', Action: 'lex:*', Resource: '*' }]), resource: 'policy/Lex' },
      {
        name: 'AmazonLexFullAccess as a literal ARN of another partition',
        emulated: 'moto has the aws partition only',
        stacks: [scope([liveResource('AWS::IAM::Role', 'role/App', { RoleName: 'App', ManagedPolicyArns: ['arn:aws-us-gov:iam::aws:policy/AmazonLexFullAccess'] }, `arn:aws:iam::${ACCOUNT}:role/App`)], { region: 'global' })],
        statuses: { 'role/App[Policy::AmazonLexFullAccess]': 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'iam:GetAccountAuthorizationDetails denied', moto: motoLexPolicy([{ Effect: 'Allow', Action: 'lex:*', Resource: '*' }]), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
