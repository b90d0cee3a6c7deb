import { option } from '../../lib/engine/options';
import picomatch from 'picomatch';
import { str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { BOT, type BotAliasProps } from '../../lib/model/types/lex';
import { TEST_ALIAS_ID } from '../../lib/model/types/lex';

/**
 * Which Lex aliases carry production traffic (LEX-MON-2, LEX-RES-2). The built-in test alias
 * (`TSTALIASID`, settings under the bot's `TestBotAliasSettings`) never does: AWS limits its runtime
 * throughput and meant it for testing. Every other alias is production unless its name matches
 * `nonProductionAliases`.
 */
export const PRODUCTION_OPTIONS = {
  nonProductionAliases: option.strings([], 'BotAliasName globs of aliases that are not production (e.g. ["dev*", "staging"]); the test alias TSTALIASID never is'),
};

/** True for a production alias; otherwise why not (a string), or Unknown when its name cannot be known. */
export function isProductionAlias(graph: ResourceGraph, r: Resource, options: Record<string, unknown>): true | string | Unknown {
  if (r.type === BOT) return 'the test alias (TSTALIASID) is not for production traffic';
  const props = graph.props<BotAliasProps>(r);
  // Live collectors may list the test alias among the bot's aliases.
  if (props.BotAliasId === TEST_ALIAS_ID || graph.arnOf(r)?.endsWith(`/${TEST_ALIAS_ID}`)) {
    return 'the test alias (TSTALIASID) is not for production traffic';
  }
  const globs = (options.nonProductionAliases as string[] | undefined) ?? [];
  if (globs.length === 0) return true;
  const name = str(props.BotAliasName);
  if (name instanceof Unknown) return new Unknown(`alias name cannot be known, so whether it is production cannot be told: ${name.reason}`);
  if (name !== undefined && globs.some((g) => picomatch.isMatch(name, g))) return `alias ${name} is marked non-production (nonProductionAliases)`;
  return true;
}
