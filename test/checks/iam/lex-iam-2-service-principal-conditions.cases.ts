import { CfnParameter } from 'aws-cdk-lib';
import { botArn, lexBot, lexPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { ACCOUNT, aliasPolicy } from './lex-fixtures';

const CONNECT = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/abc`;
const connect = (arn: string, condition?: unknown) => ({ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: ['lex:RecognizeText', 'lex:StartConversation'], Resource: arn, Condition: condition });
const withCondition = (name: string, condition: (s: import('aws-cdk-lib').Stack) => unknown, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => void aliasPolicy(stack, (arn) => [connect(arn, condition(stack))]),
  statuses,
});
const BOTH = { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnEquals: { 'AWS:SourceArn': CONNECT } };
const motoPolicy = (condition?: unknown) => async (aws: Seed) => {
  const arn = botArn(await lexBot(aws));
  await lexPolicy(aws, arn, [connect(arn, condition)]);
};

export default {
  synth: {
    PASS: [withCondition('both, spelled as the Lex docs do', () => BOTH, { Policy: 'PASS' })],
    FAIL: [
      withCondition('no conditions', () => undefined, { 'Policy[Statement[0]::Condition::aws:SourceAccount]': 'FAIL', 'Policy[Statement[0]::Condition::aws:SourceArn]': 'FAIL' }),
      withCondition('only aws:SourceAccount', () => ({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }), { 'Policy[Statement[0]::Condition::aws:SourceArn]': 'FAIL' }),
      withCondition('a wildcard source ARN', () => ({ StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': '*' } }), { 'Policy[Statement[0]::Condition::aws:SourceArn]': 'FAIL' }),
    ],
    UNKNOWN: [
      withCondition('a source account from a parameter', (s) => ({ StringEquals: { 'aws:SourceAccount': new CfnParameter(s, 'Account').valueAsString }, ArnEquals: { 'aws:SourceArn': CONNECT } }), {
        'Policy[Statement[0]::Condition]': 'UNKNOWN',
      }),
    ],
    NOT_APPLICABLE: [
      {
        name: 'a policy for IAM principals only',
        cdk: (stack) => void aliasPolicy(stack, (arn) => [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'lex:RecognizeText', Resource: arn }]),
        statuses: { Policy: 'NOT_APPLICABLE' },
      },
    ],
  },
  live: {
    PASS: [{ name: 'a bot policy for Amazon Connect with both conditions', moto: motoPolicy(BOTH), statuses: { 'bot/Support/policy': 'PASS' } }],
    FAIL: [{ name: 'a bot policy for Amazon Connect without conditions (JSON string from DescribeResourcePolicy)', moto: motoPolicy(), statuses: { 'bot/Support/policy[Statement[0]::Condition::aws:SourceAccount]': 'FAIL', 'bot/Support/policy[Statement[0]::Condition::aws:SourceArn]': 'FAIL' } }],
    UNKNOWN: [{ name: 'lex:DescribeResourcePolicy denied', moto: motoPolicy(), deny: ['lex:DescribeResourcePolicy'], statuses: { 'bot/Support/policy': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
