import type { ResourceGraph } from '../../lib/model/graph';
import { once, perResource } from '../../lib/model/relations/per-resource';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { bool, get, items, str, tags } from '../../lib/engine/read';
import type { Classification } from '../../lib/config/types';
import { isSensitive } from './classification';
import { resolveTarget } from './target';
import { S3_BUCKET } from '../../lib/model/types/s3';
import { BOT, type AliasSettings, type AudioLogSetting, type BotAliasProps, type BotProps, type TextLogSetting } from '../../lib/model/types/lex';
import type { Cfn, CfnTags } from '../../lib/model/types/view';
import { LOG_GROUP } from '../../lib/model/types/logs';
import { botOf } from '../../lib/model/relations/lex';

/** Where alias settings live: on an alias itself, or under `TestBotAliasSettings` of a bot. */
export function aliasSettingsPrefix(r: Resource): string {
  return r.type === BOT ? 'TestBotAliasSettings.' : '';
}

/** The alias settings object (alias properties, or the bot's `TestBotAliasSettings`). */
export function aliasSettings(graph: ResourceGraph, r: Resource): Cfn<AliasSettings> | undefined {
  return r.type === BOT ? graph.props<BotProps>(r).TestBotAliasSettings : graph.props<BotAliasProps>(r);
}

/** Human label: "alias ProdAlias" / "test alias of bot Bot". */
export function aliasLabel(r: Resource): string {
  return r.type === BOT ? `test alias (TSTALIASID) of bot ${r.logicalId}` : `alias ${r.logicalId}`;
}

export type LogKind = 'Audio' | 'Text';

export interface LogSetting {
  /** The setting object (`{Enabled, Destination…}`): an audio or a text log setting. */
  value: Cfn<AudioLogSetting | TextLogSetting>;
  /** Property path of the setting, e.g. `ConversationLogSettings.AudioLogSettings.0`. */
  path: string;
}

/** Audio or text log settings of an alias holder; Unknown when the list itself cannot be known. */
export function logSettings(graph: ResourceGraph, r: Resource, kind: LogKind): LogSetting[] | Unknown {
  return once(graph, LOG_SETTINGS[kind], r, () => readLogSettings(graph, r, kind));
}

const LOG_SETTINGS = { Audio: perResource<LogSetting[] | Unknown>('audio log settings'), Text: perResource<LogSetting[] | Unknown>('text log settings') };
const ENABLED_LOG_SETTINGS = {
  Audio: perResource<{ settings: LogSetting[]; unknowns: Verdict[] }>('enabled audio log settings'),
  Text: perResource<{ settings: LogSetting[]; unknowns: Verdict[] }>('enabled text log settings'),
};
const LOG_DESTINATIONS = {
  Audio: perResource<{ destinations: LogDestination[]; unknowns: Verdict[] }>('audio log destinations'),
  Text: perResource<{ destinations: LogDestination[]; unknowns: Verdict[] }>('text log destinations'),
};

function readLogSettings(graph: ResourceGraph, r: Resource, kind: LogKind): LogSetting[] | Unknown {
  const logs = get(aliasSettings(graph, r), 'ConversationLogSettings');
  const list = items(kind === 'Audio' ? get(logs, 'AudioLogSettings') : get(logs, 'TextLogSettings'));
  if (list instanceof Unknown) return list;
  const prefix = `${aliasSettingsPrefix(r)}ConversationLogSettings.${kind}LogSettings`;
  return list.map((value, i) => ({ value, path: `${prefix}.${i}` }));
}

/** The tag list of a Lex resource: `BotTags` of a bot, `BotAliasTags` of an alias. */
function tagList(graph: ResourceGraph, r: Resource): CfnTags | undefined {
  return r.type === BOT ? graph.props<BotProps>(r).BotTags : graph.props<BotAliasProps>(r).BotAliasTags;
}

/** Tags of a Lex resource (`BotTags` / `BotAliasTags`). */
export function lexTags(graph: ResourceGraph, r: Resource): Map<string, string> | Unknown {
  return tags(tagList(graph, r));
}

/**
 * Enabled log settings of an alias holder, and UNKNOWN verdicts for the settings (or the list) whose
 * `Enabled` cannot be known. Disabled settings are left out.
 */
export function enabledLogSettings(graph: ResourceGraph, r: Resource, kind: LogKind): { settings: LogSetting[]; unknowns: Verdict[] } {
  return once(graph, ENABLED_LOG_SETTINGS[kind], r, () => readEnabledLogSettings(graph, r, kind));
}

function readEnabledLogSettings(graph: ResourceGraph, r: Resource, kind: LogKind): { settings: LogSetting[]; unknowns: Verdict[] } {
  const all = logSettings(graph, r, kind);
  if (all instanceof Unknown) return { settings: [], unknowns: [unknown(`${kind.toLowerCase()} log settings of ${aliasLabel(r)}: ${all.reason}`)] };
  const settings: LogSetting[] = [];
  const unknowns: Verdict[] = [];
  for (const s of all) {
    const enabled = bool(get(s.value, 'Enabled'));
    if (enabled instanceof Unknown) unknowns.push(unknown(`whether ${kind.toLowerCase()} logging is enabled cannot be known: ${enabled.reason}`, { path: `${s.path}.Enabled` }));
    else if (enabled) settings.push(s);
  }
  return { settings, unknowns };
}

/** Keys of an object that spell `expected` in another case (`childDirected` for `ChildDirected`). */
export function misspelledKeys(node: unknown, expected: string): string[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  return Object.keys(node).filter((k) => k !== expected && k.toLowerCase() === expected.toLowerCase());
}

/**
 * `DataPrivacy.ChildDirected` of a bot. A camelCase `childDirected` (what `CfnBot.dataPrivacy`
 * passes through verbatim) is not a value CloudFormation reads: Unknown, with the reason.
 */
export function childDirected(graph: ResourceGraph, bot: Resource): boolean | undefined | Unknown {
  const privacy = graph.props<BotProps>(bot).DataPrivacy;
  const value = bool(get(privacy, 'ChildDirected'));
  if (value !== undefined) return value;
  const wrong = misspelledKeys(privacy, 'ChildDirected');
  return wrong.length > 0 ? new Unknown(`DataPrivacy of bot ${bot.logicalId} spells ${wrong[0]} instead of ChildDirected`) : undefined;
}

/**
 * Whether an alias holder carries data classified as sensitive (PHI/PCI by default): its own tags,
 * or for an alias the tags of its bot too.
 */
export function isSensitiveLex(graph: ResourceGraph, r: Resource, classification: Classification): boolean | Unknown {
  const own = isSensitive(lexTags(graph, r), classification);
  if (own === true || r.type === BOT) return own;
  const bot = botOf(graph, r);
  const fromBot = bot instanceof Unknown || bot === undefined ? false : isSensitive(lexTags(graph, bot), classification);
  return fromBot === true ? true : own instanceof Unknown ? own : fromBot;
}

/** Raise the verdicts of a sensitive (PHI/PCI-classified) resource to HIGH, as LEX-COMP-1 requires. */
export function escalateIfSensitive(graph: ResourceGraph, r: Resource, classification: Classification, verdicts: Verdict[]): Verdict[] {
  if (isSensitiveLex(graph, r, classification) !== true) return verdicts;
  return verdicts.map((v) => {
    if (v.status === 'NOT_APPLICABLE') return v;
    const reason = v.status === 'PASS' ? v.reason : `${v.reason ?? ''} (HIGH: classified sensitive)`.trim();
    return { ...v, severity: 'HIGH', reason };
  });
}

const DESTINATIONS = {
  Text: { property: 'Destination.CloudWatch.CloudWatchLogGroupArn', type: LOG_GROUP, what: 'log group' },
  Audio: { property: 'Destination.S3Bucket.S3BucketArn', type: S3_BUCKET, what: 'bucket' },
} as const;

export interface LogDestination extends LogSetting {
  /** The log group (text) or bucket (audio) of this run, or why it cannot be evaluated. */
  target: Resource | Unknown;
  /** Property path of the destination ARN. */
  targetPath: string;
}

/**
 * Where the enabled logs of an alias holder go: each destination resolved to the log group or bucket
 * of this run (across stacks through exports), or Unknown with the reason ("log group arn:… is not
 * defined in this app"). `unknowns` are settings whose `Enabled` cannot be known.
 */
export function logDestinations(ctx: Pick<CheckContext, 'graph'>, r: Resource, kind: LogKind): { destinations: LogDestination[]; unknowns: Verdict[] } {
  return once(ctx.graph, LOG_DESTINATIONS[kind], r, () => readLogDestinations(ctx, r, kind));
}

function readLogDestinations(ctx: Pick<CheckContext, 'graph'>, r: Resource, kind: LogKind): { destinations: LogDestination[]; unknowns: Verdict[] } {
  const { settings, unknowns } = enabledLogSettings(ctx.graph, r, kind);
  const d = DESTINATIONS[kind];
  const destinations = settings.map((s) => {
    const targetPath = `${s.path}.${d.property}`;
    const target = resolveTarget(ctx, get(s.value, d.property), [d.type], d.what) ?? new Unknown(`enabled ${kind.toLowerCase()} logs of ${aliasLabel(r)} name no ${d.what}`);
    // Object.assign, not spread: V8 gives each spread copy a hidden class of its own, which every check reading them misses.
    return Object.assign({}, s, { target, targetPath });
  });
  return { destinations, unknowns };
}

/**
 * Verdicts on the enabled `kind` log destinations of an alias holder: `judge` on each destination of
 * this run, UNKNOWN for each destination or `Enabled` that cannot be known; empty when none is enabled.
 */
export function logDestinationVerdicts(
  ctx: Pick<CheckContext, 'graph'>,
  r: Resource,
  kind: LogKind,
  judge: (target: Resource, targetPath: string) => Verdict | Verdict[],
): Verdict[] {
  const { destinations, unknowns } = logDestinations(ctx, r, kind);
  const verdicts: Verdict[] = [...unknowns];
  for (const { target, targetPath } of destinations) {
    if (target instanceof Unknown) verdicts.push(unknown(target.reason, { path: targetPath }));
    else verdicts.push(...[judge(target, targetPath)].flat());
  }
  return verdicts;
}

/**
 * The value of one tag of a Lex resource (key compared case-insensitively), Unknown when the tag
 * list or that tag's value cannot be known (`tags()` renders such values as text).
 */
export function lexTagValue(graph: ResourceGraph, r: Resource, key: string): string | undefined | Unknown {
  const list = items(tagList(graph, r));
  if (list instanceof Unknown) return list;
  const wanted = key.toLowerCase();
  for (const tag of list) {
    const k = str(get(tag, 'Key'));
    if (k instanceof Unknown) return new Unknown(`a tag key cannot be known: ${k.reason}`);
    if (k?.toLowerCase() === wanted) return str(get(tag, 'Value'));
  }
  return undefined;
}
