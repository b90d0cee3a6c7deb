import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { iamIdentities } from '../../../lib/sources/account/collectors/iam';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { lexBot, lexServiceLinkedRole, role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { ACCOUNT, SLR_ARN, bot } from '../iam/lex-fixtures';

const roleOf = (name: string, roleArn: (s: Stack) => string, status: string, reason: RegExp): CdkCase => ({ name, cdk: (s) => void bot(s, { roleArn: roleArn(s) }), statuses: { Bot: status }, severity: 'INFO', reason });
const collectors = [lexBots, iamIdentities];

export default {
  synth: {
    PASS: [
      roleOf('the Lex V2 SLR by ARN', () => SLR_ARN, 'PASS', /service-linked role/),
      roleOf(
        'an AWS::IAM::ServiceLinkedRole of the app, by Fn::Sub',
        (s) => {
          const slr = new iam.CfnServiceLinkedRole(s, 'Slr', { awsServiceName: 'lexv2.amazonaws.com', customSuffix: 'Support' });
          return Fn.sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/lexv2.amazonaws.com/${Slr}', { Slr: slr.ref });
        },
        'PASS',
        /service-linked role/,
      ),
      roleOf('a customer role', (s) => new iam.Role(s, 'BotRole', { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') }).roleArn, 'PASS', /see LEX-IAM-7/),
    ],
    FAIL: [roleOf('the SLR of another service', () => `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`, 'FAIL', /not of lexv2/)],
    UNKNOWN: [roleOf('a role ARN from a parameter', (s) => new CfnParameter(s, 'RoleArn').valueAsString, 'UNKNOWN', /cannot be known/)],
  },
  live: {
    PASS: [
      { name: 'a bot on the Lex V2 service-linked role (a role with a service-role path)', moto: async (aws) => void (await lexBot(aws, { roleArn: await lexServiceLinkedRole(aws, 'Support') })), collectors, statuses: { 'bot/Support': 'PASS' } },
      { name: 'a bot on a customer role', moto: async (aws) => void (await lexBot(aws, { roleArn: await role(aws, 'BotRole', trustPolicy('lexv2.amazonaws.com')) })), collectors, statuses: { 'bot/Support': 'PASS' }, reason: /see LEX-IAM-7/ },
    ],
    FAIL: [{ name: 'a bot on the service-linked role of another service', moto: async (aws) => void (await lexBot(aws, { roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS` })), collectors, statuses: { 'bot/Support': 'FAIL' } }],
    UNKNOWN: [{ name: 'lex:DescribeBot denied', moto: async (aws) => void (await lexBot(aws)), collectors, deny: ['lex:DescribeBot'], statuses: { 'bot/Support': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
