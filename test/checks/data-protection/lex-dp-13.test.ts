import { CfnParameter, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import lexDp13 from '../../../checks/data-protection/lex-dp-13-bedrock-guardrails';
import { synthStack } from '../../helpers/synth';
import { byConstruct, newBot } from './lex-fixtures';

const MODEL = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
const guarded = (extra: Partial<lex.CfnBot.BedrockModelSpecificationProperty> = {}): lex.CfnBot.BedrockModelSpecificationProperty => ({
  modelArn: MODEL,
  bedrockGuardrailConfiguration: { bedrockGuardrailIdentifier: 'gr-123', bedrockGuardrailVersion: '1' },
  bedrockTraceStatus: 'DISABLED',
  ...extra,
});
const locale = (spec: lex.CfnBot.BedrockModelSpecificationProperty, enabled: boolean = true): lex.CfnBot.BotLocaleProperty => ({
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

describe('LEX-DP-13 Bedrock guardrails and tracing', () => {
  test.each([
    ['PASS', 'guardrail set, tracing off', () => guarded(), {}],
    ['FAIL', 'no guardrail', () => guarded({ bedrockGuardrailConfiguration: undefined }), { [`Bot[${SLOTS}::Guardrail]`]: 'FAIL' }],
    ['FAIL', 'guardrail without version', () => guarded({ bedrockGuardrailConfiguration: { bedrockGuardrailIdentifier: 'gr-1' } }), { [`Bot[${SLOTS}::Guardrail]`]: 'FAIL' }],
    ['FAIL', 'tracing on', () => guarded({ bedrockTraceStatus: 'ENABLED' }), { [`Bot[${SLOTS}::Trace]`]: 'FAIL' }],
    ['UNKNOWN', 'trace status from a parameter', (s: Stack) => guarded({ bedrockTraceStatus: new CfnParameter(s, 'Trace').valueAsString }), { [`Bot[${SLOTS}::Trace]`]: 'UNKNOWN' }],
  ])('%s: %s', (_s, _what, spec, overrides) => {
    const out = synthStack((stack) => newBot(stack, { botLocales: [locale(spec(stack))] }), { checks: [lexDp13] });
    expect(byConstruct(out.of('LEX-DP-13'))).toEqual({
      [`Bot[${SLOTS}::Guardrail]`]: 'PASS',
      [`Bot[${SLOTS}::Trace]`]: 'PASS',
      [`Bot[${QNA}::Guardrail]`]: 'PASS',
      [`Bot[${QNA}::Trace]`]: 'PASS',
      ...overrides,
    });
  });

  test('a disabled feature is not judged; a bot without Bedrock is not applicable', () => {
    const disabled = synthStack((stack) => newBot(stack, { botLocales: [locale(guarded({ bedrockTraceStatus: 'ENABLED' }), false)] }), { checks: [lexDp13] });
    expect(Object.keys(byConstruct(disabled.of('LEX-DP-13')))).toEqual([`Bot[${QNA}::Guardrail]`, `Bot[${QNA}::Trace]`]);
    expect(synthStack((stack) => newBot(stack), { checks: [lexDp13] }).statuses('LEX-DP-13')).toEqual({ Bot: 'NOT_APPLICABLE' });
  });
});
