import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import check from '../../../checks/iam/lex-iam-4-same-account';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, aliasPolicy, liveResource, runLive } from './lex-fixtures';

const grant = (principal: unknown, arn: string) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'lex:RecognizeText', Resource: arn });

describe('LEX-IAM-4 principals in the bot’s own account', () => {
  test.each([
    ['FAIL', 'a role ARN of another account', () => 'arn:aws:iam::999999999999:role/Caller', true],
    ['FAIL', 'a bare foreign account id', () => '999999999999', true],
    ['PASS', 'the account root from AccountRootPrincipal', () => new iam.AccountRootPrincipal().arn, true],
    ['PASS', 'a role of the app', (stack: Stack) => new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() }).roleArn, true],
    ['PASS', '${AWS::AccountId} in an environment-agnostic stack', () => new iam.AccountRootPrincipal().arn, false],
    ['UNKNOWN', 'a literal account in an environment-agnostic stack', () => '999999999999', false],
  ])('%s: %s', (expected, _what, principal, withEnv) => {
    const out = synthStack((stack) => aliasPolicy(stack, (arn) => [grant(principal(stack), arn)]), { checks: [check] }, withEnv ? undefined : {});
    expect(out.statuses('LEX-IAM-4')).toEqual({ Policy: expected });
  });

  test('only AWS principals count', () => {
    const out = synthStack((stack) => aliasPolicy(stack, (arn) => [{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'lex:RecognizeText', Resource: arn }]), { checks: [check] });
    expect(out.statuses('LEX-IAM-4')).toEqual({ Policy: 'NOT_APPLICABLE' });
  });

  test('live: compared with the scanned account', () => {
    const arn = `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`;
    const policy = (principal: string) => JSON.stringify({ Statement: [grant(principal, arn)] });
    const statuses = runLive(check, [
      liveResource('AWS::Lex::ResourcePolicy', 'foreign', arn, { ResourceArn: arn, Policy: policy('arn:aws:iam::999999999999:root') }),
      liveResource('AWS::Lex::ResourcePolicy', 'own', arn, { ResourceArn: arn, Policy: policy(`arn:aws:iam::${ACCOUNT}:role/Caller`) }),
    ]);
    expect(statuses).toEqual({ foreign: 'FAIL', own: 'PASS' });
  });
});
