import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { managedPolicy } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { ACCOUNT } from '../iam/lex-fixtures';
import { listParameterPolicy, NO_EXPORT, NO_VALUE, splitImportPolicy } from '../unknown-values';

const LEX_ONLY = { StringEquals: { 'iam:AWSServiceName': 'lexv2.amazonaws.com' } };
/** What makes a deployer Lex's: it builds bots. */
const buildsBots = () => new iam.PolicyStatement({ actions: ['lex:CreateBot', 'lex:UpdateBot'], resources: [`arn:aws:lex:us-east-1:${ACCOUNT}:bot/*`] });
/** A deployer role with one statement (and, unless `lex` is false, permission to build bots). */
const deployer = (name: string, statement: iam.PolicyStatement, statuses: Record<string, string>, lex = true): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    const role = new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPolicy(statement);
    if (lex) role.addToPolicy(buildsBots());
  },
  statuses: { Deployer: 'NOT_APPLICABLE', ...Object.fromEntries(Object.entries(statuses).map(([k, v]) => [`Deployer/DefaultPolicy${k}`, v])) },
});
const LEX_BUILDER = { Effect: 'Allow', Action: 'lex:CreateBot', Resource: '*' };
const motoPolicy = (statement: Record<string, unknown>) => async (aws: Seed) => void (await managedPolicy(aws, 'slr', [statement, LEX_BUILDER]));

export default {
  synth: {
    PASS: [
      deployer('with iam:AWSServiceName', new iam.PolicyStatement({ actions: ['iam:CreateServiceLinkedRole'], resources: ['*'], conditions: LEX_ONLY }), { '': 'PASS' }),
      deployer('on the Lex role path', new iam.PolicyStatement({ actions: ['iam:DeleteServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots*'] }), { '': 'PASS' }),
    ],
    FAIL: [
      deployer('create and delete on "*"', new iam.PolicyStatement({ actions: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole'], resources: ['*'] }), {
        '[Action::iam:CreateServiceLinkedRole]': 'FAIL',
        '[Action::iam:DeleteServiceLinkedRole]': 'FAIL',
      }),
      deployer('iam:* on "*"', new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] }), { '[Action::iam:*]': 'FAIL' }),
    ],
    UNKNOWN: [
      // Formerly DISPUTED (NOT_APPLICABLE): the actions may include iam:CreateServiceLinkedRole on "*".
      { name: 'actions from a list parameter without a value (a hand-written template)', template: listParameterPolicy('Action', '*'), statuses: { 'Policy[PolicyDocument::Statement[0]::Action]': 'UNKNOWN' }, reason: NO_VALUE },
      { name: 'actions split from an import', template: splitImportPolicy('Action', '*'), resource: 'Policy', reason: NO_EXPORT },
      {
        name: 'CreateServiceLinkedRole on roles from a list parameter without a value',
        template: listParameterPolicy('Resource', ['iam:CreateServiceLinkedRole', 'lex:CreateBot']),
        statuses: { 'Policy[Resource]': 'UNKNOWN' },
        reason: NO_VALUE,
      },
      {
        name: 'a policy document built at deploy time',
        cdk: (stack) => void new iam.CfnManagedPolicy(stack, 'Computed', { policyDocument: Fn.join('', ['{"Statement":', new CfnParameter(stack, 'Doc').valueAsString, '}']) }),
        resource: 'Computed',
      },
    ],
    NOT_APPLICABLE: [
      deployer('no SLR action', new iam.PolicyStatement({ actions: ['lex:RecognizeText'], resources: ['*'] }), { '': 'NOT_APPLICABLE' }),
      // The corpus's Chime Voice Connector stacks: the role creates Chime's service-linked role and has nothing of Lex.
      deployer('create on "*" by a role that has nothing of Lex', new iam.PolicyStatement({ actions: ['iam:CreateServiceLinkedRole'], resources: ['*'] }), { '': 'NOT_APPLICABLE' }, false),
      deployer(
        'scoped to another service with iam:AWSServiceName',
        new iam.PolicyStatement({ actions: ['iam:CreateServiceLinkedRole'], resources: ['*'], conditions: { StringEquals: { 'iam:AWSServiceName': 'voiceconnector.chime.amazonaws.com' } } }),
        { '': 'NOT_APPLICABLE' },
      ),
    ],
  },
  live: {
    PASS: [{ name: 'CreateServiceLinkedRole scoped with iam:AWSServiceName', moto: motoPolicy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*', Condition: LEX_ONLY }), statuses: { 'policy/slr': 'PASS' } }],
    FAIL: [
      { name: 'a customer managed policy with CreateServiceLinkedRole on "*"', moto: motoPolicy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }), statuses: { 'policy/slr[Action::iam:CreateServiceLinkedRole]': 'FAIL' } },
      {
        name: 'an AWS managed policy is AWS’s: not applicable',
        emulated: 'the IAM collector lists customer-managed policies only (GetAccountAuthorizationDetails LocalManagedPolicy): an AWS managed one reaches no check this way',
        stacks: [
          scope(
            [
              liveResource('AWS::IAM::ManagedPolicy', 'policy/slr', { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }, LEX_BUILDER] } }, `arn:aws:iam::${ACCOUNT}:policy/slr`),
              liveResource('AWS::IAM::ManagedPolicy', 'policy/aws', { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }] } }, 'arn:aws:iam::aws:policy/AmazonLexFullAccess'),
            ],
            { region: 'global' },
          ),
        ],
        statuses: { 'policy/slr[Action::iam:CreateServiceLinkedRole]': 'FAIL', 'policy/aws': 'NOT_APPLICABLE' },
      },
    ],
    UNKNOWN: [{ name: 'iam:GetAccountAuthorizationDetails denied', moto: motoPolicy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
