import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/infrastructure/lex-net-3-network-conditions';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, LIVE_BOT, live, statusesOf } from '../monitoring/fixtures';

const ID = 'LEX-NET-3';
const ALIAS = 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID1/ALIAS1';

function caller(stack: Stack, statement: iam.PolicyStatementProps) {
  const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement(statement));
  return role;
}

/** Statuses of the findings on IAM resources (the policy holders), in order. */
function statuses(build: (stack: Stack) => void): string[] {
  return synthStack(build)
    .of(ID)
    .filter((f) => f.resource.type.startsWith('AWS::IAM::'))
    .map((f) => f.status);
}

describe('LEX-NET-3 runtime permissions pinned to a network origin', () => {
  test.each<[string, string, (stack: Stack) => void]>([
    ['FAIL', 'lex:RecognizeText from anywhere', (stack) => caller(stack, { actions: ['lex:RecognizeText'], resources: [ALIAS] })],
    ['FAIL', 'lex:Recognize* from anywhere', (stack) => caller(stack, { actions: ['lex:Recognize*'], resources: [ALIAS] })],
    [
      'PASS',
      'runtime actions through one VPC endpoint',
      (stack) => caller(stack, { actions: ['lex:RecognizeText', 'lex:PutSession'], resources: [ALIAS], conditions: { StringEquals: { 'aws:sourceVpce': 'vpce-0123' } } }),
    ],
    [
      'UNKNOWN',
      'a policy document built at deploy time',
      (stack) => new iam.CfnManagedPolicy(stack, 'Computed', { policyDocument: Fn.join('', ['{"Statement":', new CfnParameter(stack, 'Doc').valueAsString, '}']) }),
    ],
    [
      'FAIL',
      'AmazonLexRunBotsOnly attached',
      (stack) =>
        new iam.Role(stack, 'Caller', {
          assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
          managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexRunBotsOnly')],
        }),
    ],
  ])('%s: %s', (expected, _what, build) => {
    expect(statuses(build)).toEqual([expected]);
  });

  test('build-time actions and admin wildcards are not judged', () => {
    expect(
      statuses((stack) => {
        caller(stack, { actions: ['lex:UpdateBot'], resources: ['*'] });
        new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal(), inlinePolicies: { all: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })] }) } });
      }),
    ).toEqual([]);
  });

  test('live: inline policies from GetAccountAuthorizationDetails', () => {
    const role = {
      type: 'AWS::IAM::Role',
      id: 'web-bot-caller',
      arn: `arn:aws:iam::${ACCOUNT}:role/web-bot-caller`,
      props: {
        RoleName: 'web-bot-caller',
        Policies: [
          { PolicyName: 'talk', PolicyDocument: { Statement: [{ Sid: 'Talk', Effect: 'Allow', Action: 'lex:RecognizeText', Resource: ALIAS, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] } },
        ],
      },
    };
    expect(statusesOf(live([check], [LIVE_BOT, role]))).toEqual({ 'web-bot-caller': 'PASS' });
  });
});
