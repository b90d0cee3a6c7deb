import type { DescribeBotAliasResponse } from '@aws-sdk/client-lex-models-v2';
import { cfnShape, type Spellings } from '../support/shape';

/** Where the Lex V2 API and the `AWS::Lex::*` schemas spell a field differently. */
export const LEX_SPELLINGS: Spellings = {
  lambdaARN: 'LambdaArn',
  slotResolutionImprovement: 'SlotResolutionImprovementSpecification',
  nluImprovement: 'NluImprovementSpecification',
  descriptiveBotBuilder: 'DescriptiveBotBuilderSpecification',
  sampleUtteranceGeneration: 'SampleUtteranceGenerationSpecification',
  guardrail: 'BedrockGuardrailConfiguration',
  'guardrail.identifier': 'BedrockGuardrailIdentifier',
  'guardrail.version': 'BedrockGuardrailVersion',
  traceStatus: 'BedrockTraceStatus',
  customPrompt: 'BedrockModelCustomPrompt',
};

export function lexShape(value: unknown): unknown {
  return cfnShape(value, LEX_SPELLINGS);
}

export function botArn(partition: string, region: string, account: string, botId: string): string {
  return `arn:${partition}:lex:${region}:${account}:bot/${botId}`;
}

export function aliasArn(partition: string, region: string, account: string, botId: string, aliasId: string): string {
  return `arn:${partition}:lex:${region}:${account}:bot-alias/${botId}/${aliasId}`;
}

/**
 * Alias settings in CloudFormation shape. `SelectiveLoggingEnabled` is kept inside the log settings
 * although the CloudFormation schema has no such field: it is the live side of LEX-DP-11.
 * `BotAliasLocaleSettings` is a map keyed by locale in the API and a list in CloudFormation.
 */
export function aliasSettings(a: DescribeBotAliasResponse): Record<string, unknown> {
  const locales = Object.entries(a.botAliasLocaleSettings ?? {});
  return {
    Description: a.description,
    ConversationLogSettings: lexShape(a.conversationLogSettings),
    SentimentAnalysisSettings: lexShape(a.sentimentAnalysisSettings),
    BotAliasLocaleSettings: locales.length > 0 ? locales.map(([LocaleId, setting]) => ({ LocaleId, BotAliasLocaleSetting: lexShape(setting) })) : undefined,
  };
}

/** ARNs an alias' settings point at, for following: log groups, buckets, keys, code hooks. */
export function aliasReferences(a: DescribeBotAliasResponse): { logGroups: string[]; buckets: string[]; keys: string[]; functions: string[] } {
  const logs = a.conversationLogSettings;
  const text = (logs?.textLogSettings ?? []).map((t) => t.destination?.cloudWatch?.cloudWatchLogGroupArn);
  const audio = (logs?.audioLogSettings ?? []).map((t) => t.destination?.s3Bucket);
  const hooks = Object.values(a.botAliasLocaleSettings ?? {}).map((s) => s.codeHookSpecification?.lambdaCodeHook?.lambdaARN);
  const defined = (xs: Array<string | undefined>) => xs.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return {
    logGroups: defined(text),
    buckets: defined(audio.map((d) => d?.s3BucketArn)),
    keys: defined(audio.map((d) => d?.kmsKeyArn)),
    functions: defined(hooks),
  };
}
