import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { get, items, tags } from '../../lib/engine/read';

export const BOT = 'AWS::Lex::Bot';
export const BOT_ALIAS = 'AWS::Lex::BotAlias';
/** Resources that carry alias settings: aliases, and bots (their built-in test alias `TSTALIASID`). */
export const ALIAS_HOLDERS = [BOT_ALIAS, BOT];

/** Where alias settings live: on an alias itself, or under `TestBotAliasSettings` of a bot. */
export function aliasSettingsPrefix(r: Resource): string {
  return r.type === BOT ? 'TestBotAliasSettings.' : '';
}

/** The alias settings object (alias properties, or the bot's `TestBotAliasSettings`). */
export function aliasSettings(graph: ResourceGraph, r: Resource): unknown {
  const props = graph.props(r);
  return r.type === BOT ? props.TestBotAliasSettings : props;
}

/** Human label: "alias ProdAlias" / "test alias of bot Bot". */
export function aliasLabel(r: Resource): string {
  return r.type === BOT ? `test alias (TSTALIASID) of bot ${r.logicalId}` : `alias ${r.logicalId}`;
}

export interface LogSetting {
  /** The setting object (`{Enabled, Destination…}`). */
  value: unknown;
  /** Property path of the setting, e.g. `ConversationLogSettings.AudioLogSettings.0`. */
  path: string;
}

/** Audio or text log settings of an alias holder; Unknown when the list itself cannot be known. */
export function logSettings(graph: ResourceGraph, r: Resource, kind: 'Audio' | 'Text'): LogSetting[] | Unknown {
  const list = items(get(aliasSettings(graph, r), `ConversationLogSettings.${kind}LogSettings`));
  if (list instanceof Unknown) return list;
  const prefix = `${aliasSettingsPrefix(r)}ConversationLogSettings.${kind}LogSettings`;
  return list.map((value, i) => ({ value, path: `${prefix}.${i}` }));
}

/** The bot an alias belongs to (`BotId` → `AWS::Lex::Bot`); a bot is its own. */
export function botOf(graph: ResourceGraph, r: Resource): Resource | Unknown | undefined {
  if (r.type === BOT) return r;
  const t = graph.target(graph.props(r).BotId, BOT);
  if (t instanceof Unknown) return t;
  return t && 'resource' in t ? t.resource : undefined;
}

/** Tags of a Lex resource (`BotTags` / `BotAliasTags`). */
export function lexTags(graph: ResourceGraph, r: Resource): Map<string, string> | Unknown {
  return tags(graph.props(r)[r.type === BOT ? 'BotTags' : 'BotAliasTags']);
}
