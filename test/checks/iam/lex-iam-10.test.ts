import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/iam/lex-iam-10-trust-conditions';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, byPath, liveResource, runLive } from './lex-fixtures';

const lexTrust = (conditions?: Record<string, unknown>) => new iam.ServicePrincipal('lexv2.amazonaws.com', conditions ? { conditions } : undefined);

describe('LEX-IAM-10 roles trusted by Lex V2 carry source conditions (advisory)', () => {
  test.each([
    ['FAIL,FAIL', 'the trust policy of the Lex docs, without conditions', () => lexTrust()],
    ['PASS', 'aws:SourceAccount and aws:SourceArn', () => lexTrust({ StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:lex:us-east-1:${ACCOUNT}:bot/*` } })],
    ['UNKNOWN', 'a source account from a parameter', (stack: Stack) => lexTrust({ StringEquals: { 'aws:SourceAccount': new CfnParameter(stack, 'Account').valueAsString }, ArnLike: { 'aws:SourceArn': `arn:aws:lex:us-east-1:${ACCOUNT}:bot/*` } })],
    ['NOT_APPLICABLE', 'a role for another service', () => new iam.ServicePrincipal('lambda.amazonaws.com')],
  ])('%s: %s', (expected, _what, principal) => {
    const out = synthStack((stack) => new iam.Role(stack, 'BotRole', { assumedBy: principal(stack) }), { checks: [check] });
    expect(byPath(out, 'LEX-IAM-10')).toEqual({ BotRole: expected });
  });

  test('live: a URL-encoded trust policy read from the account', () => {
    const trust = encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }] }));
    const out = runLive(check, [liveResource('AWS::IAM::Role', 'role/BotRole', `arn:aws:iam::${ACCOUNT}:role/BotRole`, { RoleName: 'BotRole', AssumeRolePolicyDocument: trust })]);
    expect(out).toEqual({ 'role/BotRole': 'FAIL' });
  });
});
