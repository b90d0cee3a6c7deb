import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/service-linked-roles/lex-slr-1-bot-role-kind';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, SLR_ARN, bot, liveResource, runLive } from '../iam/lex-fixtures';

const run = (roleArn: (stack: Stack) => string) => synthStack((stack) => bot(stack, { roleArn: roleArn(stack) }), { checks: [check] }).of('LEX-SLR-1');

describe('LEX-SLR-1 routes the bot role', () => {
  test.each([
    ['PASS', 'the Lex V2 SLR by ARN', () => SLR_ARN, /service-linked role/],
    ['PASS', 'an AWS::IAM::ServiceLinkedRole of the app, by Fn::Sub', (stack: Stack) => {
      const slr = new iam.CfnServiceLinkedRole(stack, 'Slr', { awsServiceName: 'lexv2.amazonaws.com', customSuffix: 'Support' });
      return Fn.sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/lexv2.amazonaws.com/${Slr}', { Slr: slr.ref });
    }, /service-linked role/],
    ['PASS', 'a customer role', (stack: Stack) => new iam.Role(stack, 'BotRole', { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') }).roleArn, /see LEX-IAM-7/],
    ['FAIL', 'the SLR of another service', () => `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`, /not of lexv2/],
    ['UNKNOWN', 'a role ARN from a parameter', (stack: Stack) => new CfnParameter(stack, 'RoleArn').valueAsString, /cannot be known/],
  ])('%s: %s', (expected, _what, roleArn, reason) => {
    const [finding] = run(roleArn);
    expect([finding.status, finding.severity === 'INFO']).toEqual([expected, true]);
    expect(finding.reason).toMatch(reason);
  });

  test('live: a role read from the account with a service-role path', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X`;
    const out = runLive(check, [
      liveResource('AWS::Lex::Bot', 'BOTID', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`, { RoleArn: arn }),
      liveResource('AWS::IAM::Role', 'role/AWSServiceRoleForLexV2Bots_X', arn, { RoleName: 'AWSServiceRoleForLexV2Bots_X', Path: '/aws-service-role/lexv2.amazonaws.com/' }),
    ]);
    expect(out).toEqual({ BOTID: 'PASS' });
  });
});
