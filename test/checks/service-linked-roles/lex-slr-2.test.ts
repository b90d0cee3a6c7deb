import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/service-linked-roles/lex-slr-2-orphaned';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, SLR_ARN, bot, liveResource, runLive } from '../iam/lex-fixtures';

const slr = (stack: Stack, awsServiceName = 'lexv2.amazonaws.com', customSuffix = 'Support') => new iam.CfnServiceLinkedRole(stack, 'Slr', { awsServiceName, customSuffix });
const run = (build: (stack: Stack) => void) => synthStack(build, { checks: [check] }).statuses('LEX-SLR-2');

describe('LEX-SLR-2 no orphaned Lex V2 service-linked roles', () => {
  test.each([
    ['FAIL', 'an SLR no bot uses', (stack: Stack) => slr(stack)],
    ['PASS', 'an SLR whose name a bot RoleArn ends with', (stack: Stack) => {
      slr(stack);
      bot(stack, { roleArn: SLR_ARN });
    }],
    ['UNKNOWN', 'a bot role from a parameter', (stack: Stack) => {
      slr(stack);
      bot(stack, { roleArn: new CfnParameter(stack, 'RoleArn').valueAsString });
    }],
    ['UNKNOWN', 'a channel SLR (channels are not in CloudFormation)', (stack: Stack) => slr(stack, 'channels.lexv2.amazonaws.com')],
    ['NOT_APPLICABLE', 'an SLR of another service', (stack: Stack) => slr(stack, 'ecs.amazonaws.com')],
  ])('%s: %s', (expected, _what, build) => {
    expect(run(build)).toMatchObject({ Slr: expected });
  });

  test('live: SLRs read from the account as roles with a service-role path', () => {
    const role = (name: string) =>
      liveResource('AWS::IAM::Role', `role/${name}`, `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/${name}`, {
        RoleName: name,
        Path: '/aws-service-role/lexv2.amazonaws.com/',
        RoleLastUsed: { LastUsedDate: '2025-01-02T00:00:00.000Z' },
      });
    const out = runLive(check, [
      role('AWSServiceRoleForLexV2Bots_Used'),
      role('AWSServiceRoleForLexV2Bots_Gone'),
      liveResource('AWS::Lex::Bot', 'BOTID', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`, { RoleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_Used` }),
    ]);
    expect(out).toEqual({ 'role/AWSServiceRoleForLexV2Bots_Used': 'PASS', 'role/AWSServiceRoleForLexV2Bots_Gone': 'FAIL' });
  });
});
