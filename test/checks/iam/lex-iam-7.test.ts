import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/iam/lex-iam-7-bot-role';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, SLR_ARN, bot, byPath, liveResource, runLive } from './lex-fixtures';

const lexRole = (stack: Stack, assumedBy: iam.IPrincipal = new iam.ServicePrincipal('lexv2.amazonaws.com')) => new iam.Role(stack, 'BotRole', { assumedBy });
const run = (build: (stack: Stack) => void) => byPath(synthStack(build, { checks: [check] }), 'LEX-IAM-7');

describe('LEX-IAM-7 customer-managed bot role', () => {
  test.each([
    ['FAIL', 'the role also trusts the account', (stack: Stack) => bot(stack, { roleArn: lexRole(stack, new iam.CompositePrincipal(new iam.ServicePrincipal('lexv2.amazonaws.com'), new iam.AccountRootPrincipal())).roleArn }), { BotRole: 'FAIL' }],
    ['FAIL', 'polly:* on "*"', (stack: Stack) => {
      const role = lexRole(stack);
      role.addToPolicy(new iam.PolicyStatement({ actions: ['polly:*'], resources: ['*'] }));
      bot(stack, { roleArn: role.roleArn });
    }, { BotRole: 'FAIL,FAIL' }],
    ['PASS', 'Polly and a named log group only', (stack: Stack) => {
      const role = lexRole(stack);
      role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:lex:*`] }));
      bot(stack, { roleArn: role.roleArn });
    }, { Bot: 'PASS' }],
    ['NOT_APPLICABLE', 'the Lex V2 service-linked role', (stack: Stack) => bot(stack, { roleArn: SLR_ARN }), { Bot: 'NOT_APPLICABLE' }],
    ['UNKNOWN', 'a role ARN from a parameter', (stack: Stack) => bot(stack, { roleArn: new CfnParameter(stack, 'RoleArn').valueAsString }), { Bot: 'UNKNOWN' }],
    ['UNKNOWN', 'a role outside the app', (stack: Stack) => bot(stack, { roleArn: `arn:aws:iam::${ACCOUNT}:role/Elsewhere` }), { Bot: 'UNKNOWN' }],
    ['UNKNOWN', 'an AWS managed policy whose content is not in the app', (stack: Stack) => {
      const role = lexRole(stack);
      role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonPollyReadOnlyAccess'));
      bot(stack, { roleArn: role.roleArn });
    }, { BotRole: 'UNKNOWN' }],
  ])('%s: %s', (_expected, _what, build, expected) => {
    expect(run(build)).toEqual(expected);
  });

  test('granular keys name the trust principal, the action and the resource', () => {
    const out = synthStack((stack) => {
      const role = lexRole(stack, new iam.CompositePrincipal(new iam.ServicePrincipal('lexv2.amazonaws.com'), new iam.ServicePrincipal('lambda.amazonaws.com')));
      role.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
      bot(stack, { roleArn: role.roleArn });
    }, { checks: [check] });
    expect(out.of('LEX-IAM-7').map((f) => f.findingKey)).toEqual(['Trust::lambda.amazonaws.com', 'Action::*', 'Resource::*']);
  });

  test('live: a bot with a literal role ARN and a role read from the account', () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/BotRole`;
    const trust = encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    const out = runLive(check, [
      liveResource('AWS::Lex::Bot', 'BOTID', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`, { RoleArn: roleArn }),
      liveResource('AWS::IAM::Role', 'role/BotRole', roleArn, { RoleName: 'BotRole', AssumeRolePolicyDocument: trust, Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::logs/*' }] } }] }),
      liveResource('AWS::Lex::Bot', 'SLRBOT', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/SLRBOT`, { RoleArn: SLR_ARN }),
    ]);
    expect(out).toEqual({ 'role/BotRole': 'FAIL', SLRBOT: 'NOT_APPLICABLE' });
  });
});
