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
    ],
    FAIL: [
      { ...hook('neither SourceArn nor SourceAccount', () => ({}), 'FAIL', undefined, 'SourceArn'), reason: /code hook of alias Alias/ },
      hook('a SourceArn that matches bots of any account', () => ({ sourceArn: 'arn:aws:lex:us-east-1:*:bot-alias/*' }), 'FAIL', undefined, 'SourceArn::arn:aws:lex:us-east-1:*:bot-alias/*'),
      hook('the V1 principal counts too', () => ({}), 'FAIL', 'lex.amazonaws.com', 'SourceArn'),
      hook('"*" counts too', () => ({}), 'FAIL', '*', 'SourceArn'),
    ],
    UNKNOWN: [hook('a SourceArn from a parameter', (alias) => ({ sourceArn: new CfnParameter(alias.stack, 'Source').valueAsString }), 'UNKNOWN')],
    NOT_APPLICABLE: [hook('another principal', () => ({}), 'NOT_APPLICABLE', 'apigateway.amazonaws.com')],
  },
  live: {
    PASS: [{ name: 'only this alias may invoke the code hook (GetPolicy)', moto: motoHook(true), statuses: { 'function/hook/permission/lex': 'PASS' } }],
    FAIL: [{ name: 'any Lex bot may invoke the code hook (no SourceArn)', moto: motoHook(false), statuses: { 'function/hook/permission/lex[SourceArn]': 'FAIL' } }],
    UNKNOWN: [{ name: 'lambda:GetPolicy denied', moto: motoHook(true), deny: ['lambda:GetPolicy'], statuses: { 'function/hook/permission': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
