import type { Choice, Composite, Pseudo, Reference, Resolved, Unknown } from '../values';

/**
 * Typed views of the one CloudFormation-shaped model. A view is a type over `graph.props(r)` (never a
 * copy): `graph.props<BotAliasProps>(alias)` gives the resolved properties of an alias with their
 * names checked at compile time, and `get(props, 'ConversationLogSettings.AudioLogSettings')` checks
 * the dotted path against the view. Views declare only what lexscribe reads, with every leaf a
 * `Cfn<T>`: a template may write a reference, a `Fn::If` or a parameter wherever CloudFormation takes
 * a value, and a collector writes `Unknown` where it could not read one.
 */

/** A CloudFormation property as the graph resolves it: `T` when literal, else a reference, a composite, a choice, a pseudo parameter or `Unknown`. */
export type Cfn<T> = Resolved<T>;

/** A list property: the list and each of its items may be unresolved. */
export type CfnList<T> = Cfn<ReadonlyArray<Cfn<T>>>;

/** Tags as CloudFormation writes them. */
export type CfnTags = CfnList<{ Key?: Cfn<string>; Value?: Cfn<string> }>;

/** Nodes a path cannot step through: reading past them gives `Unknown` (or a `Choice` of both branches). */
type Opaque = Unknown | Reference | Composite | Choice | Pseudo | undefined | null;

/** The literal shapes a node may have. */
export type Shape<T> = Exclude<T, Opaque>;

/** Paths deeper than this are not spelled out (a view is never that deep; an open map takes any path). */
type Depth = [0, 0, 0, 0, 0, 0, 0, 0];

type PathsOf<S, D extends unknown[]> = D['length'] extends Depth['length']
  ? string
  : S extends ReadonlyArray<infer E>
    ? `${number}` | `${number}.${PathsOf<Shape<E>, [...D, 0]>}`
    : S extends object
      ? { [K in keyof S & string]-?: K | `${K}.${PathsOf<Shape<S[K]>, [...D, 0]>}` }[keyof S & string]
      : never;

/** Whether `T` says nothing of its members (`unknown`, `{}`, `object`): an untyped tree. */
type Untyped<T> = unknown extends T ? true : [keyof Shape<T>] extends [never] ? true : false;

/** Dotted paths into a node of type `T` (`Destination.S3Bucket.S3BucketArn`, `Items.0.Name`); any string into an untyped tree. */
export type PathOf<T> = Untyped<T> extends true ? string : PathsOf<Shape<T>, []>;

type StepOf<S, K extends string> = S extends ReadonlyArray<infer E> ? E : K extends keyof S ? S[K] : never;

/** What reading one step may give besides the member itself: absent, not knowable, or both branches of a `Fn::If`. */
type Doubt = undefined | Unknown | Choice;

/** The type of the node at a dotted path of a `T` (what `get` returns). */
export type At<T, P extends string> = Untyped<T> extends true
  ? unknown
  : P extends `${infer Head}.${infer Rest}`
    ? At<StepOf<Shape<T>, Head> | Doubt, Rest>
    : StepOf<Shape<T>, P> | Doubt;

/** The item type of a list node (`unknown` for an untyped tree). */
export type ItemOf<T> = Untyped<T> extends true ? unknown : Shape<T> extends ReadonlyArray<infer E> ? E : unknown;

/**
 * The values CloudFormation accepts for a property (from the resource's documentation), for checks
 * to report a value it would refuse as a FAIL naming what is allowed instead of reading it as set.
 */
export type Allowed =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'one of'; readonly values: readonly number[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'ARN'; readonly service: string; readonly what: string };

/** How a reason names the allowed values: `an integer from 60 to 86400`, `one of 1, 3, 5, …`. */
export function describeAllowed(a: Allowed): string {
  switch (a.kind) {
    case 'integer':
      return `an integer from ${a.min} to ${a.max}`;
    case 'one of':
      return `one of ${a.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'ARN':
      return `the ARN of ${a.what}`;
  }
}

/**
 * Why a literal value is one CloudFormation refuses (`-1 is not an integer from 60 to 86400`), or
 * undefined when it is valid or not literal (a reference, a parameter: judged for what it is). A
 * number may be written as a numeric string, a boolean as "true"/"false", as CloudFormation takes them.
 */
export function invalidValue(value: unknown, allowed: Allowed): string | undefined {
  // The message (the value as JSON, every allowed value) is made only for a value that is not allowed.
  const bad = () => `${JSON.stringify(value)} is not ${describeAllowed(allowed)}`;
  if (allowed.kind === 'boolean') {
    if (typeof value === 'boolean' || value === 'true' || value === 'false') return undefined;
    return typeof value === 'string' || typeof value === 'number' ? bad() : undefined;
  }
  if (allowed.kind === 'ARN') {
    if (typeof value !== 'string') return undefined;
    return value.startsWith('arn:') && value.split(':')[2] === allowed.service ? undefined : bad();
  }
  if (typeof value === 'boolean') return bad();
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'string' ? NaN : undefined;
  if (n === undefined) return undefined;
  if (allowed.kind === 'integer') return Number.isInteger(n) && n >= allowed.min && n <= allowed.max ? undefined : bad();
  return allowed.values.includes(n) ? undefined : bad();
}
