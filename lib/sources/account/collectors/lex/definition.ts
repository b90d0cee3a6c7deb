import type { DescribeIntentResponse, IntentSummary, LexModelsV2Client, SlotTypeSummary } from '@aws-sdk/client-lex-models-v2';
import { failed, type CallFailure, type CollectorContext } from '../../collector';
import { Unknown } from '../../../../model/values';
import { listAll, mapLimit, ops, orUnknown, unknownFrom } from '../support/calls';
import { compact } from '../support/shape';
import { lexShape } from './shape';
import { loadLex } from '../support/sdk';

export const DEFINITION_OPERATIONS = ops(
  'lex',
  'ListBotLocales',
  'DescribeBotLocale',
  'ListIntents',
  'DescribeIntent',
  'ListSlots',
  'DescribeSlot',
  'ListSlotTypes',
  'DescribeSlotType',
);

/** Intents whose configuration sends data to another service (Bedrock, Kendra, Q in Connect): worth a DescribeIntent. */
const EXTERNAL_DATA_INTENTS = new Set(['AMAZON.QnAIntent', 'AMAZON.KendraSearchIntent', 'AMAZON.QInConnectIntent', 'AMAZON.BedrockAgentIntent']);

interface Where {
  botId: string;
  botVersion: string;
}

/** References a definition holds that other collectors' checks follow (grammar files and their keys). */
export interface DefinitionRefs {
  buckets: string[];
  keys: string[];
}

/**
 * The `BotLocales` of one bot version in CloudFormation shape: locales with their generative AI
 * settings, intents with slots (`ObfuscationSetting`, which list calls do not return and
 * DescribeSlot does) and external-grammar slot types. Each locale carries the live-only
 * `BotVersion` it was read from, because the live bot holds the DRAFT definition and every
 * version an alias serves. Whatever cannot be read is an Unknown at that place of the tree.
 */
export async function readDefinition(ctx: CollectorContext, client: LexModelsV2Client, where: Where, refs: DefinitionRefs): Promise<unknown[] | Unknown> {
  const { ListBotLocalesCommand } = await loadLex();
  const locales = await listAll(
    ctx,
    DEFINITION_OPERATIONS[0],
    (nextToken) => client.send(new ListBotLocalesCommand({ ...where, nextToken })),
    (page) => ({ items: page.botLocaleSummaries, next: page.nextToken }),
  );
  if (failed(locales)) return unknownFrom(locales);
  return mapLimit(
    locales.filter((l) => l.localeId),
    2,
    (l) => readLocale(ctx, client, { ...where, localeId: l.localeId! }, refs),
  );
}

async function readLocale(ctx: CollectorContext, client: LexModelsV2Client, where: Where & { localeId: string }, refs: DefinitionRefs): Promise<unknown> {
  const lex = await loadLex();
  const [described, intents, slotTypes] = await Promise.all([
    ctx.call(DEFINITION_OPERATIONS[1], () => client.send(new lex.DescribeBotLocaleCommand(where))),
    listAll(
      ctx,
      DEFINITION_OPERATIONS[2],
      (nextToken) => client.send(new lex.ListIntentsCommand({ ...where, nextToken })),
      (page) => ({ items: page.intentSummaries, next: page.nextToken }),
    ),
    listAll(
      ctx,
      DEFINITION_OPERATIONS[6],
      (nextToken) => client.send(new lex.ListSlotTypesCommand({ ...where, nextToken })),
      (page) => ({ items: page.slotTypeSummaries, next: page.nextToken }),
    ),
  ]);
  const typeNames = new Map<string, string>(failed(slotTypes) ? [] : slotTypes.map((t) => [t.slotTypeId ?? '', t.slotTypeName ?? '']));
  return compact({
    LocaleId: where.localeId,
    BotVersion: where.botVersion,
    Description: orUnknown(described, (d) => d.description),
    NluConfidenceThreshold: orUnknown(described, (d) => d.nluIntentConfidenceThreshold),
    GenerativeAISettings: orUnknown(described, (d) => lexShape(d.generativeAISettings)),
    SpeechRecognitionSettings: orUnknown(described, (d) => lexShape(d.speechRecognitionSettings)),
    UnifiedSpeechSettings: orUnknown(described, (d) => lexShape(d.unifiedSpeechSettings)),
    Intents: failed(intents) ? unknownFrom(intents) : await mapLimit(intents.filter((i) => i.intentId), 4, (i) => readIntent(ctx, client, where, i.intentId!, i, typeNames)),
    SlotTypes: failed(slotTypes) ? unknownFrom(slotTypes) : await readSlotTypes(ctx, client, where, slotTypes, refs),
  });
}

async function readIntent(ctx: CollectorContext, client: LexModelsV2Client, where: Where & { localeId: string }, intentId: string, intent: IntentSummary, typeNames: Map<string, string>): Promise<unknown> {
  const lex = await loadLex();
  const slots = await listAll(
    ctx,
    DEFINITION_OPERATIONS[4],
    (nextToken) => client.send(new lex.ListSlotsCommand({ ...where, intentId, nextToken })),
    (page) => ({ items: page.slotSummaries, next: page.nextToken }),
  );
  const external = intent.parentIntentSignature !== undefined && EXTERNAL_DATA_INTENTS.has(intent.parentIntentSignature);
  const described = external ? await ctx.call(DEFINITION_OPERATIONS[3], () => client.send(new lex.DescribeIntentCommand({ ...where, intentId }))) : undefined;
  return compact({
    Name: intent.intentName,
    Description: intent.description,
    ParentIntentSignature: intent.parentIntentSignature,
    ...(described === undefined ? {} : externalConfig(described)),
    Slots: failed(slots)
      ? unknownFrom(slots)
      : await mapLimit(slots, 4, async (slot) => {
          const slotId = slot.slotId;
          const d = slotId ? await ctx.call(DEFINITION_OPERATIONS[5], () => client.send(new lex.DescribeSlotCommand({ ...where, intentId, slotId }))) : undefined;
          if (d === undefined) return compact({ Name: slot.slotName, ObfuscationSetting: new Unknown('the slot has no id to describe it by') });
          const typeId = failed(d) ? slot.slotTypeId : (d.slotTypeId ?? slot.slotTypeId);
          return compact({
            Name: slot.slotName,
            SlotTypeName: typeId && (typeNames.get(typeId) ?? typeId),
            ObfuscationSetting: orUnknown(d, (x) => lexShape(x.obfuscationSetting)),
          });
        }),
  });
}

/** The intent's Bedrock/Kendra/Q in Connect configuration, or Unknown in each place if DescribeIntent failed. */
function externalConfig(d: DescribeIntentResponse | CallFailure): Record<string, unknown> {
  if (failed(d)) {
    const reason = unknownFrom(d);
    return { QnAIntentConfiguration: reason, KendraConfiguration: reason, QInConnectIntentConfiguration: reason };
  }
  return {
    QnAIntentConfiguration: lexShape(d.qnAIntentConfiguration),
    KendraConfiguration: lexShape(d.kendraConfiguration),
    QInConnectIntentConfiguration: lexShape(d.qInConnectIntentConfiguration),
  };
}

/** Slot types; only external-grammar ones are described (their grammar file and its key matter). */
async function readSlotTypes(ctx: CollectorContext, client: LexModelsV2Client, where: Where & { localeId: string }, types: SlotTypeSummary[], refs: DefinitionRefs): Promise<unknown[]> {
  const { DescribeSlotTypeCommand } = await loadLex();
  return mapLimit(types, 4, async (t) => {
    const slotTypeId = t.slotTypeId;
    if (t.slotTypeCategory !== 'ExternalGrammar') return compact({ Name: t.slotTypeName, ParentSlotTypeSignature: t.parentSlotTypeSignature });
    if (!slotTypeId) return compact({ Name: t.slotTypeName, ExternalSourceSetting: new Unknown('the grammar slot type has no id to describe it by') });
    const d = await ctx.call(DEFINITION_OPERATIONS[7], () => client.send(new DescribeSlotTypeCommand({ ...where, slotTypeId })));
    if (!failed(d)) {
      const source = d.externalSourceSetting?.grammarSlotTypeSetting?.source;
      if (source?.s3BucketName) refs.buckets.push(source.s3BucketName);
      if (source?.kmsKeyArn) refs.keys.push(source.kmsKeyArn);
    }
    return compact({ Name: t.slotTypeName, ExternalSourceSetting: orUnknown(d, (x) => lexShape(x.externalSourceSetting)) });
  });
}
