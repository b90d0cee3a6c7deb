import {
  DescribeBotAliasCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeResourcePolicyCommand,
  DescribeSlotCommand,
  LexModelsV2Client,
  ListBotAliasesCommand,
  ListBotLocalesCommand,
  ListBotReplicasCommand,
  ListBotsCommand,
  ListIntentsCommand,
  ListSlotsCommand,
  ListSlotTypesCommand,
  ListTagsForResourceCommand,
  type DescribeBotLocaleCommandOutput,
} from '@aws-sdk/client-lex-models-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { lexBots } from '../../lib/sources/account/collectors/lex-bots';
import { Unknown } from '../../lib/model/values';
import { ACCOUNT, REGION, audit } from './audit';
import { awsError, denied } from './sdk-mock';

/**
 * The parts of the Lex V2 collector moto cannot hold (ListBotLocales, intents and slots, ListBotReplicas,
 * DescribeBotLocale, the built-in TSTALIASID alias, alias tags, failures): the SDK client is mocked.
 */
const lex = mockClient(LexModelsV2Client);
const BOT_ID = 'BOT1';
const BOT = 'bot/Support';
const BOT_ARN = `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${BOT_ID}`;

/** One bot "Support" with a TSTALIASID test alias and a "Prod" alias on version 2; one locale with one slot. */
function oneBot(slotObfuscation: 'None' | 'DefaultObfuscation' = 'DefaultObfuscation', generative: DescribeBotLocaleCommandOutput['generativeAISettings'] = undefined) {
  lex.reset();
  lex.on(ListBotsCommand).resolves({ botSummaries: [{ botId: BOT_ID, botName: 'Support' }] });
  lex.on(DescribeBotCommand).resolves({ botId: BOT_ID, botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300, errorLogSettings: { enabled: true } });
  lex.on(ListTagsForResourceCommand).resolves({ tags: {} });
  lex.on(ListTagsForResourceCommand, { resourceARN: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${BOT_ID}/PROD` }).resolves({ tags: { 'data-classification': 'pii' } });
  lex.on(ListBotReplicasCommand).resolves({ botReplicaSummaries: [] });
  lex.on(DescribeResourcePolicyCommand).rejects(awsError('ResourceNotFoundException', 404));
  lex.on(ListBotAliasesCommand).resolves({ botAliasSummaries: [{ botAliasId: 'TSTALIASID', botVersion: 'DRAFT' }, { botAliasId: 'PROD', botVersion: '2' }] });
  lex.on(DescribeBotAliasCommand, { botAliasId: 'TSTALIASID' }).resolves({ botAliasId: 'TSTALIASID', botAliasName: 'TestBotAlias', botVersion: 'DRAFT', sentimentAnalysisSettings: { detectSentiment: true } });
  lex.on(DescribeBotAliasCommand, { botAliasId: 'PROD' }).resolves({ botAliasId: 'PROD', botAliasName: 'Prod', botVersion: '2', botId: BOT_ID });
  lex.on(ListBotLocalesCommand).resolves({ botLocaleSummaries: [{ localeId: 'en_US' }] });
  lex.on(DescribeBotLocaleCommand).resolves({ localeId: 'en_US', generativeAISettings: generative });
  lex.on(ListIntentsCommand).resolves({ intentSummaries: [{ intentId: 'I1', intentName: 'OrderPizza' }] });
  lex.on(ListSlotTypesCommand).resolves({ slotTypeSummaries: [] });
  lex.on(ListSlotsCommand).resolves({ slotSummaries: [{ slotId: 'S1', slotName: 'CardNumber', slotTypeId: 'AMAZON.Number' }] });
  lex.on(DescribeSlotCommand).resolves({ slotId: 'S1', slotName: 'CardNumber', slotTypeId: 'AMAZON.Number', obfuscationSetting: { obfuscationSettingType: slotObfuscation } });
}

afterAll(() => lex.restore());

describe('lex-bots collector (mocked SDK: what moto cannot hold)', () => {
  it('puts the built-in test alias on the bot and reads DRAFT and every version an alias serves', async () => {
    oneBot();
    const run = await audit([lexBots]);
    const bot = run.props('AWS::Lex::Bot', BOT);
    expect(bot.TestBotAliasSettings).toMatchObject({ SentimentAnalysisSettings: { DetectSentiment: true } });
    expect(run.resource('AWS::Lex::BotAlias', `${BOT}/alias/TestBotAlias`)).toBeUndefined();
    expect(bot.BotLocales).toEqual([
      { LocaleId: 'en_US', BotVersion: 'DRAFT', Intents: [{ Name: 'OrderPizza', Slots: [{ Name: 'CardNumber', SlotTypeName: 'AMAZON.Number', ObfuscationSetting: { ObfuscationSettingType: 'DefaultObfuscation' } }] }], SlotTypes: [] },
      { LocaleId: 'en_US', BotVersion: '2', Intents: [{ Name: 'OrderPizza', Slots: [{ Name: 'CardNumber', SlotTypeName: 'AMAZON.Number', ObfuscationSetting: { ObfuscationSettingType: 'DefaultObfuscation' } }] }], SlotTypes: [] },
    ]);
    expect(lex.commandCalls(ListBotLocalesCommand).map((c) => c.args[0].input.botVersion).sort()).toEqual(['2', 'DRAFT']);
    expect(run.props('AWS::Lex::BotAlias', `${BOT}/alias/Prod`).BotAliasTags).toEqual([{ Key: 'data-classification', Value: 'pii' }]);
    expect(run.statuses('LEX-MON-5')[BOT]).toBe('PASS');
  });

  it.each([
    ['FAIL', 'a slot with obfuscation None', 'None'],
    ['PASS', 'every slot obfuscated', 'DefaultObfuscation'],
  ] as const)('LEX-DP-6 %s: %s', async (expected, _what, obfuscation) => {
    oneBot(obfuscation);
    const run = await audit([lexBots]);
    expect(run.statuses('LEX-DP-6')[BOT]).toContain(expected);
  });

  it('LEX-DP-6 UNKNOWN: a slot that cannot be described is unknown, not unobfuscated', async () => {
    oneBot('None');
    lex.on(DescribeSlotCommand).rejects(denied());
    const run = await audit([lexBots]);
    const slots = (run.props('AWS::Lex::Bot', BOT).BotLocales as Array<{ Intents: Array<{ Slots: Array<{ ObfuscationSetting: unknown }> }> }>)[0].Intents[0].Slots;
    expect(slots[0].ObfuscationSetting).toBeInstanceOf(Unknown);
    expect(run.statuses('LEX-DP-6')[BOT]).toContain('UNKNOWN');
    expect(run.statuses('LEX-DP-6')[BOT]).not.toContain('PASS');
  });

  it.each([
    ['FAIL', 'a Bedrock model without guardrail and with tracing on', { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude', traceStatus: 'ENABLED' as const }],
    ['PASS', 'a Bedrock model with a guardrail and tracing off', { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude', guardrail: { identifier: 'gr-1', version: '1' }, traceStatus: 'DISABLED' as const }],
  ])('LEX-DP-13 %s: %s (DescribeBotLocale, in CloudFormation spelling)', async (expected, _what, spec) => {
    oneBot('DefaultObfuscation', { runtimeSettings: { slotResolutionImprovement: { enabled: true, bedrockModelSpecification: spec } } });
    const run = await audit([lexBots]);
    const locale = (run.props('AWS::Lex::Bot', BOT).BotLocales as Array<Record<string, unknown>>)[0];
    expect(locale.GenerativeAISettings).toMatchObject({ RuntimeSettings: { SlotResolutionImprovementSpecification: { Enabled: true, BedrockModelSpecification: { ModelArn: spec.modelArn } } } });
    expect(run.statuses('LEX-DP-13')[BOT]).toContain(expected);
  });

  it.each([
    ['FAIL', 'no replica', []],
    ['PASS', 'a replica in us-west-2', [{ replicaRegion: 'us-west-2', botReplicaStatus: 'Enabled' as const }]],
  ])('LEX-RES-1 %s: %s (ListBotReplicas)', async (expected, _what, replicas) => {
    oneBot();
    lex.on(ListBotReplicasCommand).resolves({ botReplicaSummaries: replicas });
    const run = await audit([lexBots]);
    expect(run.statuses('LEX-RES-1')[BOT]).toBe(expected);
  });

  it('ListBots denied: a gap for bots, aliases and policies, so their checks say UNKNOWN', async () => {
    oneBot();
    lex.on(ListBotsCommand).rejects(denied());
    const run = await audit([lexBots]);
    expect(run.collected.stacks[0].gaps).toEqual([{ types: ['AWS::Lex::Bot', 'AWS::Lex::BotAlias', 'AWS::Lex::ResourcePolicy'], reason: expect.stringContaining('lex:ListBots was denied') }]);
    expect(run.statuses('LEX-IAM-1')).toEqual({ [`${ACCOUNT}/${REGION}`]: 'UNKNOWN' });
  });

  it('a resource policy that cannot be read is an unknown policy (LEX-IAM-1 UNKNOWN), a missing one is none', async () => {
    oneBot();
    lex.on(DescribeResourcePolicyCommand, { resourceArn: BOT_ARN }).rejects(awsError('ThrottlingException', 429));
    const run = await audit([lexBots]);
    expect(run.props('AWS::Lex::ResourcePolicy', `${BOT}/policy`).Policy).toBeInstanceOf(Unknown);
    expect(run.resource('AWS::Lex::ResourcePolicy', `${BOT}/alias/Prod/policy`)).toBeUndefined();
    expect(run.statuses('LEX-IAM-1')[`${BOT}/policy`]).toBe('UNKNOWN');
  });

  it('aliases that cannot be listed are a gap, and the versions they serve an unknown part of BotLocales', async () => {
    oneBot('DefaultObfuscation');
    lex.on(ListBotAliasesCommand).rejects(denied());
    const run = await audit([lexBots]);
    expect(run.collected.stacks[0].gaps).toEqual([{ types: ['AWS::Lex::BotAlias'], reason: expect.stringContaining('lex:ListBotAliases was denied') }]);
    const locales = run.props('AWS::Lex::Bot', BOT).BotLocales as unknown[];
    expect(locales[0]).toMatchObject({ BotVersion: 'DRAFT' });
    expect(locales[1]).toBeInstanceOf(Unknown);
    expect(run.statuses('LEX-DP-6')[BOT]).toContain('UNKNOWN');
    expect(run.statuses('LEX-RES-2')).toEqual({ [`${ACCOUNT}/${REGION}`]: 'UNKNOWN' });
  });

  it('a bot that cannot be described keeps its name and makes every described property unknown', async () => {
    oneBot();
    lex.on(DescribeBotCommand).rejects(denied());
    const run = await audit([lexBots]);
    const bot = run.props('AWS::Lex::Bot', BOT);
    expect(bot.Name).toBe('Support');
    expect(bot.DataPrivacy).toBeInstanceOf(Unknown);
    expect(run.statuses('LEX-DP-1')[BOT]).toBe('UNKNOWN');
  });

  it('follows nextToken through every page of bots', async () => {
    oneBot();
    lex.on(ListBotsCommand).resolvesOnce({ botSummaries: [{ botId: 'A', botName: 'A' }], nextToken: 't1' }).resolvesOnce({ botSummaries: [{ botId: 'B', botName: 'B' }] });
    const run = await audit([lexBots]);
    expect(run.graph.ofType('AWS::Lex::Bot').map((b) => b.logicalId).sort()).toEqual(['bot/A', 'bot/B']);
    expect(lex.commandCalls(ListBotsCommand)[1].args[0].input.nextToken).toBe('t1');
  });
});
