import { defineCheck } from '../../lib/engine/check';
import { get, items } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { aliasSettingsPrefix, logSettings } from '../shared/lex';
import { piiVerdicts } from '../shared/pii';
import { ALIAS_HOLDERS, BOT, type BotAliasProps, type BotProps } from '../../lib/model/types/lex';

/** Free-text fields of a bot or alias, as (property path, value) pairs; tag keys and values separately. */
function fields(graph: ResourceGraph, r: Resource): Array<{ path: string; value: unknown }> {
  // A bot's or an alias's properties: each reads the names of its own type.
  const props = graph.props<BotProps & BotAliasProps>(r);
  const out: Array<{ path: string; value: unknown }> = [];
  const named = r.type === BOT ? (['Name', 'Description', 'TestBotAliasSettings.Description'] as const) : (['BotAliasName', 'Description'] as const);
  for (const path of named) out.push({ path, value: get(props, path) });
  for (const tagList of r.type === BOT ? (['BotTags', 'TestBotAliasTags'] as const) : (['BotAliasTags'] as const)) {
    const list = items(props[tagList]);
    if (list instanceof Unknown) out.push({ path: tagList, value: list });
    else list.forEach((tag, i) => out.push({ path: `${tagList}.${i}.Key`, value: get(tag, 'Key') }, { path: `${tagList}.${i}.Value`, value: get(tag, 'Value') }));
  }
  for (const kind of ['Text', 'Audio'] as const) {
    const settings = logSettings(graph, r, kind);
    if (settings instanceof Unknown) out.push({ path: `${aliasSettingsPrefix(r)}ConversationLogSettings.${kind}LogSettings`, value: settings });
    else {
      const prefix = kind === 'Text' ? ('Destination.CloudWatch.LogPrefix' as const) : ('Destination.S3Bucket.LogPrefix' as const);
      for (const s of settings) out.push({ path: `${s.path}.${prefix}`, value: get(s.value, prefix) });
    }
  }
  return out;
}

export default defineCheck({
  id: 'LEX-DP-16',
  title: 'No personal data in bot and alias names, descriptions, tags or log prefixes',
  severity: 'LOW',
  rationale: 'Names, descriptions, tags and log prefixes are not protected as customer content: they appear in billing, CloudTrail, consoles and log paths.',
  remediation: "Remove email addresses, phone numbers, social security and card numbers from these fields; use an owner id or a team alias instead of a person's contact.",
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/data-protection.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  evaluate(resource, { graph }) {
    return piiVerdicts(fields(graph, resource), 'free-text');
  },
});
