import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import { Choice, Composite, Pseudo, Reference, Unknown, render } from '../model/values';

/**
 * What a resource is called in an account, whatever defined it: the same for a template resource and
 * for one the audit read, so the two can be joined. Only what the template fixes counts: a name that
 * is a token, a parameter or left to CloudFormation makes the resource unjoinable, never guessed.
 */
export interface Identity {
  type: string;
  /** How a person names it: `Support`, `Support/Prod` (an alias within its bot), `/aws/lex/support`. */
  name: string;
  /** Account and Region it lives in; undefined where the type's names are global (S3) or per account (IAM). */
  account?: string;
  region?: string;
}

export type Resolved = { identity: Identity } | { unjoinable: string };

/** How a type is joined, and whether the audit reads every resource of it (so that "not in the account" means something). */
export interface JoinRule {
  /** One sentence for the report: how resources of this type are joined. */
  by: string;
  /**
   * listed: the audit lists them all (ListBots, ListRoles…): one that only the code has is not deployed.
   * followed: the audit reads them only when a live resource refers to them (log groups, buckets, keys).
   */
  coverage: 'listed' | 'followed';
  /** Lex and Transcribe resources: those only the account has are reported (supporting resources are shared by many apps). */
  primary: boolean;
  /** Names are unique per account and Region (regional), per account (account), or everywhere (global). */
  scope: 'regional' | 'account' | 'global';
}

export const JOIN_RULES: Readonly<Record<string, JoinRule>> = {
  'AWS::Lex::Bot': { by: 'bot name (Name), within the account and Region', coverage: 'listed', primary: true, scope: 'regional' },
  'AWS::Lex::BotAlias': {
    by: 'alias name (BotAliasName) within its bot: the bot the template refers to (Ref, GetAtt) or whose id it fixes, by name',
    coverage: 'listed',
    primary: true,
    scope: 'regional',
  },
  'AWS::Lex::ResourcePolicy': { by: 'the bot or alias it is attached to (ResourceArn), joined as above', coverage: 'listed', primary: false, scope: 'regional' },
  'AWS::Transcribe::Vocabulary': { by: 'vocabulary name (VocabularyName), within the account and Region', coverage: 'listed', primary: true, scope: 'regional' },
  'AWS::Transcribe::MedicalVocabulary': { by: 'vocabulary name (VocabularyName), within the account and Region', coverage: 'listed', primary: true, scope: 'regional' },
  'AWS::Transcribe::VocabularyFilter': { by: 'filter name (VocabularyFilterName), within the account and Region', coverage: 'listed', primary: true, scope: 'regional' },
  'AWS::Transcribe::CallAnalyticsCategory': { by: 'category name (CategoryName), within the account and Region', coverage: 'listed', primary: true, scope: 'regional' },
  'AWS::IAM::Role': { by: 'role name (RoleName), within the account', coverage: 'listed', primary: false, scope: 'account' },
  'AWS::IAM::ManagedPolicy': { by: 'policy name (ManagedPolicyName), within the account', coverage: 'listed', primary: false, scope: 'account' },
  'AWS::Logs::LogGroup': { by: 'log group name (LogGroupName), within the account and Region', coverage: 'followed', primary: false, scope: 'regional' },
  'AWS::S3::Bucket': { by: 'bucket name (BucketName), unique across AWS', coverage: 'followed', primary: false, scope: 'global' },
  'AWS::S3::BucketPolicy': { by: 'the bucket it is attached to (Bucket), joined as above', coverage: 'followed', primary: false, scope: 'global' },
  'AWS::KMS::Alias': { by: 'alias name (AliasName), within the account and Region', coverage: 'followed', primary: false, scope: 'regional' },
  'AWS::KMS::Key': { by: 'an alias that targets it (a key has no name a template fixes: its id is made at deployment)', coverage: 'followed', primary: false, scope: 'regional' },
  'AWS::Lambda::Function': { by: 'function name (FunctionName), within the account and Region', coverage: 'followed', primary: false, scope: 'regional' },
};

/** The property holding each named type's name. */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Lex::Bot': 'Name',
  'AWS::Transcribe::Vocabulary': 'VocabularyName',
  'AWS::Transcribe::MedicalVocabulary': 'VocabularyName',
  'AWS::Transcribe::VocabularyFilter': 'VocabularyFilterName',
  'AWS::Transcribe::CallAnalyticsCategory': 'CategoryName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::Lambda::Function': 'FunctionName',
};

/** Why a value is no name: a parameter without a value, a token, a condition; or nothing at all. */
function notLiteral(property: string, value: unknown): string {
  if (value === undefined || value === null) return `${property} is not set: the name is made at deployment`;
  if (value instanceof Unknown) return `${property} cannot be known: ${value.reason}`;
  if (value instanceof Choice) return `${property} depends on condition ${value.condition}`;
  if (value instanceof Reference || value instanceof Composite || value instanceof Pseudo) return `${property} is ${render(value)}, known only at deployment`;
  return `${property} is ${render(value)}, not a name`;
}

/** Where a resource lives: its stack's account and Region, or the one account/Region audited (an environment-agnostic stack). */
export interface Placement {
  account?: string;
  region?: string;
}

/** What identities need beyond the resource: where it lives, and the live bots by id (a template may fix a bot id). */
export interface IdentityContext {
  graph: ResourceGraph;
  place(r: Resource): Placement | { unjoinable: string };
  /** `account|region|botId` → bot name, from the account. */
  liveBotName(account: string, region: string, botId: string): string | undefined;
}

/** Identities already worked out, and those being worked out (a reference cycle is no identity). */
export type IdentityCache = Map<Resource, Resolved | 'pending'>;

export function identityOf(r: Resource, ctx: IdentityContext, cache: IdentityCache): Resolved | undefined {
  const rule = JOIN_RULES[r.type];
  if (!rule) return undefined;
  const seen = cache.get(r);
  if (seen === 'pending') return { unjoinable: 'its identity depends on itself' };
  if (seen) return seen;
  cache.set(r, 'pending');
  const resolved = compute(r, rule, ctx, cache);
  cache.set(r, resolved);
  return resolved;
}

function compute(r: Resource, rule: JoinRule, ctx: IdentityContext, cache: IdentityCache): Resolved {
  const place = ctx.place(r);
  if ('unjoinable' in place) return place;
  const at = (name: string): Resolved => ({
    identity: { type: r.type, name, ...(rule.scope === 'global' ? {} : { account: place.account }), ...(rule.scope === 'regional' ? { region: place.region } : {}) },
  });
  const props = ctx.graph.props(r);
  const owner = (property: string, types: string[]): Resolved => {
    const value = props[property];
    const target = ctx.graph.target(value, ...types);
    if (target && 'resource' in target) {
      const o = identityOf(target.resource, ctx, cache);
      return o ?? { unjoinable: `${property} refers to ${target.resource.type} ${target.resource.logicalId}, which is not joined` };
    }
    return { unjoinable: target instanceof Unknown ? `${property} cannot be known: ${target.reason}` : notLiteral(property, value) };
  };
  switch (r.type) {
    case 'AWS::Lex::BotAlias': {
      const alias = props.BotAliasName;
      if (typeof alias !== 'string') return { unjoinable: notLiteral('BotAliasName', alias) };
      const bot = ctx.graph.target(props.BotId, 'AWS::Lex::Bot');
      if (bot && 'resource' in bot) {
        const b = identityOf(bot.resource, ctx, cache);
        return b && 'identity' in b ? at(`${b.identity.name}/${alias}`) : { unjoinable: `its bot ${bot.resource.logicalId} is not joined${b && 'unjoinable' in b ? `: ${b.unjoinable}` : ''}` };
      }
      // A template may name a bot made elsewhere by its id: the account says what that bot is called.
      if (bot && 'external' in bot && typeof props.BotId === 'string' && place.account && place.region) {
        const name = ctx.liveBotName(place.account, place.region, props.BotId);
        return name ? at(`${name}/${alias}`) : { unjoinable: `BotId ${props.BotId} is no bot of account ${place.account} in ${place.region}` };
      }
      return { unjoinable: bot instanceof Unknown ? `BotId cannot be known: ${bot.reason}` : notLiteral('BotId', props.BotId) };
    }
    case 'AWS::Lex::ResourcePolicy': {
      const o = owner('ResourceArn', ['AWS::Lex::Bot', 'AWS::Lex::BotAlias']);
      return 'identity' in o ? at(`${o.identity.name} policy`) : o;
    }
    case 'AWS::S3::BucketPolicy': {
      const value = props.Bucket;
      if (typeof value === 'string' && !value.startsWith('arn:')) return at(`${value} policy`);
      const o = owner('Bucket', ['AWS::S3::Bucket']);
      return 'identity' in o ? at(`${o.identity.name} policy`) : o;
    }
    case 'AWS::KMS::Key': {
      const aliases = ctx.graph.ofType('AWS::KMS::Alias').filter((a) => {
        const t = ctx.graph.target(ctx.graph.props(a).TargetKeyId, 'AWS::KMS::Key');
        return t && 'resource' in t && t.resource === r;
      });
      const names = aliases.map((a) => ctx.graph.props(a).AliasName).filter((n): n is string => typeof n === 'string').sort();
      return names.length > 0 ? at(`key of ${names[0]}`) : { unjoinable: 'no alias of the same graph names this key, and a key has no name a template fixes' };
    }
    default: {
      const property = NAME_PROPERTY[r.type];
      const name = props[property];
      return typeof name === 'string' && name !== '' ? at(name) : { unjoinable: notLiteral(property, name) };
    }
  }
}

/** The join key: type, account, Region (where they scope names) and name. */
export function identityKey(i: Identity): string {
  return [i.type, i.account ?? '', i.region ?? '', i.name].join('\u0000');
}
