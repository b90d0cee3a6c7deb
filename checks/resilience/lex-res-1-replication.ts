import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { get, items, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { tagValue } from '../shared/classification';
import { lexTags } from '../shared/lex';
import { BOT, type BotProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-RES-1',
  title: 'Critical bots are replicated to a second Region',
  severity: 'LOW',
  rationale:
    'A bot lives in one Region. Global Resiliency keeps a replica of it in a second Region, so a Regional outage does not take the conversation channel down with it.',
  remediation: 'Set Replication.ReplicaRegions on the bot to one other Region (Global Resiliency), and route callers to the replica on failover.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/navigation-gr.html',
  modes: ['synth', 'live'],
  options: {
    criticalTag: option.string('', 'Tag that marks critical bots, as "key" (any value) or "key=value"; empty: every bot is critical'),
  },
  resourceTypes: [BOT],
  evaluate(resource, { graph, options }) {
    const marker = String(options.criticalTag ?? '');
    if (marker !== '') {
      const [key, wanted] = marker.split('=', 2);
      const value = tagValue(lexTags(graph, resource), key);
      if (value instanceof Unknown) return unknown(`whether bot ${resource.logicalId} is critical cannot be known: ${value.reason}`, { path: 'BotTags' });
      if (value === undefined || (wanted !== undefined && value.toLowerCase() !== wanted.toLowerCase())) {
        return notApplicable(`bot ${resource.logicalId} is not tagged ${marker}`);
      }
    }
    const regions = items(get(graph.props<BotProps>(resource), 'Replication.ReplicaRegions'));
    if (regions instanceof Unknown) return unknown(`replica Regions cannot be known: ${regions.reason}`, { path: 'Replication.ReplicaRegions' });
    if (regions.length === 0) return fail(`bot ${resource.logicalId} has no replica in another Region`, { path: 'Replication' });
    const region = str(regions[0]);
    if (region instanceof Unknown) return unknown(`replica Region cannot be known: ${region.reason}`, { path: 'Replication.ReplicaRegions.0' });
    if (region === resource.stack.region) return fail(`bot ${resource.logicalId} is replicated to its own Region ${region}`, { path: 'Replication.ReplicaRegions.0' });
    return pass(`bot ${resource.logicalId} is replicated to ${region}`);
  },
});
