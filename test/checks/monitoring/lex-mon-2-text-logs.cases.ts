import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as lex from 'aws-cdk-lib/aws-lex';
import { lexAlias, lexBot, logGroup, textLogs } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { ACCOUNT, REGION, addAlias, addBot } from './fixtures';

const logsTo = (stack: Stack, enabled: boolean | string = true): lex.CfnBotAlias.ConversationLogSettingsProperty => ({
  textLogSettings: [{ enabled: enabled as boolean, destination: { cloudWatch: { cloudWatchLogGroupArn: new logs.LogGroup(stack, 'Logs').logGroupArn, logPrefix: 'text/' } } }],
});
const alias = (name: string, props: (s: Stack) => Partial<lex.CfnBotAliasProps>, status: string): CdkCase => ({
  name,
  cdk: (stack) => void addAlias(stack, addBot(stack), 'Alias', props(stack)),
  statuses: { Alias: status, Bot: 'NOT_APPLICABLE' },
});
const motoAlias = (logging: boolean, bot: Parameters<typeof lexBot>[1] = {}) => async (aws: Seed) => {
  const botId = await lexBot(aws, bot);
  await lexAlias(aws, botId, logging ? { conversationLogSettings: textLogs(await logGroup(aws, '/lex/support')) } : {});
};

export default {
  synth: {
    PASS: [alias('text logs to a log group of the app', (s) => ({ conversationLogSettings: logsTo(s) }), 'PASS')],
    FAIL: [
      alias('alias without conversation logs', () => ({}), 'FAIL'),
      alias('text logs disabled', (s) => ({ conversationLogSettings: logsTo(s, false) }), 'FAIL'),
      { name: 'PHI-tagged bots fail at HIGH', cdk: (s) => void addAlias(s, addBot(s, 'Bot', { botTags: [{ key: 'data-classification', value: 'PHI' }] })), resource: 'Alias', severity: 'HIGH' },
    ],
    UNKNOWN: [
      alias('Enabled from a parameter', (s) => ({ conversationLogSettings: logsTo(s, new CfnParameter(s, 'On').valueAsString) }), 'UNKNOWN'),
      { name: 'the alias of a bot outside the app has no logs', cdk: (s) => void addAlias(s, addBot(s), 'Alias', { botId: new CfnParameter(s, 'BotId').valueAsString }), resource: 'Alias' },
    ],
    NOT_APPLICABLE: [
      { name: 'child-directed bots', cdk: (s) => void addAlias(s, addBot(s, 'Bot', { dataPrivacy: { ChildDirected: true } })), statuses: { Alias: 'NOT_APPLICABLE', Bot: 'NOT_APPLICABLE' } },
      { name: 'aliases named as non-production', cdk: (s) => void addAlias(s, addBot(s), 'DevAlias'), options: { nonProductionAliases: ['dev*'] }, statuses: { DevAlias: 'NOT_APPLICABLE', Bot: 'NOT_APPLICABLE' } },
    ],
  },
  live: {
    PASS: [{ name: 'a production alias with text logs', moto: motoAlias(true), statuses: { 'bot/Support': 'NOT_APPLICABLE', 'bot/Support/alias/Prod': 'PASS' } }],
    FAIL: [
      { name: 'a production alias without logs', moto: motoAlias(false), statuses: { 'bot/Support': 'NOT_APPLICABLE', 'bot/Support/alias/Prod': 'FAIL' } },
      { name: 'a PHI-tagged bot’s alias without logs fails at HIGH', moto: motoAlias(false, { tags: { 'data-classification': 'PHI' } }), resource: 'alias/Prod', severity: 'HIGH' },
      {
        name: 'the test alias is not production, other aliases are judged',
        emulated: 'moto has no built-in TSTALIASID alias',
        stacks: [
          scope([
            liveResource('AWS::Lex::Bot', 'BOTID1', { Name: 'Support', DataPrivacy: { ChildDirected: false } }, `arn:aws:lex:${REGION}:${ACCOUNT}:bot/BOTID1`),
            ...['TSTALIASID', 'PROD1', 'PROD2'].map((id) =>
              liveResource(
                'AWS::Lex::BotAlias',
                id,
                {
                  BotId: 'BOTID1',
                  BotAliasId: id,
                  ...(id === 'TSTALIASID' ? { BotAliasName: 'TestBotAlias' } : {}),
                  ...(id === 'PROD1' ? { ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:lex` } } }] } } : {}),
                },
                `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOTID1/${id}`,
              ),
            ),
          ]),
        ],
        statuses: { BOTID1: 'NOT_APPLICABLE', TSTALIASID: 'NOT_APPLICABLE', PROD1: 'PASS', PROD2: 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'lex:DescribeBotAlias denied', moto: motoAlias(true), deny: ['lex:DescribeBotAlias'], reason: /lex:DescribeBotAlias was denied/ }],
    NOT_APPLICABLE: [{ name: 'a child-directed bot', moto: motoAlias(false, { childDirected: true }), statuses: { 'bot/Support': 'NOT_APPLICABLE', 'bot/Support/alias/Prod': 'NOT_APPLICABLE' } }],
  },
} satisfies CheckTable;
