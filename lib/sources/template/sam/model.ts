import type { CfnTemplate } from '../../template';

/** A resource of a template as it is parsed. */
export type TemplateResource = NonNullable<CfnTemplate['Resources']>[string] & { DependsOn?: unknown; DeletionPolicy?: unknown; UpdateReplacePolicy?: unknown };

/** Where a generated property comes from: `[generated prefix, SAM prefix]` (`['Policies.0.PolicyDocument', 'Policies.2']`). */
export type PropertyMap = ReadonlyArray<readonly [string, string]>;

/** One CloudFormation resource the transform makes out of a SAM resource. */
export interface Generated {
  logicalId: string;
  resource: TemplateResource;
  /** Property paths of the SAM resource that the generated properties come from, for finding locations. */
  from: PropertyMap;
}

/** What an expander is given besides the SAM resource. */
export interface SamContext {
  /** The template being transformed. */
  readonly file: string;
  readonly template: CfnTemplate;
  /** Something the transform could not read or does not expand: a coverage warning naming the resource. */
  warn(message: string): void;
  /** The bytes of a file named relative to the template (a `DefinitionUri`), or the reason it cannot be read. */
  readLocal(path: string): { data: Buffer; file: string } | { problem: string };
  /** Resources SAM adds once per template (the implicit `ServerlessRestApi`), by logical id. */
  readonly implicit: Map<string, Generated>;
}

export const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as object).constructor === Object;

/** `{ Ref: … }`, `{ "Fn::…": … }` and `{ Condition: … }`: a value CloudFormation computes, which SAM keeps as it is. */
export function isIntrinsic(v: unknown): v is Record<string, unknown> {
  if (!isMapping(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/** The `[{ Key, Value }]` list CloudFormation takes, from SAM's `{ key: value }` map, after the tags SAM adds itself. */
export function tagList(tags: unknown, added: Record<string, string> = {}): Array<{ Key: string; Value: unknown }> | unknown {
  const own = isMapping(tags) && !isIntrinsic(tags) ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) : [];
  const list = [...Object.entries(added).map(([Key, Value]) => ({ Key, Value })), ...own];
  if (tags !== undefined && !isMapping(tags)) return tags;
  return list.length > 0 ? list : undefined;
}

/** The ARN of an AWS managed policy, as SAM writes it: `arn:${AWS::Partition}:iam::aws:policy/<path><name>`. */
export function awsManagedPolicyArn(pathAndName: string): unknown {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${pathAndName}` };
}

/** The trust policy of a role a service assumes, as SAM writes it. */
export function assumedBy(service: string): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [service] } }] };
}

/** Copy the properties that keep their name, when set, with where each came from. */
export function passThrough(props: Record<string, unknown>, names: readonly string[], into: Record<string, unknown>, from: Array<readonly [string, string]>): void {
  for (const name of names) {
    if (props[name] === undefined) continue;
    into[name] = props[name];
    from.push([name, name]);
  }
}

/** Set a property from a SAM property of another name, when set. */
export function rename(props: Record<string, unknown>, samName: string, name: string, into: Record<string, unknown>, from: Array<readonly [string, string]>): void {
  if (props[samName] === undefined) return;
  into[name] = props[samName];
  from.push([name, samName]);
}
