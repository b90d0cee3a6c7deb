import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lex from 'aws-cdk-lib/aws-lex';
import { botArn, lexBot, lexPolicy } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { ACCOUNT, aliasPolicy } from './lex-fixtures';
import { conditionalBot, KEY, OTHER_BRANCH, ROOT } from '../unknown-values';

const allow = (principal: unknown, resource: string) => ({ Effect: 'Allow', Principal: principal, Action: 'lex:RecognizeText', Resource: resource });
const onAlias = (name: string, statements: (stack: Stack, arn: string) => unknown[] | string, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => void aliasPolicy(stack, (arn) => statements(stack, arn)),
  statuses,
});
const motoPolicy = (principal: unknown) => async (aws: Seed) => {
  const arn = botArn(await lexBot(aws));
  await lexPolicy(aws, arn, [allow(principal, arn)]);
};
const TEST_ALIAS = `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/TSTALIASID`;

export default {
  synth: {
    PASS: [
      { name: 'a Fn::If whose branches both name the account', template: conditionalBot(`!If [IsPublic, ${ROOT}, ${ROOT}]`, KEY), resource: 'Policy' },
      onAlias('a role of the app', (s, arn) => [allow({ AWS: new iam.Role(s, 'Caller', { assumedBy: new iam.AccountRootPrincipal() }).roleArn }, arn)], { Policy: 'PASS' }),
      onAlias('a Deny statement for "*"', (_s, arn) => [{ Effect: 'Deny', Principal: '*', Action: 'lex:*', Resource: arn }], { Policy: 'PASS' }),
    ],
    FAIL: [
      {
        // Secure under the defaults; one parameter value away, open to everyone.
        name: 'Principal "*" in the branch of a Fn::If that the parameter defaults do not take',
        template: conditionalBot(`!If [IsPublic, "*", ${ROOT}]`, KEY),
        statuses: { 'Policy[Statement[0]::Principal::*]': 'FAIL' },
        reason: OTHER_BRANCH('IsPublic', true, 'Public'),
      },
      onAlias('Principal "*"', (_s, arn) => [allow('*', arn)], { 'Policy[Statement[0]::Principal::*]': 'FAIL' }),
      onAlias('Principal {AWS: "*"}', (_s, arn) => [allow({ AWS: '*' }, arn)], { 'Policy[Statement[0]::Principal::*]': 'FAIL' }),
      onAlias('NotPrincipal with Allow reaches everyone else', (_s, arn) => [{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:role/x` }, Action: 'lex:*', Resource: arn }], {
        'Policy[Statement[0]::NotPrincipal::*]': 'FAIL',
      }),
      onAlias('two wildcard statements give two granular findings', (_s, arn) => [allow('*', arn), allow({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, arn), allow({ AWS: ['*'] }, arn)], {
        'Policy[Statement[0]::Principal::*]': 'FAIL',
        'Policy[Statement[2]::Principal::*]': 'FAIL',
      }),
      {
        name: 'a policy on a bot outside the app is reported at INFO',
        cdk: (stack) => void new lex.CfnResourcePolicy(stack, 'Policy', { resourceArn: `arn:aws:lex:us-east-1:${ACCOUNT}:bot/OTHER`, policy: { Statement: [allow({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, '*')] } }),
        statuses: { [`Policy[ResourceArn::arn:aws:lex:us-east-1:${ACCOUNT}:bot/OTHER]`]: 'FAIL' },
        severity: 'INFO',
      },
    ],
    UNKNOWN: [
      onAlias('a principal from a parameter without default', (s, arn) => [allow({ AWS: new CfnParameter(s, 'CallerArn').valueAsString }, arn)], { 'Policy[Statement[0]::Principal]': 'UNKNOWN' }),
      onAlias('a policy built from tokens into a JSON string cannot be read', (s, arn) => s.toJsonString({ Statement: [allow('*', arn)] }), { Policy: 'UNKNOWN' }),
    ],
  },
  live: {
    PASS: [
      { name: 'a bot policy for the account root (DescribeResourcePolicy)', moto: motoPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), statuses: { 'bot/Support/policy': 'PASS' } },
      {
        name: 'a policy on the built-in test alias belongs to its bot',
        emulated: 'moto has no built-in TSTALIASID alias',
        stacks: [
          scope([
            liveResource('AWS::Lex::Bot', 'BOTID', { Name: 'Support' }, `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`),
            liveResource('AWS::Lex::ResourcePolicy', 'policy:TSTALIASID', { ResourceArn: TEST_ALIAS, Policy: JSON.stringify({ Statement: [allow({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, TEST_ALIAS)] }) }, TEST_ALIAS),
          ]),
        ],
        statuses: { 'policy:TSTALIASID': 'PASS' },
      },
    ],
    FAIL: [{ name: 'a bot policy allowing "*"', moto: motoPolicy('*'), statuses: { 'bot/Support/policy[Statement[0]::Principal::*]': 'FAIL' } }],
    UNKNOWN: [{ name: 'lex:DescribeResourcePolicy denied', moto: motoPolicy('*'), deny: ['lex:DescribeResourcePolicy'], statuses: { 'bot/Support/policy': 'UNKNOWN' }, reason: /was denied/ }],
  },
} satisfies CheckTable;
