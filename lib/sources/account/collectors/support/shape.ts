import type { LiveResource } from '../../collector';

/**
 * Helpers that turn SDK responses into CloudFormation-shaped resources: PascalCase property
 * names, tags as `[{Key, Value}]`, and undefined values left out (absent means absent).
 */

/**
 * SDK field names whose CloudFormation spelling is not the SDK name with a capital first letter.
 * `parent.field` entries apply only under that parent (`guardrail.version`).
 */
export type Spellings = Readonly<Record<string, string>>;

function pascal(key: string, parent: string | undefined, spellings: Spellings): string {
  return spellings[`${parent}.${key}`] ?? spellings[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * A camelCase SDK structure in CloudFormation spelling (`conversationLogSettings.textLogSettings` →
 * `ConversationLogSettings.TextLogSettings`). Only for structures the CloudFormation schema mirrors
 * field by field: maps keyed by data (tags, locales) must be converted explicitly.
 */
export function cfnShape(value: unknown, spellings: Spellings = {}, parent?: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => cfnShape(v, spellings, parent));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const shaped = cfnShape(v, spellings, k);
    if (shaped !== undefined) out[pascal(k, parent, spellings)] = shaped;
  }
  return out;
}

/** Tags as CloudFormation writes them, from a `{key: value}` map or SDK `[{Key, Value}]` list. */
export function tagList(tags: Record<string, string | undefined> | ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Array<{ Key: string; Value: string }> {
  if (!tags) return [];
  const pairs = Array.isArray(tags) ? tags.map((t) => [t.Key, t.Value] as const) : Object.entries(tags);
  return pairs.filter((p): p is readonly [string, string | undefined] => typeof p[0] === 'string').map(([Key, Value]) => ({ Key, Value: Value ?? '' }));
}

/** Drop undefined members so that "absent" stays absent for the checks. */
export function compact<T extends Record<string, unknown>>(props: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

/** JSON document text (a policy, an event pattern) as an object, decoded when IAM URL-encoded it; text that is not JSON is kept (checks report it unreadable). */
export function policyDocument(text: string | undefined, decode: (t: string) => string = (t) => t): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(decode(text));
  } catch {
    return text;
  }
}

/**
 * A live resource. `id` is unique within the account and Region (`bot/Support/alias/prod`) and reads
 * well in findings; `arn` is how references and suppressions find it.
 */
export function live(type: string, id: string, arn: string | undefined, api: string, properties: Record<string, unknown>): LiveResource {
  return { type, logicalId: id, properties: compact(properties), metadata: {}, provenance: { arn, api } };
}
