/** The stack (or, live, the account and Region) a resource belongs to. */
export interface StackInfo {
  /** Stack name, or `account/region` for live resources. */
  readonly name: string;
  /** Twelve-digit account id when known (a CDK token or an environment-agnostic template leaves it unset). */
  readonly account?: string;
  readonly region?: string;
  /** Template file the stack was read from (scan mode). */
  readonly file?: string;
}

/** Where a resource, or one of its properties, was found. */
export interface Provenance {
  readonly constructPath?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Live resources: ARN, and the API call that returned it. */
  readonly arn?: string;
  readonly api?: string;
  /** Line and column of properties, keyed by property path (`ConversationLogSettings.AudioLogSettings`). */
  readonly properties?: Readonly<Record<string, { line: number; column: number }>>;
  /** `closestPosition(properties, path)` of each path, from a source that finds them without locating every property. */
  locateAll?(paths: readonly string[]): ReadonlyArray<{ line: number; column: number } | undefined>;
}

/**
 * The position of the property at `path`, or of its closest parent that has one: the offending value
 * may sit deeper than anything the source located (a list item has no key of its own).
 */
export function closestPosition<P>(known: Readonly<Record<string, P>>, path: string): P | undefined {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const at = known[p];
    if (at) return at;
  }
  return undefined;
}

/** What a derived resource was read from: a resource of the graph, and the property holding it. */
export interface ResourceOrigin {
  readonly resource: Resource;
  /** `DefinitionString`, `Create`: where findings about the derived resource point. */
  readonly path: string;
}

/**
 * A resource in CloudFormation shape: the same for a CDK L1, a template resource and a live resource
 * translated by a collector. `properties` hold raw CloudFormation values (intrinsics included); read
 * them through the graph, which resolves references.
 */
export interface Resource {
  /** Unique within a graph: `stack/logicalId`. */
  readonly key: string;
  readonly type: string;
  readonly logicalId: string;
  readonly stack: StackInfo;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Name of the CloudFormation condition that guards the resource, if any. */
  readonly condition?: string;
  readonly provenance: Provenance;
  /**
   * Set on resources a source step derived from another (a Transcribe job that a state machine
   * starts, `lib/sources/derive/`): that resource and property. Such a resource lives in its origin's
   * stack, is evaluated when its origin is, and findings about it are reported on its origin.
   */
  readonly origin?: ResourceOrigin;
}

/** One template (or live scope) as a source hands it to the graph. */
export interface StackInput {
  readonly stack: StackInfo;
  readonly resources: ReadonlyArray<Omit<Resource, 'key' | 'stack'>>;
  readonly parameters?: Readonly<Record<string, { Default?: unknown; Type?: string }>>;
  /** Values given by the user (`--parameters`), which win over defaults. */
  readonly parameterValues?: Readonly<Record<string, unknown>>;
  readonly conditions?: Readonly<Record<string, unknown>>;
  readonly mappings?: Readonly<Record<string, unknown>>;
  readonly outputs?: Readonly<Record<string, { Value: unknown; Export?: { Name: unknown } }>>;
  /** Template-level `Metadata` (stack-wide suppressions live under `lexscribe`). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /**
   * Data a source could not read (live: a List call denied, a Region not enabled): every check that
   * reads one of `types` reports UNKNOWN with `reason` for this stack instead of finding nothing.
   */
  readonly gaps?: ReadonlyArray<{ types: readonly string[]; reason: string }>;
  /** False for stacks that are only there to resolve references (not evaluated). Default true. */
  readonly evaluate?: boolean;
}
