import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { lexBot, role, trustPolicy, user } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { ACCOUNT, bot } from './lex-fixtures';
import { listParameterPolicy, NO_EXPORT, NO_VALUE, splitImportPolicy } from '../unknown-values';

const PASSED_TO_LEX = { StringEquals: { 'iam:PassedToService': 'lexv2.amazonaws.com' } };
/** A deployer role with one PassRole statement, and a bot whose role is BotRole. */
const deployer = (name: string, statement: (botRole: iam.Role) => iam.PolicyStatement, status: string): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    const botRole = new iam.Role(stack, 'BotRole', { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') });
    bot(stack, { roleArn: botRole.roleArn });
    new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(statement(botRole));
  },
  resource: 'Deployer/DefaultPolicy',
  then: (findings) => expect(findings.filter((f) => f.resource.constructPath === 'Test/Deployer/DefaultPolicy/Resource').map((f) => f.status)).toEqual([status]),
});
const motoDeployer = (statement: Record<string, unknown>) => async (aws: Seed) => {
  await role(aws, 'Deployer', trustPolicy('codebuild.amazonaws.com'), { inline: { pass: [statement] } });
  await lexBot(aws, { roleArn: await role(aws, 'LexBotRole', trustPolicy('lexv2.amazonaws.com')) });
};
const ON_BOT_ROLE = { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/LexBotRole` };

export default {
  synth: {
    PASS: [deployer('PassRole on the bot role, to Lex only', (r) => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [r.roleArn], conditions: PASSED_TO_LEX }), 'PASS')],
    FAIL: [
      deployer('PassRole on "*" without iam:PassedToService', () => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }), 'FAIL'),
      deployer('PassRole to Lex on every role', () => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'], conditions: PASSED_TO_LEX }), 'FAIL'),
      deployer('PassRole on the bot role without iam:PassedToService', (r) => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [r.roleArn] }), 'FAIL'),
      {
        name: 'PassRole on "*" without iam:PassedToService by a principal that builds bots, in an app without a bot',
        cdk: (stack: Stack) => {
          const r = new iam.Role(stack, 'Builder', { assumedBy: new iam.AccountRootPrincipal() });
          r.addToPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }));
          r.addToPolicy(new iam.PolicyStatement({ actions: ['lex:CreateBot'], resources: ['*'] }));
        },
        resource: 'Builder/DefaultPolicy',
        findingKey: 'Resource::*',
        reason: 'this principal can call Lex',
      },
    ],
    UNKNOWN: [
      deployer('PassRole on a role named by a parameter', (r) => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [new CfnParameter(r.stack, 'RoleArn').valueAsString] }), 'UNKNOWN'),
      // It may hold iam:PassRole on "*": no grant found is not "no grant".
      { name: 'actions from a list parameter without a value', template: listParameterPolicy('Action', '*'), statuses: { 'Policy[PolicyDocument::Statement[0]::Action]': 'UNKNOWN' }, reason: NO_VALUE },
      { name: 'actions split from an import', template: splitImportPolicy('Action', '*'), resource: 'Policy', reason: NO_EXPORT },
    ],
    NOT_APPLICABLE: [
      {
        // The corpus's news-media-analysis CodePipeline role: PassRole on "*" in an app with no bot, no Lex role and no Lex permission.
        name: 'PassRole on "*" without iam:PassedToService, in an app without Lex',
        cdk: (stack: Stack) => void new iam.Role(stack, 'Pipeline', { assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] })),
        statuses: { Pipeline: 'NOT_APPLICABLE', 'Pipeline/DefaultPolicy': 'NOT_APPLICABLE' },
      },
      {
        ...deployer('PassRole on "*" but only to ECS tasks', () => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'], conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } }), 'NOT_APPLICABLE'),
      },
    ],
  },
  live: {
    PASS: [{ name: 'PassRole on one role, to Lex only', moto: motoDeployer({ ...ON_BOT_ROLE, Condition: PASSED_TO_LEX }), resource: 'role/Deployer' }],
    FAIL: [
      { name: 'PassRole on every role', moto: motoDeployer({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }), resource: 'role/Deployer' },
      { name: 'PassRole on the bot role without iam:PassedToService', moto: motoDeployer(ON_BOT_ROLE), resource: 'role/Deployer' },
      {
        name: 'an inline policy of a user read from the account',
        moto: async (aws) => {
          await user(aws, 'loose', { inline: { p: [ON_BOT_ROLE] } });
          await user(aws, 'tight', { inline: { p: [{ ...ON_BOT_ROLE, Condition: PASSED_TO_LEX }] } });
          await lexBot(aws, { roleArn: await role(aws, 'LexBotRole', trustPolicy('lexv2.amazonaws.com')) });
        },
        then: (findings) => expect(Object.fromEntries(findings.filter((f) => f.resource.logicalId?.startsWith('user/')).map((f) => [f.resource.logicalId, f.status]))).toEqual({ 'user/loose': 'FAIL', 'user/tight': 'PASS' }),
      },
    ],
    UNKNOWN: [{ name: 'iam:GetAccountAuthorizationDetails denied', moto: motoDeployer({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
