import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { ACCOUNT } from './lex-fixtures';

const TRANSCRIBE = 'transcribe.amazonaws.com';
const access = (name: string, conditions: ((s: Stack) => Record<string, unknown>) | undefined, statuses: Record<string, string>, service = TRANSCRIBE): CdkCase => ({
  name,
  cdk: (stack) => void new iam.Role(stack, 'Access', { assumedBy: conditions ? new iam.ServicePrincipal(service).withConditions(conditions(stack)) : new iam.ServicePrincipal(service) }),
  statuses,
});
const BOTH = { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:transcribe:us-east-1:${ACCOUNT}:*` } };
const key = (k: string) => `Access[Statement[0]::Condition::${k}]`;

export default {
  synth: {
    PASS: [access('both conditions, own account', () => BOTH, { Access: 'PASS' }), access('streaming principal, both conditions', () => BOTH, { Access: 'PASS' }, 'transcribe.streaming.amazonaws.com')],
    FAIL: [
      access('no condition', undefined, { [key('aws:SourceAccount')]: 'FAIL', [key('aws:SourceArn')]: 'FAIL' }),
      access('another account', () => ({ ...BOTH, StringEquals: { 'aws:SourceAccount': '999999999999' } }), { [key('aws:SourceAccount')]: 'FAIL' }),
      access('a source ARN of another service', () => ({ ...BOTH, ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::bucket' } }), { [key('aws:SourceArn')]: 'FAIL' }),
      access('wildcard source ARN', () => ({ ...BOTH, ArnLike: { 'aws:SourceArn': 'arn:aws:transcribe:*:*:*' } }), { [key('aws:SourceArn')]: 'FAIL' }),
    ],
    UNKNOWN: [
      access('account from a parameter without default', (s) => ({ StringEquals: { 'aws:SourceAccount': new CfnParameter(s, 'Acct').valueAsString }, ArnLike: { 'aws:SourceArn': 'arn:aws:transcribe:us-east-1:1:*' } }), {
        'Access[Statement[0]::Condition]': 'UNKNOWN',
      }),
    ],
    NOT_APPLICABLE: [access('a Lambda role', undefined, { Access: 'NOT_APPLICABLE' }, 'lambda.amazonaws.com')],
  },
  live: {
    PASS: [{ name: 'a role trusted by Transcribe with both conditions', moto: async (aws) => void (await role(aws, 'Access', trustPolicy(TRANSCRIBE, BOTH))), statuses: { 'role/Access': 'PASS' } }],
    FAIL: [
      {
        name: 'a role trusted by Transcribe without conditions',
        moto: async (aws) => void (await role(aws, 'Access', trustPolicy(TRANSCRIBE))),
        statuses: { 'role/Access[Statement[0]::Condition::aws:SourceAccount]': 'FAIL', 'role/Access[Statement[0]::Condition::aws:SourceArn]': 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'iam:GetAccountAuthorizationDetails denied', moto: async (aws) => void (await role(aws, 'Access', trustPolicy(TRANSCRIBE))), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
