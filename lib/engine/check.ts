import type { Severity } from '../model/finding';
import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import type { Classification } from '../config/types';
import type { OptionValues, OptionsSchema } from './options';

export const TOPICS = {
  iam: 'Identity and access management',
  'data-protection': 'Data protection',
  monitoring: 'Monitoring',
  compliance: 'Compliance validation',
  resilience: 'Resilience',
  infrastructure: 'Infrastructure security',
  'service-linked-roles': 'Service-linked roles',
  vulnerability: 'Vulnerability analysis',
} as const;
export type Topic = keyof typeof TOPICS;
export type Service = 'lex' | 'transcribe';

/** The topic each id segment names: `LEX-DP-2` is data protection, `TR-NET-1` infrastructure security. */
const TOPIC_OF_SEGMENT: Readonly<Record<string, Topic>> = {
  IAM: 'iam',
  DP: 'data-protection',
  MON: 'monitoring',
  COMP: 'compliance',
  RES: 'resilience',
  NET: 'infrastructure',
  SLR: 'service-linked-roles',
  VULN: 'vulnerability',
};
const SERVICE_OF_PREFIX: Readonly<Record<string, Service>> = { LEX: 'lex', TR: 'transcribe' };

/** Where a check has a side: at synth/on templates, against a live account, or both. */
export type Mode = 'synth' | 'live';
export const MODES: readonly Mode[] = ['synth', 'live'];

/** What every check declares, as its catalog row does. */
export interface CheckMeta {
  /** Id from the catalog (`shared/CHECKS.md`), e.g. `LEX-DP-2`. */
  readonly id: string;
  readonly title: string;
  /** Derived from the id: `LEX-` is Lex, `TR-` Transcribe. */
  readonly service: Service;
  /** Derived from the id: `-DP-` is data protection, `-NET-` infrastructure security, … */
  readonly topic: Topic;
  readonly severity: Severity;
  /** Why it matters (the risk). */
  readonly rationale: string;
  /** What to change, in one or two sentences. */
  readonly remediation: string;
  /** AWS documentation page behind the control. */
  readonly docs: string;
  /** The modes the check has a side in, in catalog order (synth before live). */
  readonly modes: readonly Mode[];
  /** Thresholds and lists a user can set per check (`checks.<ID>.options`), with their types and bounds. */
  readonly options?: OptionsSchema;
}

/** One verdict a check returns. `resource` defaults to the resource being evaluated. */
export interface Verdict {
  status: 'PASS' | 'FAIL' | 'UNKNOWN' | 'NOT_APPLICABLE';
  reason?: string;
  /** Granular key for findings with several parts (`Action::lex:*`); suppressions can name it in `appliesTo`. */
  findingKey?: string;
  /** Overrides the check's default for this verdict (escalation for PHI/PCI, INFO for "not in this app"). */
  severity?: Severity;
  /** Property path of the offending value, for locations. */
  path?: string;
  resource?: Resource;
}

export interface CheckContext<O extends OptionsSchema = OptionsSchema> {
  graph: ResourceGraph;
  /** Option values: the check's defaults merged with configuration, validated against the schema. */
  options: OptionValues<O>;
  /** How resources are classified (the configuration's `classification` block). */
  classification: Classification;
}

/** A side that evaluates the resources of some types one by one. */
export interface ResourceSide<O extends OptionsSchema = OptionsSchema> {
  readonly resourceTypes: readonly string[];
  /**
   * Other resource types the side reads (through references or app-wide lookups). When a source
   * could not read one of these (or of `resourceTypes`), the check reports UNKNOWN for that scope.
   */
  readonly reads?: readonly string[];
  evaluate(resource: Resource, ctx: CheckContext<O>): Verdict | Verdict[];
}

/** A side evaluated once per graph (app, assembly, account scan); every verdict names its resource. */
export interface GraphSide<O extends OptionsSchema = OptionsSchema> {
  readonly reads?: readonly string[];
  evaluateGraph(ctx: CheckContext<O>): Verdict[];
}

export type Side<O extends OptionsSchema = OptionsSchema> = ResourceSide<O> | GraphSide<O>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds checks of every option schema
export interface Check<O extends OptionsSchema = any> extends CheckMeta {
  readonly options?: O;
  /** What the check does in each mode it has: one side for both when the evidence is the same. */
  readonly sides: Readonly<Partial<Record<Mode, Side<O>>>>;
}

export function isResourceSide(s: Side): s is ResourceSide {
  return 'resourceTypes' in s;
}

/** The types a side needs read in full: what it evaluates and what it reads. */
export function sideNeeds(s: Side): readonly string[] {
  return [...(isResourceSide(s) ? s.resourceTypes : []), ...(s.reads ?? [])];
}

/**
 * A verdict with every field, in one order, whatever `extra` holds: the pipeline reads each of the
 * tens of thousands it records, and objects of one shape are read fastest (a spread of `extra` gave
 * each combination of fields a shape of its own).
 */
function verdict(status: Verdict['status'], reason: string | undefined, extra: Partial<Verdict>): Verdict {
  return { status: extra.status ?? status, reason: extra.reason ?? reason, findingKey: extra.findingKey, severity: extra.severity, path: extra.path, resource: extra.resource };
}

export const pass = (reason?: string, extra: Partial<Verdict> = {}): Verdict => verdict('PASS', reason, extra);
export const fail = (reason: string, extra: Partial<Verdict> = {}): Verdict => verdict('FAIL', reason, extra);
export const unknown = (reason: string, extra: Partial<Verdict> = {}): Verdict => verdict('UNKNOWN', reason, extra);
export const notApplicable = (reason?: string, extra: Partial<Verdict> = {}): Verdict => verdict('NOT_APPLICABLE', reason, extra);

interface SpecMeta<O extends OptionsSchema> {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly rationale: string;
  readonly remediation: string;
  readonly docs: string;
  readonly options?: O;
  /**
   * Only for checks outside the catalog (tests, custom checks), whose id does not say it: a catalog id
   * (`LEX-DP-2`) gives both.
   */
  readonly service?: Service;
  readonly topic?: Topic;
}

/** A check whose evidence is the same in every mode it has: one side, run in each of `modes`. */
type OneSideSpec<O extends OptionsSchema> = SpecMeta<O> & { readonly modes: readonly Mode[] } & Side<O>;
/** A check whose evidence differs between code and account: the two columns of its catalog row. */
type TwoSidesSpec<O extends OptionsSchema> = SpecMeta<O> & { readonly synth?: Side<O>; readonly live?: Side<O> };

export type CheckSpec<O extends OptionsSchema> = OneSideSpec<O> | TwoSidesSpec<O>;

/** `LEX-DP-2` → lex, data-protection; undefined for an id outside the catalog's grammar. */
export function idParts(id: string): { service: Service; topic: Topic } | undefined {
  const [prefix, segment] = id.split('-');
  const service = SERVICE_OF_PREFIX[prefix];
  const topic = TOPIC_OF_SEGMENT[segment];
  return service && topic && /^[A-Z]+-[A-Z]+-\d+$/.test(id) ? { service, topic } : undefined;
}

function serviceAndTopic(spec: SpecMeta<OptionsSchema>): { service: Service; topic: Topic } {
  const parts = idParts(spec.id);
  if (parts && ((spec.service && spec.service !== parts.service) || (spec.topic && spec.topic !== parts.topic))) {
    throw new Error(`check ${spec.id}: its id says ${parts.service}/${parts.topic}; leave service and topic out`);
  }
  if (parts) return parts;
  if (!spec.service || !spec.topic) throw new Error(`check id ${spec.id} is not of the catalog's form (LEX|TR)-(${Object.keys(TOPIC_OF_SEGMENT).join('|')})-<n>: give its service and topic`);
  return { service: spec.service, topic: spec.topic };
}

function sideOf<O extends OptionsSchema>(spec: Side<O>): Side<O> {
  if ('resourceTypes' in spec) return { resourceTypes: spec.resourceTypes, reads: spec.reads, evaluate: spec.evaluate };
  return { reads: spec.reads, evaluateGraph: spec.evaluateGraph };
}

/**
 * A check from its catalog row: service and topic come from the id, the modes from the sides it
 * declares (`modes` with one side, or `synth`/`live` sides), option types from their schema.
 */
export function defineCheck<const O extends OptionsSchema = Record<never, never>>(spec: CheckSpec<O>): Check<O> {
  const { id, title, severity, rationale, remediation, docs, options } = spec;
  const sides: Partial<Record<Mode, Side<O>>> = {};
  if ('modes' in spec) {
    const side = sideOf(spec as OneSideSpec<O>);
    for (const mode of spec.modes) sides[mode] = side;
  } else {
    if (spec.synth) sides.synth = sideOf(spec.synth);
    if (spec.live) sides.live = sideOf(spec.live);
  }
  const modes = MODES.filter((m) => sides[m]);
  if (modes.length === 0) throw new Error(`check ${id} has no side`);
  return { id, title, severity, rationale, remediation, docs, ...serviceAndTopic(spec), modes, ...(options ? { options } : {}), sides };
}
