import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ENV } from '../../helpers/synth';
import { kmsKey, lexAlias, lexBot, logGroup, textLogs } from '../../tester/seed';
import type { CheckTable, Seed } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';
import { conditionalBot, OTHER_BRANCH, ROOT } from '../unknown-values';
import { botWithLogs } from '../unknown-values';

const ACCOUNT = '123456789012';

const textTo = (cloudWatchLogGroupArn: string) => ({
  conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn, logPrefix: 't/' } } }] },
});
/** A bot with an alias writing text logs to the group `arn` gives. */
const aliasLogsTo = (arn: (stack: Stack) => string) => (stack: Stack) => void newAlias(stack, newBot(stack), textTo(arn(stack)));
const onAlias = (status: string) => ({ Bot: 'NOT_APPLICABLE', Alias: status });

/** A moto alias writing text logs to log group /lex/support (made by `group`, or not at all). */
const motoTextLogs = (group?: (aws: Seed) => Promise<unknown>) => async (aws: Seed) => {
  await group?.(aws);
  await lexAlias(aws, await lexBot(aws), { conversationLogSettings: textLogs(`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/lex/support:*`) });
};

export default {
  synth: {
    PASS: [
      { name: 'a Fn::If between two customer-managed keys', template: conditionalBot(ROOT, '!If [HasKey, !GetAtt Key.Arn, !GetAtt OtherKey.Arn]'), resource: 'Alias' },
      { name: 'a log group with a key', cdk: aliasLogsTo((s) => new logs.LogGroup(s, 'Group', { encryptionKey: new kms.Key(s, 'Key') }).logGroupArn), statuses: onAlias('PASS'), reason: /encrypted with/ },
      {
        name: 'a literal ARN naming a log group of the app',
        cdk: aliasLogsTo((s) => {
          new logs.LogGroup(s, 'Group', { logGroupName: '/lex/support', encryptionKey: new kms.Key(s, 'Key') });
          return `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/lex/support:*`;
        }),
        statuses: onAlias('PASS'),
        reason: /encrypted with/,
      },
      {
        name: 'the log group in another stack of the app (Fn::ImportValue of its export)',
        cdk: (stack) => {
          const other = new Stack(stack.node.root as App, 'Logs', { env: ENV });
          const group = new logs.LogGroup(other, 'Group', { encryptionKey: new kms.Key(other, 'Key') });
          newAlias(stack, newBot(stack), textTo(group.logGroupArn));
        },
        statuses: onAlias('PASS'),
      },
      {
        name: 'a YAML template: the alias names the group by !GetAtt, the group its key by !GetAtt',
        template: `
Resources:
  Key: { Type: AWS::KMS::Key, Properties: { KeyPolicy: { Statement: [] } } }
  Group: { Type: AWS::Logs::LogGroup, Properties: { KmsKeyId: !GetAtt Key.Arn } }
  Bot:
    Type: AWS::Lex::Bot
    Properties: { Name: Support, RoleArn: !Sub 'arn:aws:iam::\${AWS::AccountId}:role/lex', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 }
  Alias:
    Type: AWS::Lex::BotAlias
    Properties:
      BotId: !Ref Bot
      BotAliasName: prod
      ConversationLogSettings:
        TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: !GetAtt Group.Arn, LogPrefix: t/ } } }]
`,
        statuses: onAlias('PASS'),
      },
    ],
    FAIL: [
      { name: 'KmsKeyId ""', template: botWithLogs({ kmsKeyId: '""' }), statuses: { Alias: 'FAIL', Bot: 'NOT_APPLICABLE' }, reason: /"" is not the ARN of a KMS key/ },
      {
        name: 'KmsKeyId: Fn::If [HasKey, key, AWS::NoValue], HasKey true by default',
        template: conditionalBot(ROOT, '!If [HasKey, !GetAtt Key.Arn, !Ref AWS::NoValue]'),
        statuses: { Alias: 'FAIL', Bot: 'NOT_APPLICABLE' },
        reason: OTHER_BRANCH('HasKey', false, 'UseKey'),
      },
      { name: 'a log group without a key', cdk: aliasLogsTo((s) => new logs.LogGroup(s, 'Group').logGroupArn), statuses: onAlias('FAIL'), reason: /has no KMS key/ },
      {
        name: 'a bot classified pci: HIGH',
        cdk: (s) => void newAlias(s, newBot(s, { botTags: [{ key: 'data-classification', value: 'PCI' }] }), textTo(new logs.LogGroup(s, 'Group').logGroupArn)),
        resource: 'Alias',
        severity: 'HIGH',
      },
    ],
    UNKNOWN: [
      {
        name: 'a log group outside the app',
        cdk: aliasLogsTo(() => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/shared/lex:*`),
        statuses: onAlias('UNKNOWN'),
        reason: /log group arn:aws:logs:.*:log-group:\/shared\/lex:\* is not defined in this app/,
      },
      { name: 'an import no stack of the app exports', cdk: aliasLogsTo(() => Fn.importValue('BaselineLexLogGroupArn')), statuses: onAlias('UNKNOWN'), reason: /no stack in this run exports it/ },
      { name: 'a log group ARN from a parameter', cdk: aliasLogsTo((s) => new CfnParameter(s, 'GroupArn').valueAsString), statuses: onAlias('UNKNOWN'), reason: /parameter GroupArn/ },
      {
        name: 'a key given by Fn::If with AWS::NoValue, under a condition no parameter default decides',
        template: conditionalBot(ROOT, '!If [HasKey, !GetAtt Key.Arn, !Ref AWS::NoValue]').replace('UseKey: { Type: String, Default: "yes" }', 'UseKey: { Type: String }'),
        resource: 'Alias',
        reason: /KMS key of log group Logs is not given when condition HasKey is false, which nothing in the template decides/,
      },
    ],
  },
  live: {
    PASS: [
      {
        name: 'a log group encrypted with a KMS key (found by name from the alias ARN)',
        moto: motoTextLogs(async (aws) => logGroup(aws, '/lex/support', { kmsKeyId: await kmsKey(aws) })),
        statuses: { 'bot/Support': 'NOT_APPLICABLE', 'bot/Support/alias/Prod': 'PASS' },
      },
    ],
    FAIL: [{ name: 'a log group without a KMS key', moto: motoTextLogs((aws) => logGroup(aws, '/lex/support')), resource: 'alias/Prod', reason: /has no KMS key/ }],
    UNKNOWN: [
      { name: 'the log group is not in the account', moto: motoTextLogs(), resource: 'alias/Prod', reason: /was not found in the account scan/ },
      { name: 'logs:DescribeLogGroups denied', moto: motoTextLogs((aws) => logGroup(aws, '/lex/support')), deny: ['logs:DescribeLogGroups'], resource: 'alias/Prod', reason: /was denied/ },
    ],
  },
} satisfies CheckTable;
