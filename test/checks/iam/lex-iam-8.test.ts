import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as lex from 'aws-cdk-lib/aws-lex';
import check from '../../../checks/iam/lex-iam-8-lambda-permission';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, botWithAlias, liveResource, runLive } from './lex-fixtures';

/** A code-hook function on the alias, and one Lex permission on it. */
function app(stack: Stack, scope: (alias: lex.CfnBotAlias) => Partial<lambda.CfnPermissionProps>, principal = 'lexv2.amazonaws.com') {
  const fn = new lambda.Function(stack, 'Hook', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
  const { alias } = botWithAlias(stack, {
    botAliasLocaleSettings: [{ localeId: 'en_US', botAliasLocaleSetting: { enabled: true, codeHookSpecification: { lambdaCodeHook: { lambdaArn: fn.functionArn, codeHookInterfaceVersion: '1.0' } } } }],
  });
  new lambda.CfnPermission(stack, 'LexInvoke', { action: 'lambda:InvokeFunction', functionName: fn.functionArn, principal, ...scope(alias) });
}

const run = (build: (stack: Stack) => void) => synthStack(build, { checks: [check] }).of('LEX-IAM-8').map((f) => f.status);

describe('LEX-IAM-8 Lambda permissions for Lex scoped to an alias and account', () => {
  test.each([
    ['FAIL', 'neither SourceArn nor SourceAccount', () => ({})],
    ['FAIL', 'a SourceArn that matches bots of any account', () => ({ sourceArn: 'arn:aws:lex:us-east-1:*:bot-alias/*' })],
    ['PASS', 'the alias ARN', (alias: lex.CfnBotAlias) => ({ sourceArn: alias.attrArn, sourceAccount: ACCOUNT })],
    ['PASS', 'the account only (advice in the reason)', () => ({ sourceAccount: ACCOUNT })],
    ['UNKNOWN', 'a SourceArn from a parameter', (alias: lex.CfnBotAlias) => ({ sourceArn: new CfnParameter(alias.stack, 'Source').valueAsString })],
  ])('%s: %s', (expected, _what, scope) => {
    expect(run((stack) => app(stack, scope))).toEqual([expected]);
  });

  test('the V1 principal and "*" count too; other principals do not', () => {
    expect(run((stack) => app(stack, () => ({}), 'lex.amazonaws.com'))).toEqual(['FAIL']);
    expect(run((stack) => app(stack, () => ({}), '*'))).toEqual(['FAIL']);
    expect(run((stack) => app(stack, () => ({}), 'apigateway.amazonaws.com'))).toEqual(['NOT_APPLICABLE']);
  });

  test('the reason names the alias that uses the function as code hook', () => {
    const [finding] = synthStack((stack) => app(stack, () => ({})), { checks: [check] }).of('LEX-IAM-8');
    expect(finding.reason).toMatch(/code hook of alias Alias/);
  });

  test('L2 addPermission scoped to the alias passes', () => {
    const out = run((stack) => {
      const fn = new lambda.Function(stack, 'Hook', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
      const { alias } = botWithAlias(stack);
      fn.addPermission('Lex', { principal: new iam.ServicePrincipal('lexv2.amazonaws.com'), sourceArn: alias.attrArn, sourceAccount: ACCOUNT });
    });
    expect(out).toEqual(['PASS']);
  });

  test('live: permissions read from a function policy', () => {
    const aliasArn = `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/ALIASID`;
    const fnArn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:hook`;
    const out = runLive(check, [
      liveResource('AWS::Lex::BotAlias', 'bot/BOTID/alias/prod', aliasArn, { BotId: 'BOTID' }),
      liveResource('AWS::Lambda::Function', 'function/hook', fnArn, { FunctionName: 'hook' }),
      { ...liveResource('AWS::Lambda::Permission', 'function/hook/permission/scoped', fnArn, { FunctionName: fnArn, Principal: 'lexv2.amazonaws.com', SourceArn: aliasArn }), provenance: { api: 'lambda:GetPolicy' } },
      { ...liveResource('AWS::Lambda::Permission', 'function/hook/permission/open', fnArn, { FunctionName: fnArn, Principal: 'lexv2.amazonaws.com' }), provenance: { api: 'lambda:GetPolicy' } },
    ]);
    expect(out).toEqual({ 'function/hook/permission/scoped': 'PASS', 'function/hook/permission/open': 'FAIL' });
  });
});
