import type { Severity } from '../model/finding';

/** A suppression: which check, why, until when, and (optionally) which finding keys of it. */
export interface SuppressionRule {
  /** Check id, e.g. `LEX-DP-2`. */
  id: string;
  /** Why the finding is accepted: at least 10 characters. */
  reason: string;
  /** ISO date (`2027-03-01`) after which the suppression no longer applies and is reported. */
  expires?: string;
  /** Finding keys (globs with `*`) the suppression is limited to, e.g. `Action::lex:*`. */
  appliesTo?: string[];
}

/** A configuration-file suppression also names the resources it covers. */
export interface ConfigSuppression extends SuppressionRule {
  /** Glob over logical id, `stack/logicalId`, construct path or ARN. Omitted: every resource. */
  resource?: string;
}

export interface CheckSettings {
  enabled?: boolean;
  severity?: Severity;
  /** Thresholds and lists the check declares (see `lexscribe explain <ID>`). */
  options?: Record<string, unknown>;
}

/** `lexscribe.config.json` / `.yml`, and the `config` of the CDK aspect. */
export interface LexscribeConfig {
  failOn?: Severity;
  failOnUnknown?: boolean;
  checks?: Record<string, CheckSettings>;
  suppressions?: ConfigSuppression[];
}

export const MIN_REASON_LENGTH = 10;
