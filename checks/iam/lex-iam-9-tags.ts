import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { tags } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { BOT, BOT_ALIAS, type BotAliasProps, type BotProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-IAM-9',
  title: 'Bots and aliases carry the tags ABAC policies rely on',
  severity: 'LOW',
  rationale:
    'Lex supports attribute-based access control: policies can scope runtime and admin access with aws:ResourceTag conditions. An untagged bot or alias falls outside those policies, or forces broader ones.',
  remediation: 'Add the required tag keys to BotTags and TestBotAliasTags of each bot, and to BotAliasTags of each alias.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_service-with-iam.html',
  options: {
    requiredTagKeys: option.strings(['owner'], "Tag keys every bot, test alias and alias must carry for ABAC (compared case-insensitively). The data classification tag is LEX-COMP-1's: add it here only to have it reported twice."),
  },
  synth: {
    resourceTypes: [BOT, BOT_ALIAS],
    evaluate: (resource, { graph, options }) => tagVerdicts(graph, resource, options.requiredTagKeys, resource.type === BOT_ALIAS ? ['BotAliasTags'] : ['BotTags', 'TestBotAliasTags']),
  },
  // TestBotAliasTags is write-only: an account read never returns it, so only templates are held to it.
  live: {
    resourceTypes: [BOT, BOT_ALIAS],
    evaluate: (resource, { graph, options }) => tagVerdicts(graph, resource, options.requiredTagKeys, resource.type === BOT_ALIAS ? ['BotAliasTags'] : ['BotTags']),
  },
});

function tagVerdicts(graph: ResourceGraph, resource: Resource, required: readonly string[], lists: ReadonlyArray<'BotTags' | 'TestBotAliasTags' | 'BotAliasTags'>): Verdict | Verdict[] {
    if (required.length === 0) return notApplicable('requiredTagKeys is empty');
    // A bot's or an alias's properties: `lists` names the lists of its own type.
    const props = graph.props<BotProps & BotAliasProps>(resource);
    const verdicts: Verdict[] = [];
    for (const list of lists) {
      const present = tags(props[list]);
      if (present instanceof Unknown) {
        verdicts.push(unknown(`${list} cannot be known: ${present.reason}`, { findingKey: list, path: list }));
        continue;
      }
      const keys = [...present.keys()].map((k) => k.toLowerCase());
      for (const key of required.filter((k) => !keys.includes(k.toLowerCase()))) {
        verdicts.push(fail(`${list} has no "${key}" tag`, { findingKey: `${list}::${key}`, path: list }));
      }
    }
    return verdicts.length > 0 ? verdicts : pass(`${lists.join(' and ')} carry ${required.join(', ')}`);
}
