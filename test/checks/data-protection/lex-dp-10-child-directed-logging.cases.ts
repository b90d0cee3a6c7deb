import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { lexAlias, lexBot, logGroup, textLogs } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';

const ACCOUNT = '123456789012';
const textTo = (s: Stack, enabled: unknown = true) => ({
  conversationLogSettings: { textLogSettings: [{ enabled: enabled as boolean, destination: { cloudWatch: { cloudWatchLogGroupArn: new logs.LogGroup(s, 'Group').logGroupArn, logPrefix: 't' } } }] },
});
const aliasOf = (name: string, dataPrivacy: unknown, alias: (s: Stack) => object): CdkCase => ({ name, cdk: (s) => void newAlias(s, newBot(s, { dataPrivacy }), alias(s)), resource: 'Alias' });

/** A moto bot (child-directed unless said) with alias Prod, logging text when `logs`. */
const motoBot = (childDirected: boolean, logs: boolean) => async (aws: Seed) => {
  const botId = await lexBot(aws, { childDirected });
  await lexAlias(aws, botId, logs ? { conversationLogSettings: textLogs(await logGroup(aws, '/lex/kids')) } : {});
};

export default {
  synth: {
    PASS: [aliasOf('child-directed bot, alias logs nothing', { ChildDirected: true }, () => ({})), aliasOf('child-directed bot, logs disabled', { ChildDirected: true }, (s) => textTo(s, false))],
    FAIL: [
      aliasOf('child-directed bot, alias logs text', { ChildDirected: true }, (s) => textTo(s)),
      {
        name: 'the built-in test alias of a child-directed bot logs audio',
        cdk: (s) =>
          void newBot(s, {
            dataPrivacy: { ChildDirected: true },
            testBotAliasSettings: { conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::b', logPrefix: 'a' } } }] } },
          }),
        statuses: { Bot: 'FAIL' },
      },
    ],
    UNKNOWN: [
      aliasOf('camelCase childDirected, alias logs', { childDirected: true }, (s) => textTo(s)),
      aliasOf('child-directed, Enabled from a parameter', { ChildDirected: true }, (s) => textTo(s, new CfnParameter(s, 'On').valueAsString)),
    ],
    NOT_APPLICABLE: [{ ...aliasOf('bot not child-directed', { ChildDirected: false }, (s) => textTo(s)), statuses: { Bot: 'NOT_APPLICABLE', Alias: 'NOT_APPLICABLE' } }],
  },
  live: {
    PASS: [{ name: 'a child-directed bot whose alias logs nothing', moto: motoBot(true, false), statuses: { 'bot/Support': 'PASS', 'bot/Support/alias/Prod': 'PASS' } }],
    FAIL: [
      { name: 'a child-directed bot whose alias logs text (the alias finds its bot by ARN)', moto: motoBot(true, true), statuses: { 'bot/Support': 'PASS', 'bot/Support/alias/Prod': 'FAIL' } },
      {
        name: 'an alias whose bot is known by its ARN only',
        emulated: 'a second way in: the alias and its bot as another collector could emit them, keyed by id',
        stacks: [
          scope([
            liveResource('AWS::Lex::Bot', 'KIDS', { DataPrivacy: { ChildDirected: true } }, `arn:aws:lex:us-east-1:${ACCOUNT}:bot/KIDS`),
            liveResource(
              'AWS::Lex::BotAlias',
              'PROD',
              { BotId: 'KIDS', ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:1:log-group:x' } } }] } },
              `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/KIDS/PROD`,
            ),
          ]),
        ],
        statuses: { KIDS: 'PASS', PROD: 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'the bot cannot be described (lex:DescribeBot denied) and its alias logs', moto: motoBot(true, true), deny: ['lex:DescribeBot'], resource: 'alias/Prod' }],
  },
} satisfies CheckTable;
