import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import { botArn, lexBot, lexPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { ACCOUNT, aliasPolicy } from './lex-fixtures';

const grant = (principal: unknown, arn: string) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'lex:RecognizeText', Resource: arn });
/** A policy naming principal `who`; statuses keyed by the principal when it is not the check's PASS. */
const principal = (name: string, who: (s: Stack) => unknown, status: string, agnostic = false, key?: string): CdkCase => ({
  name,
  cdk: (stack) => void aliasPolicy(stack, (arn) => [grant(who(stack), arn)]),
  statuses: { [key ? `Policy[Statement[0]::Principal::${key}]` : 'Policy']: status },
  ...(agnostic ? { stack: {} } : {}),
});
const motoPolicy = (who: string) => async (aws: Seed) => {
  const arn = botArn(await lexBot(aws));
  await lexPolicy(aws, arn, [grant(who, arn)]);
};

export default {
  synth: {
    PASS: [
      principal('the account root from AccountRootPrincipal', () => new iam.AccountRootPrincipal().arn, 'PASS'),
      principal('a role of the app', (s) => new iam.Role(s, 'Caller', { assumedBy: new iam.AccountRootPrincipal() }).roleArn, 'PASS'),
      principal('${AWS::AccountId} in an environment-agnostic stack', () => new iam.AccountRootPrincipal().arn, 'PASS', true),
    ],
    FAIL: [
      principal('a role ARN of another account', () => 'arn:aws:iam::999999999999:role/Caller', 'FAIL', false, 'arn:aws:iam::999999999999:role/Caller'),
      principal('a bare foreign account id', () => '999999999999', 'FAIL', false, '999999999999'),
    ],
    UNKNOWN: [principal('a literal account in an environment-agnostic stack', () => '999999999999', 'UNKNOWN', true, '999999999999')],
    NOT_APPLICABLE: [
      {
        name: 'only AWS principals count',
        cdk: (stack) => void aliasPolicy(stack, (arn) => [{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'lex:RecognizeText', Resource: arn }]),
        statuses: { Policy: 'NOT_APPLICABLE' },
      },
    ],
  },
  live: {
    PASS: [{ name: 'a principal of the scanned account', moto: motoPolicy(`arn:aws:iam::${ACCOUNT}:role/Caller`), statuses: { 'bot/Support/policy': 'PASS' } }],
    FAIL: [{ name: 'a principal of another account (drift: Lex rejects it, moto does not)', moto: motoPolicy('arn:aws:iam::999999999999:root'), resource: 'bot/Support/policy' }],
    UNKNOWN: [{ name: 'lex:DescribeResourcePolicy denied', moto: motoPolicy('arn:aws:iam::999999999999:root'), deny: ['lex:DescribeResourcePolicy'], statuses: { 'bot/Support/policy': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
