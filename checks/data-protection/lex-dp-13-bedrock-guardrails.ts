import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, get, items, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { BOT, type BedrockModelSpecification, type BotProps } from '../../lib/model/types/lex';
import type { Cfn } from '../../lib/model/types/view';

/** Generative-AI features of a locale that carry a Bedrock model spec, with the `Enabled` switch beside it. */
const LOCALE_FEATURES = [
  'GenerativeAISettings.BuildtimeSettings.DescriptiveBotBuilderSpecification',
  'GenerativeAISettings.BuildtimeSettings.SampleUtteranceGenerationSpecification',
  'GenerativeAISettings.RuntimeSettings.SlotResolutionImprovementSpecification',
] as const;
/** Bedrock model specs of an intent (always in use when present). */
const INTENT_SPECS = ['QnAIntentConfiguration.BedrockModelConfiguration', 'BedrockAgentIntentConfiguration.BedrockAgentIntentKnowledgeBaseConfiguration.BedrockModelConfiguration'] as const;

interface Spec {
  spec: Cfn<BedrockModelSpecification>;
  /** Readable place: `en_US/SlotResolutionImprovementSpecification`, `en_US/FAQ/QnAIntentConfiguration`. */
  where: string;
  path: string;
}

function judge({ spec, where, path }: Spec): Verdict[] {
  const out: Verdict[] = [];
  const guardrail = (['BedrockGuardrailIdentifier', 'BedrockGuardrailVersion'] as const).map((k) => str(get(get(spec, 'BedrockGuardrailConfiguration'), k)));
  const guardrailKey = { findingKey: `${where}::Guardrail`, path: `${path}.BedrockGuardrailConfiguration` };
  const doubt = guardrail.find((g): g is Unknown => g instanceof Unknown);
  if (doubt) out.push(unknown(`the guardrail of ${where} cannot be known: ${doubt.reason}`, guardrailKey));
  else if (guardrail.some((g) => g === undefined)) out.push(fail(`${where} calls a Bedrock model without a guardrail (identifier and version)`, guardrailKey));
  else out.push(pass(`${where} uses guardrail ${guardrail[0]} version ${guardrail[1]}`, guardrailKey));
  const trace = str(get(spec, 'BedrockTraceStatus'));
  const traceKey = { findingKey: `${where}::Trace`, path: `${path}.BedrockTraceStatus` };
  if (trace instanceof Unknown) out.push(unknown(`BedrockTraceStatus of ${where} cannot be known: ${trace.reason}`, traceKey));
  else if (trace === 'ENABLED') out.push(fail(`${where} has Bedrock tracing on: prompts and responses are recorded`, traceKey));
  else out.push(pass(`${where} keeps Bedrock tracing off`, traceKey));
  return out;
}

export default defineCheck({
  id: 'LEX-DP-13',
  title: 'Generative-AI features reference a Bedrock guardrail and keep model tracing off',
  severity: 'LOW',
  rationale: 'Without a guardrail, prompts and model answers built from caller input are not filtered for personal data or harmful content; tracing records them in full.',
  remediation: 'Give every BedrockModelSpecification a BedrockGuardrailConfiguration (identifier and version) and leave BedrockTraceStatus DISABLED unless you are debugging.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/APIReference/API_BedrockModelSpecification.html',
  modes: ['synth', 'live'],
  resourceTypes: [BOT],
  evaluate(bot, { graph }) {
    const locales = items(graph.props<BotProps>(bot).BotLocales);
    if (locales instanceof Unknown) return unknown(`BotLocales cannot be known: ${locales.reason}`, { path: 'BotLocales' });
    const specs: Spec[] = [];
    const verdicts: Verdict[] = [];
    for (const [l, locale] of locales.entries()) {
      const id = str(get(locale, 'LocaleId'));
      const localeName = typeof id === 'string' ? id : String(l);
      for (const feature of LOCALE_FEATURES) {
        const setting = get(locale, feature);
        const spec = get(setting, 'BedrockModelSpecification');
        const enabled = bool(get(setting, 'Enabled'));
        const where = `${localeName}/${feature.split('.').pop()}`;
        if (spec === undefined || enabled === false) continue;
        if (enabled instanceof Unknown) verdicts.push(unknown(`whether ${where} is enabled cannot be known: ${enabled.reason}`, { path: `BotLocales.${l}.${feature}.Enabled` }));
        else specs.push({ spec, where, path: `BotLocales.${l}.${feature}.BedrockModelSpecification` });
      }
      const intents = items(get(locale, 'Intents'));
      if (intents instanceof Unknown) {
        verdicts.push(unknown(`intents of locale ${localeName}: ${intents.reason}`, { path: `BotLocales.${l}.Intents` }));
        continue;
      }
      intents.forEach((intent, i) => {
        const name = str(get(intent, 'Name'));
        for (const place of INTENT_SPECS) {
          const spec = get(intent, place);
          if (spec !== undefined) specs.push({ spec, where: `${localeName}/${typeof name === 'string' ? name : i}/${place.split('.')[0]}`, path: `BotLocales.${l}.Intents.${i}.${place}` });
        }
      });
    }
    verdicts.push(...specs.flatMap(judge));
    return verdicts.length > 0 ? verdicts : notApplicable('the bot uses no Bedrock model');
  },
});
