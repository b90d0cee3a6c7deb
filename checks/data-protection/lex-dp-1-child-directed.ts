import { option } from '../../lib/engine/options';
import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { lexTagValue, misspelledKeys } from '../shared/lex';
import { BOT, BOT_ALLOWED, type BotProps } from '../../lib/model/types/lex';
import { invalidValue } from '../../lib/model/types/view';

export default defineCheck({
  id: 'LEX-DP-1',
  title: 'ChildDirected is set deliberately and matches the audience',
  severity: 'HIGH',
  rationale:
    'A bot aimed at children under 13 must declare ChildDirected (COPPA): Lex then stores no utterances. A missing or wrong value is a legal exposure that no later setting repairs.',
  remediation:
    'Set DataPrivacy.ChildDirected (PascalCase; in CDK `dataPrivacy: { ChildDirected: ... }`) explicitly, and true for any bot whose audience is children.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/APIReference/API_DataPrivacy.html',
  modes: ['synth', 'live'],
  options: {
    audienceTagKey: option.string('audience', 'Bot tag key that declares the audience'),
    childAudienceValues: option.strings(['children'], 'Values of the audience tag meaning the bot is aimed at children (ChildDirected must be true)'),
  },
  resourceTypes: [BOT],
  evaluate(bot, { graph, options }) {
    const privacy = graph.props<BotProps>(bot).DataPrivacy;
    if (privacy === undefined) return fail('DataPrivacy is missing: the bot does not declare whether it is child-directed', { path: 'DataPrivacy' });
    if (privacy instanceof Unknown) return unknown(`DataPrivacy cannot be known: ${privacy.reason}`, { path: 'DataPrivacy' });
    const raw = get(privacy, 'ChildDirected');
    const invalid = invalidValue(raw, BOT_ALLOWED.ChildDirected);
    if (invalid) return fail(`DataPrivacy.ChildDirected ${invalid}, as CloudFormation requires: the value is invalid`, { path: 'DataPrivacy.ChildDirected' });
    const value = bool(raw);
    const misspelled = misspelledKeys(privacy, 'ChildDirected');
    if (value === undefined && misspelled.length > 0) {
      return fail(`DataPrivacy spells ${misspelled[0]}, which CloudFormation does not read: write ChildDirected (CfnBot.dataPrivacy is passed through verbatim)`, {
        path: `DataPrivacy.${misspelled[0]}`,
      });
    }
    if (value === undefined) return fail('DataPrivacy.ChildDirected is not set', { path: 'DataPrivacy.ChildDirected' });
    if (value instanceof Unknown) return unknown(`DataPrivacy.ChildDirected cannot be known: ${value.reason}`, { path: 'DataPrivacy.ChildDirected' });
    if (value) return pass('the bot is declared child-directed');

    const key = String(options.audienceTagKey);
    const audience = lexTagValue(graph, bot, key);
    if (audience instanceof Unknown) return unknown(`ChildDirected is false, and the ${key} tag cannot be known: ${audience.reason}`, { path: 'BotTags' });
    const childValues = (options.childAudienceValues as string[]).map((v) => v.toLowerCase());
    if (audience !== undefined && childValues.includes(audience.toLowerCase())) {
      return fail(`the bot is tagged ${key}=${audience} but DataPrivacy.ChildDirected is false`, { path: 'DataPrivacy.ChildDirected' });
    }
    return pass(`ChildDirected is explicitly false${audience === undefined ? '' : ` (${key}=${audience})`}`);
  },
});
