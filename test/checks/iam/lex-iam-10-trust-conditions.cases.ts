import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { ACCOUNT } from './lex-fixtures';

const lexTrust = (conditions?: Record<string, unknown>) => new iam.ServicePrincipal('lexv2.amazonaws.com', conditions ? { conditions } : undefined);
const trusted = (name: string, principal: (s: Stack) => iam.IPrincipal, statuses: Record<string, string>): CdkCase => ({ name, cdk: (s) => void new iam.Role(s, 'BotRole', { assumedBy: principal(s) }), statuses });
const BOTH = { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:lex:us-east-1:${ACCOUNT}:bot/*` } };

export default {
  synth: {
    PASS: [trusted('aws:SourceAccount and aws:SourceArn', () => lexTrust(BOTH), { BotRole: 'PASS' })],
    FAIL: [trusted('the trust policy of the Lex docs, without conditions', () => lexTrust(), { 'BotRole[Statement[0]::Condition::aws:SourceAccount]': 'FAIL', 'BotRole[Statement[0]::Condition::aws:SourceArn]': 'FAIL' })],
    UNKNOWN: [
      trusted('a source account from a parameter', (s) => lexTrust({ StringEquals: { 'aws:SourceAccount': new CfnParameter(s, 'Account').valueAsString }, ArnLike: { 'aws:SourceArn': `arn:aws:lex:us-east-1:${ACCOUNT}:bot/*` } }), {
        'BotRole[Statement[0]::Condition]': 'UNKNOWN',
      }),
    ],
    NOT_APPLICABLE: [trusted('a role for another service', () => new iam.ServicePrincipal('lambda.amazonaws.com'), { BotRole: 'NOT_APPLICABLE' })],
  },
  live: {
    PASS: [{ name: 'a Lex-trusted role with both conditions (trust policy decoded when URL-encoded)', moto: async (aws) => void (await role(aws, 'LexBotRole', trustPolicy('lexv2.amazonaws.com', BOTH))), statuses: { 'role/LexBotRole': 'PASS' } }],
    FAIL: [
      {
        name: 'a Lex-trusted role with aws:SourceAccount only',
        moto: async (aws) => void (await role(aws, 'LexBotRole', trustPolicy('lexv2.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT } }))),
        statuses: { 'role/LexBotRole[Statement[0]::Condition::aws:SourceArn]': 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'iam:GetAccountAuthorizationDetails denied', moto: async (aws) => void (await role(aws, 'LexBotRole', trustPolicy('lexv2.amazonaws.com'))), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
