import { isArn, nameProperty, namesInArn, parseArn, type ParsedArn } from './arn';
import { REGION, STACK } from './types/cloudformation';
import type { Resource, ResourceOrigin, StackInfo, StackInput } from './resource';
import { Choice, Composite, Pseudo, Reference, Unknown } from './values';
import { partitionOf, resolveIntrinsics, type StackScope } from './resolve';

/**
 * Whether an ARN can name a resource of a stack: the same partition, account and Region, where both
 * sides say (a `*` or empty part, and a stack of unknown account or Region, can be any).
 */
function sameHome(arn: ParsedArn, stack: StackInfo): boolean {
  const differ = (a: string, b: string | undefined) => a !== '' && a !== '*' && b !== undefined && a !== b;
  if (differ(arn.account, stack.account) || differ(arn.region, stack.region)) return false;
  return !stack.region || arn.partition === '*' || arn.partition === partitionOf(stack.region).partition;
}

/** A condition decided only by parameter defaults: its value under them, and the parameters it reads. */
export interface AlternativeCondition {
  readonly name: string;
  readonly value: boolean;
  readonly parameters: readonly string[];
}

/** What would deploy a resource differently with other parameter values (`ResourceGraph.alternative`). */
export interface Alternative {
  readonly stack: string;
  readonly conditions: readonly AlternativeCondition[];
}

interface FlipState {
  readonly stack: string;
  readonly preset: ReadonlyArray<readonly [string, boolean]>;
  readonly props: Map<Resource, Record<string, unknown>>;
  readonly memos: Map<Relation<unknown>, unknown>;
}

/** What a graph holds: the resources of an app (CDK app, assembly, templates) or of an account scan. */
export type GraphScope = 'app' | 'account';

/** What a reference points at: a resource of the graph, something outside it, or nothing knowable. */
export type Target = { resource: Resource } | { external: string } | Unknown | undefined;

/**
 * A fact about a whole graph that checks need (the policies each principal holds, the roles a service
 * trusts, the buckets Transcribe writes to…): named and defined once, in `lib/model/relations/`, and
 * computed at most once per graph by `graph.memo(relation)`.
 */
export interface Relation<T> {
  /** For errors: `identity policies by principal`. */
  readonly name: string;
  readonly compute: (graph: ResourceGraph) => T;
}

export function relation<T>(name: string, compute: (graph: ResourceGraph) => T): Relation<T> {
  return { name, compute };
}

/** A resource a derivation adds to the graph: its properties are already resolved. */
export interface DerivedResource {
  readonly type: string;
  /** Unique in the origin's stack; never a CloudFormation logical id (`Flow#State::Transcribe`). */
  readonly logicalId: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly origin: ResourceOrigin;
}

/**
 * A source step run once the graph is built: it reads resources (with references resolved) and adds
 * resources of their own types that checks judge like any other (`lib/sources/derive/`).
 */
export type Derivation = (graph: ResourceGraph) => readonly DerivedResource[];

/**
 * All resources of one app, assembly, template set or account scan, with the indexes checks need
 * (by type, by logical id, by name, by ARN) built once. References between resources, and between
 * stacks through exports, are resolved here and nowhere else.
 */
export class ResourceGraph {
  readonly resources: readonly Resource[];
  private readonly all: Resource[];
  private readonly byType = new Map<string, Resource[]>();
  private readonly byName = new Map<string, Resource>();
  private readonly byArn = new Map<string, Resource>();
  private readonly scopes = new Map<string, StackScope>();
  private readonly evaluated = new Set<string>();
  /** `evaluated` by object for the resources of this graph: checks ask often, and hashing keys costs more. */
  private readonly evaluatedObjects = new Map<Resource, boolean>();
  private readonly exports = new Map<string, { scope: StackScope; value: unknown }>();
  private readonly resolvedProps = new Map<Resource, Record<string, unknown>>();
  private readonly alternatives = new Map<Resource, Alternative | undefined>();
  /** Whether any stack of the graph has conditions (no alternative deployment without one); worked out when first asked. */
  private conditional?: boolean;
  private readonly flips = new Map<string, FlipState>();
  /** Per stack: whether some parameter is read at its default (most stacks have none). */
  private readonly defaultedStacks = new Map<string, boolean>();
  private flip: FlipState | undefined;
  private readonly stackResources = new Map<string, Resource>();
  private readonly evaluatedStacks: StackInfo[] = [];
  readonly stacks: readonly StackInfo[];
  readonly stackMetadata = new Map<string, Readonly<Record<string, unknown>>>();
  /** What sources could not read, per stack (see `StackInput.gaps`). */
  readonly gaps: Array<{ stack: StackInfo; types: readonly string[]; reason: string }> = [];

  /** An app or an account: what a resource outside the graph means ("not in this app" is no finding about the account). */
  readonly scope: GraphScope;

  private readonly memos = new Map<Relation<unknown>, unknown>();
  private readonly computing = new Set<Relation<unknown>>();

  constructor(inputs: readonly StackInput[], opts: { scope?: GraphScope; derive?: readonly Derivation[] } = {}) {
    this.scope = opts.scope ?? 'app';
    const all: Resource[] = [];
    for (const input of inputs) {
      const scope: StackScope = {
        stack: input.stack,
        resources: new Map(),
        parameters: input.parameters ?? {},
        parameterValues: input.parameterValues ?? {},
        conditions: input.conditions ?? {},
        mappings: input.mappings ?? {},
        exportLookup: (name) => this.exports.get(name),
        conditionCache: new Map(),
        conditionDefaults: new Map(),
      };
      this.scopes.set(input.stack.name, scope);
      if (input.metadata) this.stackMetadata.set(input.stack.name, input.metadata);
      if (input.evaluate !== false) this.evaluatedStacks.push(input.stack);
      for (const gap of input.gaps ?? []) this.gaps.push({ stack: input.stack, ...gap });
      for (const r of input.resources) {
        // Written out, not spread: every resource then has one shape, which the checks read fastest.
        const resource: Resource = {
          key: `${input.stack.name}/${r.logicalId}`,
          type: r.type,
          logicalId: r.logicalId,
          stack: input.stack,
          properties: r.properties,
          metadata: r.metadata,
          condition: r.condition,
          provenance: r.provenance,
          origin: r.origin,
        };
        scope.resources.set(r.logicalId, resource);
        all.push(resource);
        if (input.evaluate !== false) this.evaluated.add(resource.key);
      }
    }
    for (const r of all) this.evaluatedObjects.set(r, this.evaluated.has(r.key));
    for (const input of inputs) {
      const scope = this.scopes.get(input.stack.name)!;
      for (const output of Object.values(input.outputs ?? {})) {
        if (output?.Export?.Name === undefined) continue;
        const name = resolveIntrinsics(output.Export.Name, scope);
        if (typeof name === 'string') this.exports.set(name, { scope, value: output.Value });
      }
    }
    // A resource whose condition is false under the parameter values is still checked, as it is when
    // the condition is true (see `deployment`): skipping it would leave it unchecked without a word.
    this.resources = this.all = all;
    this.stacks = inputs.map((i) => i.stack);
    for (const r of this.resources) this.index(r);
    for (const derive of opts.derive ?? []) for (const d of derive(this)) this.addDerived(d);
  }

  /** A derived resource: in its origin's stack, known by type only (no reference or name leads to it). */
  private addDerived(d: DerivedResource): void {
    const { stack, provenance, key } = d.origin.resource;
    // In the key order of every other resource (one shape).
    const r: Resource = {
      key: `${stack.name}/${d.logicalId}`,
      type: d.type,
      logicalId: d.logicalId,
      stack,
      properties: d.properties,
      metadata: {},
      condition: undefined,
      provenance: { constructPath: provenance.constructPath, file: provenance.file, line: provenance.line, column: provenance.column },
      origin: d.origin,
    };
    this.all.push(r);
    let list = this.byType.get(r.type);
    if (!list) this.byType.set(r.type, (list = []));
    list.push(r);
    this.resolvedProps.set(r, r.properties as Record<string, unknown>);
    const evaluated = this.evaluated.has(key);
    if (evaluated) this.evaluated.add(r.key);
    this.evaluatedObjects.set(r, evaluated);
  }

  private index(r: Resource): void {
    let list = this.byType.get(r.type);
    if (!list) this.byType.set(r.type, (list = []));
    list.push(r);
    const prop = nameProperty(r.type);
    const raw = prop ? r.properties[prop] : undefined;
    // A name built from values the graph knows (`reports-${AWS::AccountId}`) is a name too.
    const name = raw !== null && typeof raw === 'object' ? this.resolveIn(r.stack.name, raw) : raw;
    if (typeof name === 'string') this.byName.set(`${r.type}|${name}`, r);
    if (r.provenance.arn) {
      this.byArn.set(r.provenance.arn, r);
      // A resource with an ARN is also known by the name the ARN carries: a KMS key by its key id, a
      // live Lex bot by the bot id that its aliases' `BotId` holds.
      for (const n of namesInArn(r.provenance.arn)) if (n.type === r.type) this.byName.set(`${n.type}|${n.name}`, r);
    }
  }

  /** The value of a relation over this graph: computed on first use, then shared by every check. */
  memo<T>(relation: Relation<T>): T {
    const memos = this.flip?.memos ?? this.memos;
    if (memos.has(relation)) return memos.get(relation) as T;
    if (this.computing.has(relation)) throw new Error(`relation ${relation.name} depends on itself`);
    this.computing.add(relation);
    try {
      const value = relation.compute(this);
      memos.set(relation, value);
      return value;
    } finally {
      this.computing.delete(relation);
    }
  }

  /** Resources of the given types, in the order the sources gave them. */
  ofType(...types: string[]): Resource[] {
    if (types.length === 1) return this.byType.get(types[0]) ?? [];
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** How a run says that something is not in the graph: "is not defined in this app", "was not found in the account scan". */
  get notHere(): string {
    return this.scope === 'account' ? 'was not found in the account scan' : 'is not defined in this app';
  }

  /** Whether a stack is evaluated (stacks loaded only to resolve imports are not). */
  isEvaluatedStack(name: string): boolean {
    return this.evaluatedStacks.some((s) => s.name === name);
  }

  /** Resources the run evaluates (stacks loaded only to resolve imports are left out). */
  isEvaluated(r: Resource): boolean {
    return this.evaluatedObjects.get(r) ?? this.evaluated.has(r.key);
  }

  /**
   * A pseudo-resource standing for a whole stack (live: an account and Region), which app-level
   * findings ("no trail is defined in this app") attach to.
   */
  stackResource(stack: StackInfo): Resource {
    let r = this.stackResources.get(stack.name);
    if (!r) {
      const live = stack.name === `${stack.account}/${stack.region}`;
      r = {
        key: `${stack.name}/`,
        type: live ? REGION : STACK,
        logicalId: stack.name,
        stack,
        properties: {},
        metadata: this.stackMetadata.get(stack.name) ?? {},
        provenance: live ? { arn: `arn:aws:iam::${stack.account}:root` } : { file: stack.file, constructPath: stack.name },
      };
      this.stackResources.set(stack.name, r);
      this.evaluated.add(r.key);
      this.evaluatedObjects.set(r, true);
    }
    return r;
  }

  /**
   * Where app-level findings go: the first evaluated stack holding a resource of one of `types`
   * (the workload the control protects), else the first evaluated stack. Undefined when the run
   * evaluates nothing, or when `types` are given and none is present (the control does not apply).
   */
  anchor(...types: string[]): Resource | undefined {
    if (types.length === 0) return this.evaluatedStacks[0] && this.stackResource(this.evaluatedStacks[0]);
    const holder = this.ofType(...types).find((r) => this.isEvaluated(r));
    return holder ? this.stackResource(holder.stack) : undefined;
  }

  get(stack: string, logicalId: string): Resource | undefined {
    return this.scopes.get(stack)?.resources.get(logicalId);
  }

  /** The ARN of a resource, when its source knows it (resources read from an account). */
  arnOf(r: Resource): string | undefined {
    return r.provenance.arn;
  }

  byArnOrName(type: string, nameOrArn: string): Resource | undefined {
    return this.byArn.get(nameOrArn) ?? this.byName.get(`${type}|${nameOrArn}`);
  }

  /**
   * Properties with every intrinsic resolved (see `values.ts` for what replaces what), computed once.
   * A resource deployed only under a condition that is false here is read as it would be deployed:
   * its own `Fn::If`s on that condition take the true branch. `T` is the typed view of the resource's
   * type (`lib/model/types/`: `graph.props<BotAliasProps>(alias)`), which the caller vouches for;
   * untyped, a plain record.
   */
  props<T extends object = Record<string, unknown>>(r: Resource): T {
    const flip = this.flip && this.flip.stack === r.stack.name && !r.origin ? this.flip : undefined;
    const cache = flip ? flip.props : this.resolvedProps;
    let cached = cache.get(r);
    if (!cached) {
      let scope = this.scopes.get(r.stack.name);
      if (scope && flip) {
        const preset = new Map<string, boolean | Unknown>(flip.preset);
        if (r.condition !== undefined && !preset.has(r.condition) && this.conditionOf(r) === false) preset.set(r.condition, true);
        scope = { ...scope, conditionCache: preset, conditionDefaults: undefined };
      } else if (scope && r.condition !== undefined && this.conditionOf(r) === false) scope = { ...scope, conditionCache: new Map([[r.condition, true]]) };
      cached = (scope ? resolveIntrinsics(r.properties, scope) : r.properties) as Record<string, unknown>;
      if (cached === null || typeof cached !== 'object') cached = {};
      cache.set(r, cached);
    }
    return cached as T;
  }

  /** Resolve a raw value in the scope of a stack (used for template metadata and ad-hoc documents). */
  resolveIn(stack: string, value: unknown): unknown {
    const scope = this.scopes.get(stack);
    return scope ? resolveIntrinsics(value, scope) : value;
  }

  /** The `Condition` of a resource: true, false or Unknown. */
  conditionOf(r: Resource): boolean | Unknown {
    if (r.condition === undefined) return true;
    const scope = this.scopes.get(r.stack.name)!;
    return resolveIntrinsics({ Condition: r.condition }, scope, 0, true) as boolean | Unknown;
  }

  /**
   * When a resource is deployed, if not always: a note for its findings ("deployed only when condition
   * X is true, which it is not under the parameter values"), or undefined for a resource deployed as is.
   */
  deployment(r: Resource): string | undefined {
    if (r.condition === undefined) return undefined;
    const state = this.conditionOf(r);
    if (state === true) return undefined;
    if (state === false) return `deployed only when condition ${r.condition} is true, which it is not under the parameter values given or their defaults`;
    return `deployed only when condition ${r.condition} is true, which cannot be known here: ${state.reason}`;
  }

  /**
   * The conditions that would deploy a resource differently if a parameter had another value than its
   * default: those named by the `Fn::If`s of the resource and of the resources its properties refer to
   * in its stack (an alias and its log group), decided only by parameter defaults. Undefined when there
   * is none. The resource's own `Condition` is not among them (it is judged as deployed), nor are
   * conditions that parameter values given in the run decide.
   */
  alternative(r: Resource): Alternative | undefined {
    // Every check asks of every resource: a graph whose stacks have no conditions answers at once.
    this.conditional ??= [...this.scopes.values()].some((s) => Object.keys(s.conditions).length > 0);
    if (!this.conditional) return undefined;
    if (this.alternatives.has(r)) return this.alternatives.get(r);
    let found: Alternative | undefined;
    const scope = this.scopes.get(r.stack.name);
    if (scope && !r.origin && scope.conditionDefaults && Object.keys(scope.conditions).length > 0) {
      const names = new Set(conditionsOfIfs(r.properties));
      for (const id of referencedIds(r.properties)) {
        const other = scope.resources.get(id);
        if (other && other !== r) for (const n of conditionsOfIfs(other.properties)) names.add(n);
      }
      const conditions: AlternativeCondition[] = [];
      for (const name of names) {
        if (name === r.condition) continue;
        const value = resolveIntrinsics({ Condition: name }, scope, 0, true);
        const parameters = scope.conditionDefaults.get(name) ?? [];
        if (typeof value === 'boolean' && parameters.length > 0) conditions.push({ name, value, parameters });
      }
      if (conditions.length > 0) found = { stack: r.stack.name, conditions };
    }
    this.alternatives.set(r, found);
    return found;
  }

  /**
   * Run `fn` with the graph read as deployed under the other value of an alternative's conditions:
   * `props` of the resources of its stack take the other branches, and relations are computed afresh
   * for it (once per set of conditions), never mixed with those of the defaults.
   */
  under<T>(alt: Alternative, fn: () => T): T {
    if (this.flip) throw new Error('ResourceGraph.under does not nest');
    const key = `${alt.stack}|${alt.conditions.map((c) => c.name).sort().join('|')}`;
    let state = this.flips.get(key);
    if (!state) this.flips.set(key, (state = { stack: alt.stack, preset: alt.conditions.map((c) => [c.name, !c.value] as const), props: new Map(), memos: new Map() }));
    this.flip = state;
    try {
      return fn();
    } finally {
      this.flip = undefined;
    }
  }

  /**
   * Parameters a property of a resource reads (`Ref`, `${Name}` in `Fn::Sub`) whose value is their
   * `Default`, no value being given in this run: a deployment may give them another. `path` is the
   * dotted property path of a verdict (none: no parameter); reading stops at the first intrinsic, which
   * is taken whole.
   */
  defaultedParameters(r: Resource, path: string | undefined): Array<{ name: string; value: unknown }> {
    const scope = this.scopes.get(r.stack.name);
    // A verdict on the whole resource names no value: the parameters of all its properties would be noise.
    if (!scope || r.origin || !path || this.defaultedStacks.get(r.stack.name) === false) return [];
    const defaulted = (name: string) => {
      const p = Object.prototype.hasOwnProperty.call(scope.parameters, name) ? scope.parameters[name] : undefined;
      if (p?.Default === undefined || Object.prototype.hasOwnProperty.call(scope.parameterValues, name)) return false;
      return !(p.Type ?? '').startsWith('AWS::SSM::Parameter::Value');
    };
    let any = this.defaultedStacks.get(r.stack.name);
    if (any === undefined) this.defaultedStacks.set(r.stack.name, (any = Object.keys(scope.parameters).some(defaulted)));
    if (!any) return [];
    let node: unknown = r.properties;
    for (const step of path ? path.split('.') : []) {
      if (node === null || typeof node !== 'object') return [];
      const keys = Object.keys(node);
      if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) break;
      node = (node as Record<string, unknown>)[step];
    }
    const names = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string' || v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) return v.forEach(walk);
      const obj = v as Record<string, unknown>;
      if (typeof obj.Ref === 'string' && defaulted(obj.Ref)) names.add(obj.Ref);
      const sub = obj['Fn::Sub'];
      const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
      for (const m of text?.matchAll(/\$\{([A-Za-z0-9]+)\}/g) ?? []) if (defaulted(m[1])) names.add(m[1]);
      Object.values(obj).forEach(walk);
    };
    walk(node);
    return [...names].map((name) => ({ name, value: scope.parameters[name].Default }));
  }

  /**
   * What a resolved value refers to, preferring resources of `types`: a `Ref`/`GetAtt`, a string built
   * around one (`arn:…:log-group:${Group}:*`), or a literal ARN or name of a resource in the graph.
   */
  target(value: unknown, ...types: string[]): Target {
    if (value === undefined || value === null) return undefined;
    if (value instanceof Unknown) return value;
    const wanted = (r: Resource) => types.length === 0 || types.includes(r.type);
    if (value instanceof Reference) return { resource: value.target };
    if (value instanceof Choice) {
      const [a, b] = value.options.map((o) => this.target(o, ...types));
      if (a && b && 'resource' in a && 'resource' in b && a.resource === b.resource) return a;
      if (a && b && 'external' in a && 'external' in b && a.external === b.external) return a;
      return new Unknown(`depends on condition ${value.condition}`);
    }
    if (value instanceof Composite) {
      const refs = value.references;
      // Resources of the wanted types first; a string around one other resource still points at it, as a bare Reference does.
      const distinct = [...new Set((refs.some((ref) => wanted(ref.target)) ? refs.filter((ref) => wanted(ref.target)) : refs).map((r) => r.target))];
      if (distinct.length === 1) return { resource: distinct[0] };
      if (distinct.length > 1) return new Unknown(`${value} refers to several resources`);
      const unknowns = value.unknowns;
      if (unknowns.length > 0) return new Unknown(unknowns.map((u) => u.reason).join('; '));
      // Pseudo parameters match any account or Region in the lookup; what is not found is the value as written.
      const pattern = value.parts.map((p) => (typeof p === 'string' ? p : p instanceof Pseudo ? '*' : String(p))).join('');
      const found = this.target(pattern, ...types);
      return found && 'resource' in found ? found : { external: value.toString() };
    }
    if (value instanceof Pseudo) return new Unknown(`${value.name} is not known here`);
    if (typeof value !== 'string') return new Unknown(`expected a reference, found ${JSON.stringify(value)}`);
    if (value.includes('{{resolve:')) return new Unknown(`${value} holds a dynamic reference, resolved by CloudFormation at deploy time`);
    if (isArn(value)) {
      const exact = this.byArn.get(value);
      if (exact && wanted(exact)) return { resource: exact };
      const parsed = parseArn(value);
      for (const { type, name } of namesInArn(value)) {
        if (types.length > 0 && !types.includes(type)) continue;
        const hit = this.byName.get(`${type}|${name}`) ?? this.byArn.get(value.replace(/:\*$/, ''));
        // A name is that resource only in its partition, account and Region: another account's `app-role` is not this one.
        if (hit && parsed && sameHome(parsed, hit.stack)) return { resource: hit };
      }
      return { external: value };
    }
    for (const type of types) {
      const hit = this.byName.get(`${type}|${value}`);
      if (hit) return { resource: hit };
    }
    return { external: value };
  }
}

/** Names of the conditions that `Fn::If`s in a raw property tree take, in the order met. */
function conditionsOfIfs(value: unknown, into = new Set<string>()): string[] {
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) for (const v of value) conditionsOfIfs(v, into);
    else {
      const obj = value as Record<string, unknown>;
      const args = Object.prototype.hasOwnProperty.call(obj, 'Fn::If') ? obj['Fn::If'] : undefined;
      if (Array.isArray(args) && typeof args[0] === 'string') into.add(args[0]);
      for (const v of Object.values(obj)) conditionsOfIfs(v, into);
    }
  }
  return [...into];
}

/** Logical ids a raw property tree refers to: `Ref`, `Fn::GetAtt`, and `${Id}` / `${Id.Attr}` in `Fn::Sub`. */
function referencedIds(value: unknown, into = new Set<string>()): Set<string> {
  if (value === null || typeof value !== 'object') return into;
  if (Array.isArray(value)) {
    for (const v of value) referencedIds(v, into);
    return into;
  }
  const obj = value as Record<string, unknown>;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(obj, k);
  if (has('Ref') && typeof obj.Ref === 'string') into.add(obj.Ref);
  const att = has('Fn::GetAtt') ? obj['Fn::GetAtt'] : undefined;
  if (typeof att === 'string') into.add(att.split('.')[0]);
  else if (Array.isArray(att) && typeof att[0] === 'string') into.add(att[0]);
  const sub = has('Fn::Sub') ? obj['Fn::Sub'] : undefined;
  const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  for (const m of text?.matchAll(/\$\{([^}!.]+)[^}]*\}/g) ?? []) into.add(m[1]);
  for (const v of Object.values(obj)) referencedIds(v, into);
  return into;
}
