import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';
import { lexAlias, lexBot } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { ACCOUNT, REGION, addAlias, addBot } from '../monitoring/fixtures';

const alias = (name: string, extra: (s: Stack, bot: lex.CfnBot) => Partial<lex.CfnBotAliasProps>, status: string): CdkCase => ({
  name,
  cdk: (stack) => {
    const bot = addBot(stack);
    addAlias(stack, bot, 'Alias', extra(stack, bot));
  },
  statuses: { Alias: status },
});
const motoAlias = (botVersion: string) => async (aws: Seed) => void (await lexAlias(aws, await lexBot(aws), { botVersion }));
const liveAlias = (id: string, version: string) =>
  liveResource('AWS::Lex::BotAlias', id, { BotId: 'BOTID1', BotAliasId: id, BotVersion: version }, `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOTID1/${id}`);

export default {
  synth: {
    PASS: [
      alias('version number', () => ({ botVersion: '3' }), 'PASS'),
      alias(
        'GetAtt of a BotVersion',
        (s, bot) => ({
          botVersion: new lex.CfnBotVersion(s, 'V1', { botId: bot.attrId, botVersionLocaleSpecification: [{ localeId: 'en_US', botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' } }] }).attrBotVersion,
        }),
        'PASS',
      ),
    ],
    FAIL: [alias('DRAFT', () => ({ botVersion: 'DRAFT' }), 'FAIL'), alias('no version', () => ({}), 'FAIL')],
    UNKNOWN: [alias('parameter without value', (s) => ({ botVersion: new CfnParameter(s, 'Version').valueAsString }), 'UNKNOWN')],
  },
  live: {
    PASS: [
      { name: 'an alias on numbered version 1', moto: motoAlias('1'), statuses: { 'bot/Support/alias/Prod': 'PASS' } },
      {
        name: 'the test alias is not judged; a numbered alias passes',
        emulated: 'moto has no built-in TSTALIASID alias',
        stacks: [scope([liveResource('AWS::Lex::Bot', 'BOTID1', { Name: 'Support' }, `arn:aws:lex:${REGION}:${ACCOUNT}:bot/BOTID1`), liveAlias('TSTALIASID', 'DRAFT'), liveAlias('PROD1', '7')])],
        statuses: { TSTALIASID: 'NOT_APPLICABLE', PROD1: 'PASS' },
      },
    ],
    FAIL: [{ name: 'an alias on DRAFT', moto: motoAlias('DRAFT'), statuses: { 'bot/Support/alias/Prod': 'FAIL' } }],
    UNKNOWN: [{ name: 'lex:DescribeBotAlias denied', moto: motoAlias('1'), deny: ['lex:DescribeBotAlias'], reason: /lex:DescribeBotAlias was denied/ }],
  },
} satisfies CheckTable;
