import { DEFAULT_CLASSIFICATION, LEGACY_CLASSIFICATION, type Classification, type ConfigSuppression, type LexscribeConfig } from '../config/types';
import type { Finding, FindingResource, RunWarning, Severity, Status } from '../model/finding';
import { ResourceGraph, type GraphScope } from '../model/graph';
import { closestPosition, type Resource, type StackInput } from '../model/resource';
import { DERIVATIONS } from '../sources/derive';
import { TOPICS, isResourceSide, sideNeeds, type Check, type CheckContext, type Mode, type ResourceSide, type Side, type Verdict } from './check';
import type { OptionsSchema } from './options';
import { Suppressions, type Evaluated } from './suppressions';

/**
 * The one way lexscribe evaluates anything, whichever front end calls it (the CDK aspect, the
 * validation plugin, `scan`, `audit`):
 *
 *   apps (stacks) → one graph per app → raw verdicts (ERROR included) → suppressions, applied once
 *   over all apps of the run from every source → findings + warnings
 *
 * Apps arrive one at a time (at synth, CDK synthesizes each Stage on its own), so the run is an
 * object: `add` each app, then `finish` once, which decides what no app could decide alone (a
 * configuration suppression that matched nothing anywhere).
 */

/** One app of a run: a CDK Stage, a cloud assembly, a set of templates, or an account scan. */
export interface AppInput {
  /** The stacks evaluated (for an account: one per Region, and one for global services). */
  readonly stacks: readonly StackInput[];
  /** Stacks only there to resolve references (`Fn::ImportValue` of another app's export): not evaluated. */
  readonly context?: readonly StackInput[];
}

export interface PipelineOptions {
  readonly checks: readonly Check[];
  /** Which side of each check runs: `synth` for apps and templates, `live` for accounts. */
  readonly mode: Mode;
  readonly config?: LexscribeConfig;
  /** Suppressions given outside the configuration file (e.g. CLI). */
  readonly extraSuppressions?: readonly ConfigSuppression[];
  readonly now?: Date;
  /**
   * Keep NOT_APPLICABLE verdicts as findings. A run whose report leaves them out (not verbose) can drop
   * them here: they are often a third of all verdicts, and can be neither suppressed nor gated.
   * @default true
   */
  readonly notApplicable?: boolean;
}

/** What one app of the run gave: its findings (suppressions applied) and the resource of each. */
export interface AppResult {
  readonly graph: ResourceGraph;
  readonly findings: Finding[];
  /** The resource each finding is about, for integrations that annotate it (CDK). */
  readonly resources: ReadonlyMap<Finding, Resource>;
  /** Warnings about this app's own suppressions (its resources' and templates' metadata). */
  readonly warnings: RunWarning[];
}

export interface RunResult {
  /** Every verdict of every app, NOT_APPLICABLE included unless `notApplicable: false`. */
  findings: Finding[];
  resources: ReadonlyMap<Finding, Resource>;
  warnings: RunWarning[];
}

/** Raw verdicts carry ERROR too: a check that threw is a verdict about what it was evaluating. */
type RawStatus = Verdict['status'] | 'ERROR';

export function findingResource(r: Resource): FindingResource {
  const p = r.provenance;
  if (p.arn) {
    return { type: r.type, arn: p.arn, region: r.stack.region, account: r.stack.account, logicalId: r.logicalId };
  }
  const described: FindingResource = {
    type: r.type,
    logicalId: r.logicalId,
    stack: r.stack.name,
    constructPath: p.constructPath,
    file: p.file ?? r.stack.file,
    line: p.line,
    column: p.column,
  };
  // Where the stack deploys, when its template says (a cloud assembly's environment): ASFF and OCSF need it.
  if (r.stack.account) described.account = r.stack.account;
  if (r.stack.region) described.region = r.stack.region;
  const source = p.source;
  if (source) described.source = source;
  return described;
}

type PropertyLocation = NonNullable<Finding['property']>;

/**
 * Where the findings on one resource point: each property's line and column, or its closest located
 * parent's (the offending value may sit deeper than anything the source located). All of a resource's
 * paths are looked up at once, once every check has run: a source can then read the resource once.
 */
function locateProperties(r: Resource, properties: readonly PropertyLocation[]): void {
  const p = r.provenance;
  const paths = properties.map((x) => x.path);
  let positions: ReadonlyArray<{ line: number; column: number } | undefined> = [];
  try {
    // `properties` may be worked out when read (every key of the resource): only without `locateAll`.
    const known = p.locateAll ? undefined : p.properties;
    positions = p.locateAll ? p.locateAll(paths) : known ? paths.map((path) => closestPosition(known, path)) : [];
  } catch {
    // A line number is where a finding points, not what it says: one a source cannot give is left out.
  }
  properties.forEach((x, i) => {
    const at = positions[i];
    if (!at) return;
    x.line = at.line;
    x.column = at.column;
  });
}

/** Option values of a check: its declared defaults, overridden by configuration (validated on load). */
export function checkOptions(check: Check, config?: LexscribeConfig): Record<string, unknown> {
  const defaults = Object.fromEntries(Object.entries((check.options ?? {}) as OptionsSchema).map(([k, v]) => [k, v.default]));
  const given = { ...(config?.checks?.[check.id]?.options ?? {}) };
  for (const key of Object.keys(LEGACY_CLASSIFICATION)) if (!(key in defaults)) delete given[key];
  return { ...defaults, ...given };
}

/** The classification a check reads: the configuration's block, or the check's own deprecated options. */
export function checkClassification(check: Check, config?: LexscribeConfig): Classification {
  const block = { ...DEFAULT_CLASSIFICATION, ...(config?.classification ?? {}) };
  const legacy = config?.checks?.[check.id]?.options ?? {};
  return {
    tagKey: typeof legacy.classificationTagKey === 'string' ? legacy.classificationTagKey : block.tagKey,
    sensitiveValues: Array.isArray(legacy.sensitiveClassifications) ? (legacy.sensitiveClassifications as string[]) : block.sensitiveValues,
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The graph of an app: an account is an account, anything else an app. */
function graphScope(mode: Mode): GraphScope {
  return mode === 'live' ? 'account' : 'app';
}

/** A run of the pipeline over one or more apps; see the module comment. */
export class Pipeline {
  private readonly suppressions: Suppressions;
  private findings: Finding[] = [];
  private readonly evaluated: Evaluated[][] = [];
  private readonly configWarnings: RunWarning[];
  private finished = false;

  constructor(private readonly opts: PipelineOptions) {
    const config = opts.config ?? {};
    this.suppressions = new Suppressions([...(config.suppressions ?? []), ...(opts.extraSuppressions ?? [])], opts.now ?? new Date());
    this.configWarnings = (config.deprecations ?? []).map((message): RunWarning => ({ kind: 'config', message }));
  }

  /** Evaluate one app: its raw verdicts, then the suppressions that apply to them. */
  add(app: AppInput): AppResult {
    if (this.finished) throw new Error('lexscribe: a finished run takes no more apps');
    const inputs = [...app.stacks, ...(app.context ?? []).map((s): StackInput => ({ ...s, evaluate: false }))];
    // Every source's graph gets the same derived resources (jobs a state machine starts…).
    const graph = new ResourceGraph(inputs, { scope: graphScope(this.opts.mode), derive: DERIVATIONS });
    const evaluated = this.verdicts(graph);
    const warnings = this.suppressions.apply(evaluated, graph);
    this.evaluated.push(evaluated);
    const findings = evaluated.map((e) => e.finding);
    if (this.findings.length === 0) this.findings = findings.slice();
    else for (const f of findings) this.findings.push(f);
    const resources = resourceMap([evaluated]);
    return {
      graph,
      findings,
      get resources() {
        return resources();
      },
      warnings,
    };
  }

  /** The findings of every app, and the run's warnings: deprecated configuration, then suppressions. */
  finish(): RunResult {
    this.finished = true;
    const resources = resourceMap(this.evaluated);
    return {
      findings: this.findings,
      get resources() {
        return resources();
      },
      warnings: [...this.configWarnings, ...this.suppressions.finish()],
    };
  }

  private verdicts(graph: ResourceGraph): Evaluated[] {
    const out: Evaluated[] = [];
    const config = this.opts.config ?? {};
    const keepNotApplicable = this.opts.notApplicable !== false;
    // Findings on one resource describe it alike: one description per resource, not one per finding.
    const descriptions = new Map<Resource, FindingResource>();
    const deployments = new Map<Resource, string | undefined>();
    const deployment = (r: Resource) => {
      if (r.condition === undefined) return undefined;
      if (!deployments.has(r)) deployments.set(r, graph.deployment(r));
      return deployments.get(r);
    };
    const describe = (r: Resource) => {
      let d = descriptions.get(r);
      if (!d) descriptions.set(r, (d = findingResource(r)));
      return d;
    };
    // The properties findings name, by resource: located together at the end (see locateProperties).
    const properties = new Map<Resource, PropertyLocation[]>();
    const property = (r: Resource, path: string | undefined): PropertyLocation | undefined => {
      if (!path) return undefined;
      const at: PropertyLocation = { path };
      const list = properties.get(r);
      if (list) list.push(at);
      else properties.set(r, [at]);
      return at;
    };
    // Many checks evaluate the same types (aliases and bots): list the evaluated resources of each set once.
    const evaluatedLists = new Map<string, Resource[]>();
    const evaluatedOfTypes = (types: readonly string[]) => {
      const key = types.join('|');
      let list = evaluatedLists.get(key);
      if (!list) evaluatedLists.set(key, (list = graph.ofType(...types).filter((r) => graph.isEvaluated(r))));
      return list;
    };
    for (const check of this.opts.checks) {
      const settings = config.checks?.[check.id];
      const side: Side | undefined = check.sides[this.opts.mode];
      if (settings?.enabled === false || !side) continue;
      const ctx: CheckContext = { graph, options: checkOptions(check, config) as CheckContext['options'], classification: checkClassification(check, config) };
      const record: Recorder = (status, v, fallback) => {
        if (status === 'NOT_APPLICABLE' && !keepNotApplicable) return;
        let resource = v.resource ?? fallback;
        // A derived resource's path is in its own properties, not its origin's: no parameter is named for it.
        if (status !== 'NOT_APPLICABLE' && !resource.origin) v = withParameterNote(graph, resource, v);
        // A derived resource is reported where it is written: on its origin, at the property it was read from.
        for (let origin = resource.origin; origin; origin = resource.origin) {
          v = { ...v, path: origin.path };
          resource = origin.resource;
        }
        const severity: Severity = settings?.severity ?? v.severity ?? check.severity;
        out.push({ finding: toFinding(check, status, v, property(resource, v.path), describe(resource), severity, deployment(resource)), resource });
      };
      const needs = graph.gaps.length > 0 ? new Set(sideNeeds(side)) : undefined;
      for (const gap of graph.gaps) {
        const missing = gap.types.filter((t) => needs!.has(t));
        if (missing.length > 0) record('UNKNOWN', { reason: `${missing.join(', ')} could not be read: ${gap.reason}` }, graph.stackResource(gap.stack));
      }
      if (isResourceSide(side)) {
        evaluateEach(graph, side, evaluatedOfTypes(side.resourceTypes), ctx, record);
        continue;
      }
      try {
        for (const v of side.evaluateGraph(ctx)) {
          if (!v.resource) throw new Error(`${check.id} returned a verdict without a resource`);
          record(v.status, v, v.resource);
        }
      } catch (e) {
        const anchor = graph.anchor();
        if (anchor) record('ERROR', { reason: `check failed: ${errorMessage(e)}` }, anchor);
      }
    }
    for (const [resource, list] of properties) locateProperties(resource, list);
    return out;
  }
}

/**
 * The resource of each finding, made the first time it is asked for: only integrations that annotate
 * what they were given (CDK, drift, the audit's per-account tally) ask, and a scan's tens of thousands
 * of findings would fill two maps for nothing.
 */
function resourceMap(apps: readonly (readonly Evaluated[])[]): () => ReadonlyMap<Finding, Resource> {
  let map: Map<Finding, Resource> | undefined;
  return () => {
    if (!map) {
      map = new Map();
      for (const app of apps) for (const e of app) map.set(e.finding, e.resource);
    }
    return map;
  };
}

/** Records one verdict of the check being run, about `fallback` unless the verdict names its resource. */
type Recorder = (status: RawStatus, v: Omit<Verdict, 'status'>, fallback: Resource) => void;

/**
 * A resource side over its resources; a check that throws gives an ERROR about the resource it was
 * judging. A function of its own, called once per check, so that V8 compiles this loop early: in the
 * one call of `verdicts` per app it would run interpreted for most of a scan.
 */
function evaluateEach(graph: ResourceGraph, side: ResourceSide, resources: readonly Resource[], ctx: CheckContext, record: Recorder): void {
  for (let i = 0; i < resources.length; i++) {
    const resource = resources[i];
    try {
      const verdicts = side.evaluate(resource, ctx);
      // Most resources have no alternative deployment: their verdicts are recorded as they come.
      if (graph.alternative(resource)) {
        for (const v of withAlternative(graph, resource, Array.isArray(verdicts) ? verdicts : [verdicts], () => side.evaluate(resource, ctx))) record(v.status, v, resource);
      } else if (Array.isArray(verdicts)) {
        for (let j = 0; j < verdicts.length; j++) record(verdicts[j].status, verdicts[j], resource);
      } else record(verdicts.status, verdicts, resource);
    } catch (e) {
      record('ERROR', { reason: `check failed: ${errorMessage(e)}` }, resource);
    }
  }
}

const WORSE: Readonly<Record<string, number>> = { NOT_APPLICABLE: 0, PASS: 1, UNKNOWN: 2, FAIL: 3, ERROR: 3 };

/**
 * The verdicts on a resource, and those it gets as deployed with the other value of a condition that
 * only parameter defaults decide (`Fn::If [UseKey, Key, AWS::NoValue]` with `UseKey` true by default):
 * where the other value is worse (a FAIL or UNKNOWN the defaults do not give), that verdict is added,
 * naming the condition and its parameters, and the passes it contradicts are dropped. The defaults are
 * what the template deploys as written, the other branch what one parameter value away deploys.
 */
function withAlternative(graph: ResourceGraph, resource: Resource, verdicts: readonly Verdict[], evaluate: () => Verdict | Verdict[]): Verdict[] {
  const alt = graph.alternative(resource);
  if (!alt) return [...verdicts];
  const when = alt.conditions.map((c) => `condition ${c.name} is ${!c.value}, as it is when ${c.parameters.length > 1 ? 'parameters' : 'parameter'} ${c.parameters.join(', ')} ${c.parameters.length > 1 ? 'are' : 'is'} not at ${c.parameters.length > 1 ? 'their defaults' : 'its default'}`).join('; ');
  let others: Verdict[];
  try {
    const got = graph.under(alt, evaluate);
    others = Array.isArray(got) ? got : [got];
  } catch (e) {
    // The defaults were judged; what the other branch gives is not known, and says so.
    return [...verdicts, { status: 'UNKNOWN', reason: `the verdict when ${when} could not be computed: ${errorMessage(e)}`, findingKey: 'Condition' }];
  }
  const worst = new Map<string | undefined, number>();
  for (const v of verdicts) worst.set(v.findingKey, Math.max(worst.get(v.findingKey) ?? 0, WORSE[v.status]));
  const added = others
    .filter((v) => WORSE[v.status] >= WORSE.UNKNOWN && WORSE[v.status] > (worst.get(v.findingKey) ?? 0))
    .map((v) => ({ ...v, reason: `${(v.reason ?? '').replace(/\.$/, '')} (when ${when})` }));
  if (added.length === 0) return [...verdicts];
  const keys = new Set(added.map((v) => v.findingKey));
  const kept = verdicts.filter((v) => WORSE[v.status] > WORSE.PASS || (v.findingKey !== undefined && !keys.has(v.findingKey)));
  return [...kept, ...added];
}

/**
 * A verdict on a value that a parameter's default gave says so, as the reason of one that a parameter
 * without a value left unknown does: the verdict holds for the default, not for whatever a deployment
 * passes.
 */
function withParameterNote(graph: ResourceGraph, resource: Resource, v: Omit<Verdict, 'status'>): Omit<Verdict, 'status'> {
  const params = graph.defaultedParameters(resource, v.path);
  if (params.length === 0) return v;
  const named = params.map((p) => `${p.name} at its default ${JSON.stringify(p.value)}`).join(", ");
  const note = `read from parameter${params.length > 1 ? 's' : ''} ${named}; a deployment may pass another value`;
  return { ...v, reason: v.reason ? `${v.reason.replace(/\.$/, '')} (${note})` : note };
}

function toFinding(check: Check, status: Status, v: Omit<Verdict, 'status'>, property: PropertyLocation | undefined, described: FindingResource, severity: Severity, deployment?: string): Finding {
  return {
    checkId: check.id,
    title: check.title,
    severity,
    status,
    // A resource under a condition is judged as deployed; the reason says when it is.
    reason: deployment ? `${v.reason ? `${v.reason.replace(/\.$/, '')} ` : ''}(${deployment})` : v.reason,
    findingKey: v.findingKey,
    resource: described,
    remediation: check.remediation,
    docs: check.docs,
    topic: TOPICS[check.topic],
    service: check.service,
    property,
  };
}

/** A whole run in one call: every app, then the run's warnings. */
export function runPipeline(apps: readonly AppInput[], opts: PipelineOptions): RunResult {
  const pipeline = new Pipeline(opts);
  for (const app of apps) pipeline.add(app);
  return pipeline.finish();
}
