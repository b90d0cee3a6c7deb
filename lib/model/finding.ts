export const SEVERITIES = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['PASS', 'FAIL', 'UNKNOWN', 'SUPPRESSED', 'ERROR', 'NOT_APPLICABLE'] as const;
export type Status = (typeof STATUSES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function parseSeverity(text: string): Severity | undefined {
  const upper = text.toUpperCase();
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : undefined;
}

export interface FindingResource {
  type: string;
  logicalId?: string;
  stack?: string;
  constructPath?: string;
  file?: string;
  line?: number;
  column?: number;
  arn?: string;
  region?: string;
  account?: string;
}

export interface FindingSuppression {
  reason: string;
  expires?: string;
  source: 'metadata' | 'config' | 'cdk';
}

/** One verdict of one check on one resource (and, where a check has several, one finding key). */
export interface Finding {
  checkId: string;
  title: string;
  severity: Severity;
  status: Status;
  reason?: string;
  findingKey?: string;
  resource: FindingResource;
  remediation: string;
  docs: string;
  topic: string;
  service: string;
  suppression?: FindingSuppression;
  /** Location of the offending property, when the source knows it. */
  property?: { path: string; line?: number; column?: number };
}

/** Something about the run itself that a user must see: an unused or expired suppression, an unreadable input. */
export interface RunWarning {
  kind: 'suppression-unused' | 'suppression-expired' | 'suppression-invalid' | 'input' | 'skipped' | 'config' | 'coverage';
  message: string;
  checkId?: string;
  resource?: FindingResource;
}
