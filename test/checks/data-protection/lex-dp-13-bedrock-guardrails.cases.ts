import { CfnParameter, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import type { BedrockModelSpecification } from '@aws-sdk/client-lex-models-v2';
import { mockedLexBot } from '../../tester/lex-mock';
import { lexBot } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { newBot } from './lex-fixtures';

const MODEL = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
const guarded = (extra: Partial<lex.CfnBot.BedrockModelSpecificationProperty> = {}): lex.CfnBot.BedrockModelSpecificationProperty => ({
  modelArn: MODEL,
  bedrockGuardrailConfiguration: { bedrockGuardrailIdentifier: 'gr-123', bedrockGuardrailVersion: '1' },
  bedrockTraceStatus: 'DISABLED',
  ...extra,
});
const locale = (spec: lex.CfnBot.BedrockModelSpecificationProperty, enabled = true): lex.CfnBot.BotLocaleProperty => ({
  localeId: 'en_US',
  nluConfidenceThreshold: 0.4,
  generativeAiSettings: { runtimeSettings: { slotResolutionImprovementSpecification: { enabled, bedrockModelSpecification: spec } } },
  intents: [
    {
      name: 'Faq',
      parentIntentSignature: 'AMAZON.QnAIntent',
      qnAIntentConfiguration: {
        bedrockModelConfiguration: guarded(),
        dataSourceConfiguration: { bedrockKnowledgeStoreConfiguration: { bedrockKnowledgeBaseArn: 'arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB' } },
      },
    },
  ],
});
const SLOTS = 'en_US/SlotResolutionImprovementSpecification';
const QNA = 'en_US/Faq/QnAIntentConfiguration';
const ALL_PASS = { [`Bot[${SLOTS}::Guardrail]`]: 'PASS', [`Bot[${SLOTS}::Trace]`]: 'PASS', [`Bot[${QNA}::Guardrail]`]: 'PASS', [`Bot[${QNA}::Trace]`]: 'PASS' };
const spec = (name: string, s: (stack: Stack) => lex.CfnBot.BedrockModelSpecificationProperty, overrides: Record<string, string> = {}): CdkCase => ({
  name,
  cdk: (stack) => void newBot(stack, { botLocales: [locale(s(stack))] }),
  statuses: { ...ALL_PASS, ...overrides },
});
const NO_LOCALES = 'moto 5.2 has no ListBotLocales (HTTP 500): a locale’s generative AI settings are never read';
const runtime = (bedrockModelSpecification: BedrockModelSpecification) => ({ generativeAISettings: { runtimeSettings: { slotResolutionImprovement: { enabled: true, bedrockModelSpecification } } } });
const LIVE_SLOTS = 'bot/Support[en_US/SlotResolutionImprovementSpecification';

export default {
  synth: {
    PASS: [
      spec('guardrail set, tracing off', () => guarded()),
      {
        name: 'a disabled feature is not judged',
        cdk: (stack) => void newBot(stack, { botLocales: [locale(guarded({ bedrockTraceStatus: 'ENABLED' }), false)] }),
        statuses: { [`Bot[${QNA}::Guardrail]`]: 'PASS', [`Bot[${QNA}::Trace]`]: 'PASS' },
      },
    ],
    FAIL: [
      spec('no guardrail', () => guarded({ bedrockGuardrailConfiguration: undefined }), { [`Bot[${SLOTS}::Guardrail]`]: 'FAIL' }),
      spec('guardrail without version', () => guarded({ bedrockGuardrailConfiguration: { bedrockGuardrailIdentifier: 'gr-1' } }), { [`Bot[${SLOTS}::Guardrail]`]: 'FAIL' }),
      spec('tracing on', () => guarded({ bedrockTraceStatus: 'ENABLED' }), { [`Bot[${SLOTS}::Trace]`]: 'FAIL' }),
    ],
    UNKNOWN: [spec('trace status from a parameter', (s) => guarded({ bedrockTraceStatus: new CfnParameter(s, 'Trace').valueAsString }), { [`Bot[${SLOTS}::Trace]`]: 'UNKNOWN' })],
    NOT_APPLICABLE: [{ name: 'a bot without Bedrock', cdk: (stack) => void newBot(stack), statuses: { Bot: 'NOT_APPLICABLE' } }],
  },
  live: {
    PASS: [
      mockedLexBot('a Bedrock model with a guardrail and tracing off (DescribeBotLocale)', NO_LOCALES, { locale: runtime({ modelArn: MODEL, guardrail: { identifier: 'gr-1', version: '1' }, traceStatus: 'DISABLED' }) }, {
        statuses: { [`${LIVE_SLOTS}::Guardrail]`]: 'PASS', [`${LIVE_SLOTS}::Trace]`]: 'PASS' },
      }),
    ],
    FAIL: [
      mockedLexBot('a Bedrock model without guardrail and with tracing on', NO_LOCALES, { locale: runtime({ modelArn: MODEL, traceStatus: 'ENABLED' }) }, {
        statuses: { [`${LIVE_SLOTS}::Guardrail]`]: 'FAIL', [`${LIVE_SLOTS}::Trace]`]: 'FAIL' },
      }),
    ],
    UNKNOWN: [
      { name: 'the bot’s locales cannot be listed (moto has no ListBotLocales)', moto: async (aws) => void (await lexBot(aws)), statuses: { 'bot/Support': 'UNKNOWN' }, reason: /lex:ListBotLocales/ },
    ],
  },
} satisfies CheckTable;
