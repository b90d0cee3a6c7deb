import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { aliasLabel, aliasSettings, aliasSettingsPrefix, misspelledKeys } from '../shared/lex';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-DP-12',
  title: 'Sentiment analysis is enabled only where approved',
  severity: 'INFO',
  rationale: 'Sentiment analysis sends every utterance to Amazon Comprehend and widens what the bot role may do: a data flow to record and approve.',
  remediation: 'Turn off SentimentAnalysisSettings.DetectSentiment where it is not needed; where it is approved, suppress this finding with the approval as the reason.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/APIReference/API_SentimentAnalysisSettings.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  evaluate(resource, { graph }) {
    const path = `${aliasSettingsPrefix(resource)}SentimentAnalysisSettings`;
    const settings = get(aliasSettings(graph, resource), 'SentimentAnalysisSettings');
    const detect = bool(get(settings, 'DetectSentiment'));
    const misspelled = misspelledKeys(settings, 'DetectSentiment');
    if (detect === undefined && misspelled.length > 0) {
      return fail(`SentimentAnalysisSettings spells ${misspelled[0]}, which CloudFormation does not read: write DetectSentiment`, { path: `${path}.${misspelled[0]}` });
    }
    if (detect instanceof Unknown) return unknown(`whether ${aliasLabel(resource)} detects sentiment cannot be known: ${detect.reason}`, { path: `${path}.DetectSentiment` });
    if (detect) return fail(`${aliasLabel(resource)} sends utterances to Amazon Comprehend for sentiment analysis`, { path: `${path}.DetectSentiment` });
    return pass(`${aliasLabel(resource)} does not detect sentiment`);
  },
});
