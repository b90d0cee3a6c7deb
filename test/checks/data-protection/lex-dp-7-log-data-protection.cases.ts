import type { Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { lexAlias, lexBot, logGroup, textLogs } from '../../tester/seed';
import { liveResource, scope, type CheckTable } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';

const textTo = (arn: string) => ({ conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: arn, logPrefix: 't' } } }] } });
const aliasLogsTo = (arn: (s: Stack) => string) => (stack: Stack) => void newAlias(stack, newBot(stack), textTo(arn(stack)));
const onAlias = (status: string) => ({ Bot: 'NOT_APPLICABLE', Alias: status });
const identifiers = [logs.DataIdentifier.EMAILADDRESS];
const NO_MASKING = 'moto 5.2 implements neither GetDataProtectionPolicy nor account policies (HTTP 500): a log group’s masking is never known';

/** A live alias logging text to log group /lex with `group` properties. */
const liveGroup = (group: Record<string, unknown>) => [
  scope([
    liveResource('AWS::Logs::LogGroup', 'log-group//lex', { LogGroupName: '/lex', ...group }, 'arn:aws:logs:us-east-1:123456789012:log-group:/lex'),
    liveResource('AWS::Lex::BotAlias', 'bot/B/alias/Prod', {
      BotId: 'B',
      ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/lex:*' } } }] },
    }),
  ]),
];

export default {
  synth: {
    PASS: [
      { name: 'a log group with a policy', cdk: aliasLogsTo((s) => new logs.LogGroup(s, 'Group', { dataProtectionPolicy: new logs.DataProtectionPolicy({ identifiers }) }).logGroupArn), statuses: onAlias('PASS') },
      {
        name: 'an account-level data-protection policy covers the group',
        cdk: (stack) => {
          new logs.CfnAccountPolicy(stack, 'Masking', { policyName: 'mask', policyType: 'DATA_PROTECTION_POLICY', policyDocument: '{}' });
          newAlias(stack, newBot(stack), textTo(new logs.LogGroup(stack, 'Group').logGroupArn));
        },
        statuses: onAlias('PASS'),
      },
    ],
    FAIL: [{ name: 'a log group without a policy', cdk: aliasLogsTo((s) => new logs.LogGroup(s, 'Group').logGroupArn), statuses: onAlias('FAIL') }],
    UNKNOWN: [{ name: 'a log group outside the app', cdk: aliasLogsTo(() => 'arn:aws:logs:us-east-1:123456789012:log-group:/shared:*'), statuses: onAlias('UNKNOWN') }],
  },
  live: {
    PASS: [
      { name: 'an account-level policy, as DescribeLogGroups reports it (InheritedProperties)', emulated: NO_MASKING, stacks: liveGroup({ InheritedProperties: ['ACCOUNT_DATA_PROTECTION'] }), statuses: { 'bot/B/alias/Prod': 'PASS' } },
      { name: 'the group’s own policy (GetDataProtectionPolicy)', emulated: NO_MASKING, stacks: liveGroup({ DataProtectionPolicy: { Name: 'mask', Statement: [] } }), statuses: { 'bot/B/alias/Prod': 'PASS' } },
    ],
    FAIL: [{ name: 'a log group without a policy', emulated: NO_MASKING, stacks: liveGroup({}), statuses: { 'bot/B/alias/Prod': 'FAIL' } }],
    UNKNOWN: [
      {
        name: 'the group’s policy cannot be read (GetDataProtectionPolicy fails)',
        moto: async (aws) => void (await lexAlias(aws, await lexBot(aws), { conversationLogSettings: textLogs(await logGroup(aws, '/lex/support')) })),
        resource: 'alias/Prod',
        reason: /logs:GetDataProtectionPolicy/,
      },
    ],
  },
} satisfies CheckTable;
