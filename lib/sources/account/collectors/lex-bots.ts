import type { BotSummary, DescribeBotAliasResponse, DescribeResourcePolicyResponse, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { failed, type CallFailure, type Collector, type CollectorContext } from '../collector';
import { Unknown } from '../../../model/values';
import { followBucket, S3_OPERATIONS, S3_TYPES } from './follow/s3';
import { followFunction, LAMBDA_OPERATIONS, LAMBDA_TYPES } from './follow/lambda';
import { followKey } from './follow/kms';
import { followLogGroup, LOGS_OPERATIONS, LOGS_TYPES } from './follow/logs';
import { DEFINITION_OPERATIONS, readDefinition, type DefinitionRefs } from './lex/definition';
import { aliasArn, aliasReferences, aliasSettings, botArn, lexShape } from './lex/shape';
import { absentOn, listAll, mapLimit, op, orUnknown, unknownFrom } from './support/calls';
import { live, tagList } from './support/shape';
import { BOT, BOT_ALIAS, RESOURCE_POLICY, TEST_ALIAS_ID } from '../../../model/types/lex';
import { loadLex } from './support/sdk';

const LEX = {
  ListBots: op('lex', 'ListBots'),
  DescribeBot: op('lex', 'DescribeBot'),
  ListBotAliases: op('lex', 'ListBotAliases'),
  DescribeBotAlias: op('lex', 'DescribeBotAlias'),
  DescribeResourcePolicy: op('lex', 'DescribeResourcePolicy'),
  ListTagsForResource: op('lex', 'ListTagsForResource'),
  ListBotReplicas: op('lex', 'ListBotReplicas'),
};


/**
 * Bots read at once. Each bot is a chain of dependent calls (list its aliases, describe them, follow
 * their log groups, buckets and keys); the run's request limit bounds what is in flight, so enough
 * chains must run to keep it full until the last bot.
 */
const BOTS_AT_ONCE = 8;

type Lex = typeof import('@aws-sdk/client-lex-models-v2');

interface BotScope {
  ctx: CollectorContext;
  client: LexModelsV2Client;
  lex: Lex;
  botId: string;
  /** Readable id prefix of everything about this bot (`bot/Support`). */
  id: string;
  arn: string;
}

/**
 * Lex V2 bots of a Region, with their aliases, resource policies and tags, in CloudFormation shape:
 * `AWS::Lex::Bot` (with the built-in test alias as `TestBotAliasSettings`, `Replication` from
 * ListBotReplicas and `BotLocales` for DRAFT and every version an alias serves),
 * `AWS::Lex::BotAlias` (`BotId` is the literal bot id, as a template with a literal id would have
 * it), `AWS::Lex::ResourcePolicy` (bot and alias policies). The log groups, buckets, KMS keys and
 * Lambda functions the aliases use are read too, so that checks can follow the references.
 */
export const lexBots: Collector = {
  name: 'lex-bots',
  operations: [...Object.values(LEX), ...DEFINITION_OPERATIONS, ...LOGS_OPERATIONS, ...S3_OPERATIONS, ...LAMBDA_OPERATIONS],
  emits: [BOT, BOT_ALIAS, RESOURCE_POLICY, ...new Set([...LOGS_TYPES, ...S3_TYPES, ...LAMBDA_TYPES])],
  async collect(ctx) {
    const lex = await loadLex();
    const client = ctx.client(lex.LexModelsV2Client);
    const bots = await listAll(
      ctx,
      LEX.ListBots,
      (nextToken) => client.send(new lex.ListBotsCommand({ nextToken })),
      (page) => ({ items: page.botSummaries, next: page.nextToken }),
    );
    if (failed(bots)) {
      ctx.gap([BOT, BOT_ALIAS, RESOURCE_POLICY], bots.reason);
      return;
    }
    await mapLimit(
      bots.filter((b) => b.botId),
      BOTS_AT_ONCE,
      (b) => collectBot({ ctx, client, lex, botId: b.botId!, id: `bot/${b.botName ?? b.botId}`, arn: botArn(ctx.partition, ctx.region, ctx.account, b.botId!) }, b),
    );
  },
};

async function collectBot(scope: BotScope, summary: BotSummary): Promise<void> {
  const { ctx, client, lex, botId, arn } = scope;
  const [bot, tags, replicas, aliases] = await Promise.all([
    ctx.call(LEX.DescribeBot, () => absentOn(['ResourceNotFoundException'], () => client.send(new lex.DescribeBotCommand({ botId })))),
    readTags(scope, arn),
    ctx.call(LEX.ListBotReplicas, () => client.send(new lex.ListBotReplicasCommand({ botId }))),
    listAll(
      ctx,
      LEX.ListBotAliases,
      (nextToken) => client.send(new lex.ListBotAliasesCommand({ botId, nextToken })),
      (page) => ({ items: page.botAliasSummaries, next: page.nextToken }),
    ),
    readPolicy(scope, arn, scope.id),
  ]);
  // Deleted between ListBots and DescribeBot: nothing left to audit.
  if (!failed(bot) && bot === undefined) return;
  // Aliases not listed must not read as "no alias": their checks say UNKNOWN for the Region.
  if (failed(aliases)) ctx.gap([BOT_ALIAS], aliases.reason);

  const described = failed(aliases)
    ? []
    : await mapLimit(
        aliases.filter((a) => a.botAliasId),
        4,
        (a) => collectAlias(scope, a.botAliasId!),
      );
  const testAlias = described.find((d) => d.aliasId === TEST_ALIAS_ID);
  const versions = new Set(['DRAFT', ...described.flatMap((d) => (d.version ? [d.version] : []))]);
  const refs: DefinitionRefs = { buckets: [], keys: [] };
  const definitions = await mapLimit([...versions], 2, (botVersion) => readDefinition(ctx, client, { botId, botVersion }, refs));
  // A version served by an alias that could not be read is a definition that could not be read.
  const unreadVersions = failed(aliases) ? [unknownFrom(aliases)] : described.flatMap((d) => (d.settings instanceof Unknown ? [d.settings] : []));

  const reason = failed(bot) ? unknownFrom(bot) : undefined;
  const settings = failed(bot)
    ? { Description: reason, RoleArn: reason, DataPrivacy: reason, IdleSessionTTLInSeconds: reason, ErrorLogSettings: reason }
    : {
        Description: bot.description,
        RoleArn: bot.roleArn,
        DataPrivacy: lexShape(bot.dataPrivacy),
        IdleSessionTTLInSeconds: bot.idleSessionTTLInSeconds,
        ErrorLogSettings: lexShape(bot.errorLogSettings),
      };
  ctx.emit(
    live(BOT, scope.id, arn, 'lex:DescribeBot', {
      Name: summary.botName,
      ...settings,
      BotTags: tags,
      Replication: orUnknown(replicas, (r) => {
        const regions = (r.botReplicaSummaries ?? []).flatMap((s) => (s.replicaRegion ? [s.replicaRegion] : []));
        return regions.length > 0 ? { ReplicaRegions: regions } : undefined;
      }),
      TestBotAliasSettings: failed(aliases) ? unknownFrom(aliases) : testAlias?.settings,
      TestBotAliasTags: testAlias?.tags,
      BotLocales: botLocales([...definitions, ...unreadVersions]),
    }),
  );
  await Promise.all([...refs.buckets.map((b) => followBucket(ctx, b)), ...refs.keys.map((k) => followKey(ctx, k))]);
}

/**
 * All versions unreadable: one Unknown for the whole property. Otherwise the locales, with an
 * Unknown in place of each version that could not be read.
 */
function botLocales(definitions: Array<unknown[] | Unknown>): unknown[] | Unknown {
  if (definitions.every((d) => d instanceof Unknown)) return definitions[0] as Unknown;
  return definitions.flatMap((d) => (d instanceof Unknown ? [d] : d));
}

interface CollectedAlias {
  aliasId: string;
  version?: string;
  settings: Record<string, unknown> | Unknown;
  tags: unknown;
}

async function collectAlias(scope: BotScope, aliasId: string): Promise<CollectedAlias> {
  const { ctx, client, lex, botId } = scope;
  const arn = aliasArn(ctx.partition, ctx.region, ctx.account, botId, aliasId);
  const [alias, tags, policy] = await Promise.all([
    ctx.call(LEX.DescribeBotAlias, () => client.send(new lex.DescribeBotAliasCommand({ botId, botAliasId: aliasId }))),
    readTags(scope, arn),
    fetchPolicy(scope, arn),
  ]);
  const name = failed(alias) ? aliasId : (alias.botAliasName ?? aliasId);
  const id = `${scope.id}/alias/${name}`;
  emitPolicy(ctx, policy, arn, id);
  if (failed(alias)) {
    const reason = unknownFrom(alias);
    if (aliasId !== TEST_ALIAS_ID) ctx.emit(live(BOT_ALIAS, id, arn, 'lex:DescribeBotAlias', { BotId: botId, BotAliasName: name, BotVersion: reason, ConversationLogSettings: reason, SentimentAnalysisSettings: reason, BotAliasLocaleSettings: reason, BotAliasTags: tags }));
    return { aliasId, settings: reason, tags };
  }
  await followAliasReferences(ctx, alias);
  const settings = aliasSettings(alias);
  if (aliasId !== TEST_ALIAS_ID) {
    ctx.emit(live(BOT_ALIAS, id, arn, 'lex:DescribeBotAlias', { BotId: botId, BotAliasName: alias.botAliasName, BotVersion: alias.botVersion, ...settings, BotAliasTags: tags }));
  }
  return { aliasId, version: alias.botVersion, settings, tags };
}

/** Each reference is read once per run (`follow/`), so they can all be read at once. */
async function followAliasReferences(ctx: CollectorContext, alias: DescribeBotAliasResponse): Promise<void> {
  const refs = aliasReferences(alias);
  await Promise.all([
    ...refs.logGroups.map((g) => followLogGroup(ctx, g)),
    ...refs.buckets.map((b) => followBucket(ctx, b)),
    ...refs.keys.map((k) => followKey(ctx, k)),
    ...refs.functions.map((f) => followFunction(ctx, f)),
  ]);
}

async function readTags(scope: BotScope, resourceARN: string): Promise<unknown> {
  const { ctx, client, lex } = scope;
  const result = await ctx.call(LEX.ListTagsForResource, () => client.send(new lex.ListTagsForResourceCommand({ resourceARN })));
  return orUnknown(result, (r) => {
    const tags = tagList(r.tags);
    return tags.length > 0 ? tags : undefined;
  });
}

type PolicyAnswer = DescribeResourcePolicyResponse | undefined | CallFailure;

/** A bot or alias resource policy; `ResourceNotFoundException` means the resource has none. */
function fetchPolicy(scope: BotScope, resourceArn: string): Promise<PolicyAnswer> {
  const { ctx, client, lex } = scope;
  return ctx.call(LEX.DescribeResourcePolicy, () => absentOn(['ResourceNotFoundException'], () => client.send(new lex.DescribeResourcePolicyCommand({ resourceArn }))));
}

function emitPolicy(ctx: CollectorContext, result: PolicyAnswer, resourceArn: string, ownerId: string): void {
  if (!failed(result) && !result?.policy) return;
  ctx.emit(live(RESOURCE_POLICY, `${ownerId}/policy`, undefined, 'lex:DescribeResourcePolicy', { ResourceArn: resourceArn, Policy: orUnknown(result, (r) => r!.policy) }));
}

async function readPolicy(scope: BotScope, resourceArn: string, ownerId: string): Promise<void> {
  emitPolicy(scope.ctx, await fetchPolicy(scope, resourceArn), resourceArn, ownerId);
}
