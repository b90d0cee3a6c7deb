import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { tags } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { CLASSIFICATION_OPTIONS } from '../shared/classification';
import { BOT, BOT_ALIAS } from '../shared/lex';

export default defineCheck({
  id: 'LEX-IAM-9',
  title: 'Bots and aliases carry the tags ABAC policies rely on',
  service: 'lex',
  topic: 'iam',
  severity: 'LOW',
  rationale:
    'Lex supports attribute-based access control: policies can scope runtime and admin access with aws:ResourceTag conditions. An untagged bot or alias falls outside those policies, or forces broader ones.',
  remediation: 'Add the required tag keys to BotTags and TestBotAliasTags of each bot, and to BotAliasTags of each alias.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_service-with-iam.html',
  modes: ['synth', 'live'],
  options: {
    requiredTagKeys: {
      default: [CLASSIFICATION_OPTIONS.classificationTagKey.default, 'owner'],
      description: 'Tag keys every bot, test alias and alias must carry (compared case-insensitively)',
    },
  },
  resourceTypes: [BOT, BOT_ALIAS],
  evaluate(resource, { graph, options, mode }) {
    const required = (options.requiredTagKeys as string[] | undefined) ?? [];
    if (required.length === 0) return notApplicable('requiredTagKeys is empty');
    const props = graph.props(resource);
    // TestBotAliasTags is write-only: an account read never returns it, so only templates are held to it.
    const lists = resource.type === BOT_ALIAS ? ['BotAliasTags'] : mode === 'synth' ? ['BotTags', 'TestBotAliasTags'] : ['BotTags'];
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
  },
});
