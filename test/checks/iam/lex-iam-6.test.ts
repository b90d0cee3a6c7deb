import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/iam/lex-iam-6-pass-role';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, bot, byPath, liveResource, runLive } from './lex-fixtures';

const PASSED_TO_LEX = { StringEquals: { 'iam:PassedToService': 'lexv2.amazonaws.com' } };

/** A deployer role with one PassRole statement, and a bot whose role is `BotRole`. */
function app(stack: Stack, statement: (botRole: iam.Role) => iam.PolicyStatement) {
  const botRole = new iam.Role(stack, 'BotRole', { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') });
  bot(stack, { roleArn: botRole.roleArn });
  new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(statement(botRole));
}

describe('LEX-IAM-6 iam:PassRole for Lex roles', () => {
  test.each([
    ['FAIL', 'PassRole on "*" without iam:PassedToService', () => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] })],
    ['FAIL', 'PassRole to Lex on every role', () => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'], conditions: PASSED_TO_LEX })],
    ['FAIL', 'PassRole on the bot role without iam:PassedToService', (r: iam.Role) => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [r.roleArn] })],
    ['PASS', 'PassRole on the bot role, to Lex only', (r: iam.Role) => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [r.roleArn], conditions: PASSED_TO_LEX })],
    ['NOT_APPLICABLE', 'PassRole on "*" but only to ECS tasks', () => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'], conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } })],
    ['UNKNOWN', 'PassRole on a role named by a parameter', (r: iam.Role) => new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [new CfnParameter(r.stack, 'RoleArn').valueAsString] })],
  ])('%s: %s', (expected, _what, statement) => {
    expect(byPath(synthStack((stack) => app(stack, statement), { checks: [check] }), 'LEX-IAM-6')).toMatchObject({ 'Deployer/DefaultPolicy': expected });
  });

  test('live: an inline policy of a user read from the account', () => {
    const doc = (resource: string, condition?: unknown) => ({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: resource, Condition: condition }] });
    const out = runLive(check, [
      liveResource('AWS::IAM::Role', 'role/LexBot', `arn:aws:iam::${ACCOUNT}:role/LexBot`, { RoleName: 'LexBot', AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } }),
      liveResource('AWS::IAM::User', 'user/loose', `arn:aws:iam::${ACCOUNT}:user/loose`, { UserName: 'loose', Policies: [{ PolicyName: 'p', PolicyDocument: doc(`arn:aws:iam::${ACCOUNT}:role/LexBot`) }] }),
      liveResource('AWS::IAM::User', 'user/tight', `arn:aws:iam::${ACCOUNT}:user/tight`, { UserName: 'tight', Policies: [{ PolicyName: 'p', PolicyDocument: doc(`arn:aws:iam::${ACCOUNT}:role/LexBot`, PASSED_TO_LEX) }] }),
    ]);
    expect(out).toMatchObject({ 'user/loose': 'FAIL', 'user/tight': 'PASS' });
  });
});
