import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as lex from 'aws-cdk-lib/aws-lex';
import { codeHookAlias, lexInvokePermission } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { ACCOUNT, botWithAlias } from './lex-fixtures';

/** A code-hook function on the alias, and one Lex permission (LexInvoke) on it. */
const hook = (name: string, scope: (alias: lex.CfnBotAlias) => Partial<lambda.CfnPermissionProps>, status: string, principal = 'lexv2.amazonaws.com', key?: string): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    const fn = new lambda.Function(stack, 'Hook', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
    const { alias } = botWithAlias(stack, {
      botAliasLocaleSettings: [{ localeId: 'en_US', botAliasLocaleSetting: { enabled: true, codeHookSpecification: { lambdaCodeHook: { lambdaArn: fn.functionArn, codeHookInterfaceVersion: '1.0' } } } }],
    });
    new lambda.CfnPermission(stack, 'LexInvoke', { action: 'lambda:InvokeFunction', functionName: fn.functionArn, principal, ...scope(alias) });
  },
  statuses: { [key ? `LexInvoke[${key}]` : 'LexInvoke']: status },
});
const motoHook = (scoped: boolean) => async (aws: Seed) => {
  const { aliasArn } = await codeHookAlias(aws);
  await lexInvokePermission(aws, 'hook', scoped ? aliasArn : undefined);
};

export default {
  synth: {
    PASS: [
      hook('the alias ARN', (alias) => ({ sourceArn: alias.attrArn, sourceAccount: ACCOUNT }), 'PASS'),
      hook('the account only (advice in the reason)', () => ({ sourceAccount: ACCOUNT }), 'PASS'),
      {
        name: 'L2 addPermission scoped to the alias',
        cdk: (stack) => {
          const fn = new lambda.Function(stack, 'Hook', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
          const { alias } = botWithAlias(stack);
          fn.addPermission('Lex', { principal: new iam.ServicePrincipal('lexv2.amazonaws.com'), sourceArn: alias.attrArn, sourceAccount: ACCOUNT });
        },
        statuses: { 'Hook/Lex': 'PASS' },
      },
      {
        // In a template without an account, AWS::AccountId is still the deploying account: the recommended setting.
        name: 'SourceAccount !Ref AWS::AccountId and the alias ARN (a hand-written template)',
        template: `
Resources:
  Bot:
    Type: AWS::Lex::Bot
    Properties: { Name: b, RoleArn: arn:aws:iam::123456789012:role/r, DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 }
  Alias:
    Type: AWS::Lex::BotAlias
    Properties: { BotId: !Ref Bot, BotAliasName: prod }
  Permission:
    Type: AWS::Lambda::Permission
    Properties: { Action: lambda:InvokeFunction, FunctionName: fn, Principal: lexv2.amazonaws.com, SourceAccount: !Ref AWS::AccountId, SourceArn: !GetAtt Alias.Arn }
`,
        statuses: { Permission: 'PASS' },
        reason: /only the bot alias/,
      },
    ],
    FAIL: [
      { ...hook('neither SourceArn nor SourceAccount', () => ({}), 'FAIL', undefined, 'SourceArn'), reason: /code hook of alias Alias/ },
      hook('a SourceArn that matches bots of any account', () => ({ sourceArn: 'arn:aws:lex:us-east-1:*:bot-alias/*' }), 'FAIL', undefined, 'SourceArn::arn:aws:lex:us-east-1:*:bot-alias/*'),
      hook('the V1 principal counts too', () => ({}), 'FAIL', 'lex.amazonaws.com', 'SourceArn'),
      // A wildcard principal without a source makes the function public: HIGH.
      { ...hook('"*" counts too, at HIGH', () => ({}), 'FAIL', '*', 'SourceArn'), severity: 'HIGH' },
    ],
    UNKNOWN: [hook('a SourceArn from a parameter', (alias) => ({ sourceArn: new CfnParameter(alias.stack, 'Source').valueAsString }), 'UNKNOWN')],
    NOT_APPLICABLE: [
      hook('another principal', () => ({}), 'NOT_APPLICABLE', 'apigateway.amazonaws.com'),
      {
        // The corpus's Live Call Analytics transcriber lets its own function role invoke it.
        name: 'a role of the template as principal (a hand-written template)',
        template: `
Resources:
  Caller:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
  Permission:
    Type: AWS::Lambda::Permission
    Properties: { Action: lambda:InvokeFunction, FunctionName: fn, Principal: !GetAtt Caller.Arn }
`,
        statuses: { Permission: 'NOT_APPLICABLE' },
      },
    ],
  },
  live: {
    PASS: [{ name: 'only this alias may invoke the code hook (GetPolicy)', moto: motoHook(true), statuses: { 'function/hook/permission/lex': 'PASS' } }],
    FAIL: [{ name: 'any Lex bot may invoke the code hook (no SourceArn)', moto: motoHook(false), statuses: { 'function/hook/permission/lex[SourceArn]': 'FAIL' } }],
    UNKNOWN: [{ name: 'lambda:GetPolicy denied', moto: motoHook(true), deny: ['lambda:GetPolicy'], statuses: { 'function/hook/permission': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
