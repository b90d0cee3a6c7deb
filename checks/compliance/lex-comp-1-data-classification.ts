import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import { isSensitive, tagValue } from '../shared/classification';
import { lexTags } from '../shared/lex';
import { BOT, BOT_ALIAS } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-COMP-1',
  title: 'Bots and aliases are tagged with a data classification',
  severity: 'MEDIUM',
  rationale:
    'Lex V2 is HIPAA eligible and in scope for PCI, SOC and ISO, but meeting them (and signing a BAA) is your part. A classification tag says which bots handle PHI or card data, so their log, key and obfuscation controls (LEX-DP-2/4/5/6, LEX-MON-2) are held to HIGH severity.',
  remediation: 'Tag every bot (BotTags) and alias (BotAliasTags) with the classification key, e.g. data-classification=phi | pci | pii | internal | public.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/compliance.html',
  modes: ['synth', 'live'],
  resourceTypes: [BOT, BOT_ALIAS],
  evaluate(resource, { graph, classification }) {
    const key = classification.tagKey;
    const property = resource.type === BOT ? 'BotTags' : 'BotAliasTags';
    const tags = lexTags(graph, resource);
    const value = tagValue(tags, key);
    if (value instanceof Unknown) return unknown(`${property} cannot be known: ${value.reason}`, { path: property });
    if (value === undefined || value.trim() === '') return fail(`${property} has no ${key} tag`, { path: property });
    return pass(`${key}=${value}${isSensitive(tags, classification) === true ? ': sensitive, its data-protection findings are raised to HIGH' : ''}`);
  },
});
