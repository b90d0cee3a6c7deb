import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { iamIdentities } from '../../../lib/sources/account/collectors/iam';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { lexBot, role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { DEFAULTED, listParameterPolicy, NO_EXPORT, NO_VALUE, splitImportPolicy } from '../unknown-values';

const ALIAS = 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID1/ALIAS1';
const caller = (name: string, statement: iam.PolicyStatementProps, status: string): CdkCase => ({
  name,
  cdk: (stack: Stack) => void new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(new iam.PolicyStatement(statement)),
  resource: 'Caller/DefaultPolicy',
  then: (findings) => expect(findings.filter((f) => f.resource.type.startsWith('AWS::IAM::')).map((f) => f.status)).toEqual([status]),
});
const motoCaller = (condition?: Record<string, unknown>) => async (aws: Seed) => {
  await lexBot(aws);
  await role(aws, 'web-bot-caller', trustPolicy('lambda.amazonaws.com'), { inline: { talk: [{ Sid: 'Talk', Effect: 'Allow', Action: 'lex:RecognizeText', Resource: ALIAS, ...(condition ? { Condition: condition } : {}) }] } });
};
const collectors = [lexBots, iamIdentities];

export default {
  synth: {
    PASS: [caller('runtime actions through one VPC endpoint', { actions: ['lex:RecognizeText', 'lex:PutSession'], resources: [ALIAS], conditions: { StringEquals: { 'aws:sourceVpce': 'vpce-0123' } } }, 'PASS')],
    FAIL: [
      { name: 'lex:RecognizeText from the default of a list parameter', template: listParameterPolicy('Action', '*', 'lex:RecognizeText'), resource: 'Policy', reason: DEFAULTED },
      caller('lex:RecognizeText from anywhere', { actions: ['lex:RecognizeText'], resources: [ALIAS] }, 'FAIL'),
      caller('lex:Recognize* from anywhere', { actions: ['lex:Recognize*'], resources: [ALIAS] }, 'FAIL'),
      {
        name: 'AmazonLexRunBotsOnly attached',
        cdk: (stack) => void new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexRunBotsOnly')] }),
        resource: 'Caller',
        then: (findings) => expect(findings.filter((f) => f.resource.type.startsWith('AWS::IAM::')).map((f) => f.status)).toEqual(['FAIL']),
      },
    ],
    UNKNOWN: [
      { name: 'actions from a list parameter without a value', template: listParameterPolicy('Action', '*'), statuses: { 'Policy[Statement::0]': 'UNKNOWN' }, reason: NO_VALUE },
      { name: 'actions split from an import', template: splitImportPolicy('Action', '*'), resource: 'Policy', reason: NO_EXPORT },
      {
        name: 'a policy document built at deploy time',
        cdk: (stack) => void new iam.CfnManagedPolicy(stack, 'Computed', { policyDocument: Fn.join('', ['{"Statement":', new CfnParameter(stack, 'Doc').valueAsString, '}']) }),
        resource: 'Computed',
        then: (findings) => expect(findings.filter((f) => f.resource.type.startsWith('AWS::IAM::')).map((f) => f.status)).toEqual(['UNKNOWN']),
      },
    ],
  },
  live: {
    PASS: [{ name: 'an inline policy pinned to a source IP (GetAccountAuthorizationDetails)', moto: motoCaller({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), collectors, resource: 'role/web-bot-caller' }],
    FAIL: [{ name: 'lex:RecognizeText from anywhere', moto: motoCaller(), collectors, resource: 'role/web-bot-caller' }],
    UNKNOWN: [
      {
        // Formerly DISPUTED: the Region of the bot also got NOT_APPLICABLE "no identity policy grants Lex runtime actions", an absence not observed.
        name: 'iam:GetAccountAuthorizationDetails denied',
        moto: motoCaller(),
        collectors,
        deny: ['iam:GetAccountAuthorizationDetails'],
        statuses: { '123456789012/global': 'UNKNOWN' },
      },
    ],
  },
} satisfies CheckTable;
