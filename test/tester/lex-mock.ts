import {
  DescribeBotAliasCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeIntentCommand,
  DescribeResourcePolicyCommand,
  DescribeSlotCommand,
  DescribeSlotTypeCommand,
  LexModelsV2Client,
  ListBotAliasesCommand,
  ListBotLocalesCommand,
  ListBotReplicasCommand,
  ListBotsCommand,
  ListIntentsCommand,
  ListSlotsCommand,
  ListSlotTypesCommand,
  ListTagsForResourceCommand,
  type BotReplicaSummary,
  type DescribeBotLocaleResponse,
  type DescribeIntentResponse,
  type DescribeSlotTypeResponse,
  type ObfuscationSettingType,
} from '@aws-sdk/client-lex-models-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { lexBots } from '../../lib/sources/account/collectors/lex-bots';
import { awsError } from '../collectors/sdk-mock';
import type { MockedCase } from './types';
import { ACCOUNT } from './seed';

/** What moto cannot hold of a Lex V2 bot: its locales (ListBotLocales and below) and its replicas. */
export interface MockedBot {
  /** The DRAFT locale en_US as DescribeBotLocale answers. */
  locale?: Partial<DescribeBotLocaleResponse>;
  /** Slots of intent Book: name → obfuscation setting. */
  slots?: Record<string, ObfuscationSettingType | undefined>;
  /** A QnA intent, as DescribeIntent answers. */
  qna?: Partial<DescribeIntentResponse>;
  /** External-grammar slot types, as DescribeSlotType answers. */
  grammars?: Array<Partial<DescribeSlotTypeResponse>>;
  replicas?: BotReplicaSummary[];
  /** DescribeBot's errorLogSettings.enabled. */
  errorLogs?: boolean;
  /** Operations that fail with AccessDenied. */
  denied?: Array<'ListBotLocales' | 'DescribeSlot' | 'ListBotReplicas' | 'DescribeBotLocale'>;
}

/**
 * A mocked-SDK live case: one bot "Support" (id BOT1) with only its built-in test alias, and the
 * definition given, read by the real lex-bots collector.
 */
export function mockedLexBot(name: string, emulated: string, bot: MockedBot, expect: Omit<MockedCase, 'name' | 'emulated' | 'sdk' | 'collectors'> = {}): MockedCase {
  return {
    name,
    emulated,
    collectors: [lexBots],
    ...expect,
    sdk: () => {
      const lex = mockClient(LexModelsV2Client);
      const denied = new Set(bot.denied ?? []);
      const answer = <T>(op: string, value: T) => (denied.has(op as never) ? Promise.reject(awsError('AccessDeniedException', 403, `not authorized to perform lex:${op}`)) : Promise.resolve(value));
      lex.on(ListBotsCommand).resolves({ botSummaries: [{ botId: 'BOT1', botName: 'Support' }] });
      lex.on(DescribeBotCommand).resolves({ botId: 'BOT1', botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300, ...(bot.errorLogs === undefined ? {} : { errorLogSettings: { enabled: bot.errorLogs } }) });
      lex.on(ListTagsForResourceCommand).resolves({ tags: {} });
      lex.on(ListBotReplicasCommand).callsFake(() => answer('ListBotReplicas', { botReplicaSummaries: bot.replicas ?? [] }));
      lex.on(DescribeResourcePolicyCommand).rejects(awsError('ResourceNotFoundException', 404));
      lex.on(ListBotAliasesCommand).resolves({ botAliasSummaries: [{ botAliasId: 'TSTALIASID', botVersion: 'DRAFT' }] });
      lex.on(DescribeBotAliasCommand).resolves({ botAliasId: 'TSTALIASID', botAliasName: 'TestBotAlias', botVersion: 'DRAFT', botId: 'BOT1' });
      lex.on(ListBotLocalesCommand).callsFake(() => answer('ListBotLocales', { botLocaleSummaries: [{ localeId: 'en_US' }] }));
      lex.on(DescribeBotLocaleCommand).callsFake(() => answer('DescribeBotLocale', { localeId: 'en_US', ...bot.locale }));
      const intents = [{ intentId: 'I1', intentName: 'Book' }, ...(bot.qna ? [{ intentId: 'Q1', intentName: 'Faq', parentIntentSignature: 'AMAZON.QnAIntent' }] : [])];
      lex.on(ListIntentsCommand).resolves({ intentSummaries: intents });
      lex.on(DescribeIntentCommand).resolves({ intentId: 'Q1', intentName: 'Faq', parentIntentSignature: 'AMAZON.QnAIntent', ...bot.qna });
      const slots = Object.entries(bot.slots ?? {});
      lex.on(ListSlotsCommand).resolves({ slotSummaries: [] });
      lex.on(ListSlotsCommand, { intentId: 'I1' }).resolves({ slotSummaries: slots.map(([slotName], i) => ({ slotId: `S${i}`, slotName, slotTypeId: 'AMAZON.FreeFormInput' })) });
      slots.forEach(([slotName, type], i) => {
        lex.on(DescribeSlotCommand, { slotId: `S${i}` }).callsFake(() =>
          answer('DescribeSlot', { slotId: `S${i}`, slotName, slotTypeId: 'AMAZON.FreeFormInput', obfuscationSetting: type ? { obfuscationSettingType: type } : undefined }),
        );
      });
      const grammars = bot.grammars ?? [];
      lex.on(ListSlotTypesCommand).resolves({ slotTypeSummaries: grammars.map((g, i) => ({ slotTypeId: `T${i}`, slotTypeName: g.slotTypeName ?? `Grammar${i}`, slotTypeCategory: 'ExternalGrammar' })) });
      grammars.forEach((g, i) => lex.on(DescribeSlotTypeCommand, { slotTypeId: `T${i}` }).resolves({ slotTypeId: `T${i}`, slotTypeName: `Grammar${i}`, ...g }));
      return [lex];
    },
  };
}
