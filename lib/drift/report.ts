import type { FindingResource, RunWarning, Severity, Status } from '../model/finding';
import type { AccountSummary } from '../report/report';

/** A resource of a drift report: what the code calls it and where, and what the account calls it. */
export interface DriftResource extends FindingResource {
  /** Its identity: `Support`, `Support/Prod`, `/aws/lex/support`. */
  name: string;
  /** Only live: the worst severity of the live FAIL findings on it, if any (what `--fail-on` weighs). */
  liveFailed?: Severity;
}

/** One check that says one thing of a resource in the code and another in the account. */
export interface DriftEntry {
  checkId: string;
  title: string;
  /** The live finding's severity (the worse side's when the account passes). */
  severity: Severity;
  service: string;
  topic: string;
  docs: string;
  remediation: string;
  resource: DriftResource;
  /** The check's verdict on the template (its worst finding on the resource). */
  code: Status;
  /** The check's verdict on the account. */
  live: Status;
  codeReason?: string;
  liveReason?: string;
}

export interface Unjoinable extends DriftResource {
  /** Which side the resource was found on. */
  side: 'code' | 'live';
  /** Why it could not be joined: its name is a token or a parameter, its account was not audited, … */
  reason: string;
}

export interface DriftSummary {
  /** Resources found on both sides. */
  joined: number;
  /** Checks compared on joined resources (a check with a verdict on both sides). */
  compared: number;
  /** Drift entries, and the resources they are on. */
  drift: number;
  driftingResources: number;
  undecided: number;
  onlyInCode: number;
  onlyLive: number;
  unjoinable: number;
}

/** `lexscribe drift --format json`: described by `schema/drift.schema.json`. */
export interface DriftReport extends DriftResult {
  tool: 'lexscribe';
  version: string;
  mode: 'drift';
  startedAt: string;
  code: { inputs: string[]; stacks: number };
  live: { organization?: string; regions: string[]; accounts: AccountSummary[] };
  /** How each type is joined. */
  joinedBy: Record<string, string>;
  warnings: RunWarning[];
}

/** What the join of the two sides found. */
export interface DriftResult {
  summary: DriftSummary;
  drift: DriftEntry[];
  /** Statuses that differ where one side could not be evaluated (UNKNOWN, ERROR): not drift, not the same either. */
  undecided: DriftEntry[];
  onlyInCode: DriftResource[];
  onlyLive: DriftResource[];
  unjoinable: Unjoinable[];
}
