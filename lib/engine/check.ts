import type { Severity } from '../model/finding';
import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';

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

/** Where a check has a side: at synth/on templates, against a live account, or both. */
export type Mode = 'synth' | 'live';

/** A threshold or list a user can set per check in configuration (`checks.<ID>.options`). */
export interface OptionSpec {
  default: unknown;
  description: string;
}

export interface CheckMeta {
  /** Id from the catalog (`shared/CHECKS.md`), e.g. `LEX-DP-2`. */
  id: string;
  title: string;
  service: 'lex' | 'transcribe';
  topic: Topic;
  severity: Severity;
  /** Why it matters (the risk). */
  rationale: string;
  /** What to change, in one or two sentences. */
  remediation: string;
  /** AWS documentation page behind the control. */
  docs: string;
  modes: Mode[];
  options?: Record<string, OptionSpec>;
  /**
   * Other resource types the check reads (through references or app-wide lookups). When a source
   * could not read one of these (or of `resourceTypes`), the check reports UNKNOWN for that scope.
   */
  reads?: string[];
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

export interface CheckContext {
  graph: ResourceGraph;
  /** Option values: the check's defaults merged with configuration. */
  options: Record<string, unknown>;
  mode: Mode;
}

export interface ResourceCheck extends CheckMeta {
  /** Resource types evaluated one by one. */
  resourceTypes: string[];
  evaluate(resource: Resource, ctx: CheckContext): Verdict | Verdict[];
}

export interface GraphCheck extends CheckMeta {
  /** Evaluated once per graph (app, assembly, account scan); every verdict names its resource. */
  evaluateGraph(ctx: CheckContext): Verdict[];
}

export type Check = ResourceCheck | GraphCheck;

export function isResourceCheck(c: Check): c is ResourceCheck {
  return 'resourceTypes' in c;
}

export const pass = (reason?: string, extra: Partial<Verdict> = {}): Verdict => ({ status: 'PASS', reason, ...extra });
export const fail = (reason: string, extra: Partial<Verdict> = {}): Verdict => ({ status: 'FAIL', reason, ...extra });
export const unknown = (reason: string, extra: Partial<Verdict> = {}): Verdict => ({ status: 'UNKNOWN', reason, ...extra });
export const notApplicable = (reason?: string, extra: Partial<Verdict> = {}): Verdict => ({ status: 'NOT_APPLICABLE', reason, ...extra });

export function defineCheck<T extends Check>(check: T): T {
  return check;
}
