import { CfnParameter } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lex from 'aws-cdk-lib/aws-lex';
import type { Stack } from 'aws-cdk-lib';
import check from '../../../checks/iam/lex-iam-1-wildcard-principal';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, aliasPolicy, liveResource, runLive } from './lex-fixtures';

const run = (build: (stack: Stack) => void) => synthStack(build, { checks: [check] });
const allow = (principal: unknown, resource: string) => ({ Effect: 'Allow', Principal: principal, Action: 'lex:RecognizeText', Resource: resource });

describe('LEX-IAM-1 no wildcard principal in bot/alias resource policies', () => {
  test.each([
    ['FAIL', 'Principal "*"', () => '*', 'Statement[0]::Principal::*'],
    ['FAIL', 'Principal {AWS: "*"}', () => ({ AWS: '*' }), 'Statement[0]::Principal::*'],
    ['PASS', 'a role of the app', (stack: Stack) => ({ AWS: new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() }).roleArn }), undefined],
    ['UNKNOWN', 'a principal from a parameter without default', (stack: Stack) => ({ AWS: new CfnParameter(stack, 'CallerArn').valueAsString }), 'Statement[0]::Principal'],
  ])('%s: %s', (expected, _what, principal, key) => {
    const out = run((stack) => aliasPolicy(stack, (arn) => [allow(principal(stack), arn)]));
    expect(out.statuses('LEX-IAM-1')).toEqual({ Policy: expected });
    expect(out.of('LEX-IAM-1')[0].findingKey).toBe(key);
  });

  test('NotPrincipal with Allow reaches everyone else', () => {
    const out = run((stack) => aliasPolicy(stack, (arn) => [{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:role/x` }, Action: 'lex:*', Resource: arn }]));
    expect(out.of('LEX-IAM-1').map((f) => [f.status, f.findingKey])).toEqual([['FAIL', 'Statement[0]::NotPrincipal::*']]);
  });

  test('a Deny statement for "*" is fine', () => {
    const out = run((stack) => aliasPolicy(stack, (arn) => [{ Effect: 'Deny', Principal: '*', Action: 'lex:*', Resource: arn }]));
    expect(out.statuses('LEX-IAM-1')).toEqual({ Policy: 'PASS' });
  });

  test('a policy built from tokens into a JSON string cannot be read', () => {
    const out = run((stack) => aliasPolicy(stack, (arn) => stack.toJsonString({ Statement: [allow('*', arn)] })));
    expect(out.statuses('LEX-IAM-1')).toEqual({ Policy: 'UNKNOWN' });
  });

  test('a policy on a bot outside the app is reported at INFO', () => {
    const out = run((stack) => new lex.CfnResourcePolicy(stack, 'Policy', { resourceArn: `arn:aws:lex:us-east-1:${ACCOUNT}:bot/OTHER`, policy: { Statement: [allow({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, '*')] } }));
    expect(out.of('LEX-IAM-1').map((f) => [f.status, f.severity, f.findingKey])).toEqual([['FAIL', 'INFO', `ResourceArn::arn:aws:lex:us-east-1:${ACCOUNT}:bot/OTHER`]]);
  });

  test('two wildcard statements give two granular findings', () => {
    const out = run((stack) => aliasPolicy(stack, (arn) => [allow('*', arn), allow({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, arn), allow({ AWS: ['*'] }, arn)]));
    expect(out.of('LEX-IAM-1').map((f) => f.findingKey)).toEqual(['Statement[0]::Principal::*', 'Statement[2]::Principal::*']);
  });

  test.each([
    ['FAIL', '*'],
    ['PASS', `arn:aws:iam::${ACCOUNT}:role/Caller`],
  ])('live: %s for a JSON-string policy on an alias read from the account (principal %s)', (expected, principal) => {
    const aliasArn = `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/ALIASID`;
    const statuses = runLive(check, [
      liveResource('AWS::Lex::BotAlias', 'BOTID/ALIASID', aliasArn, { BotId: 'BOTID', BotAliasName: 'prod' }),
      liveResource('AWS::Lex::ResourcePolicy', 'policy:BOTID/ALIASID', aliasArn, { ResourceArn: aliasArn, Policy: JSON.stringify({ Statement: [allow({ AWS: principal }, aliasArn)] }) }),
    ]);
    expect(statuses).toEqual({ 'policy:BOTID/ALIASID': expected });
  });

  test('live: a policy on the built-in test alias belongs to its bot', () => {
    const testAlias = `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/TSTALIASID`;
    const statuses = runLive(check, [
      liveResource('AWS::Lex::Bot', 'BOTID', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`, { Name: 'Support' }),
      liveResource('AWS::Lex::ResourcePolicy', 'policy:TSTALIASID', testAlias, { ResourceArn: testAlias, Policy: JSON.stringify({ Statement: [allow({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, testAlias)] }) }),
    ]);
    expect(statuses).toEqual({ 'policy:TSTALIASID': 'PASS' });
  });
});
