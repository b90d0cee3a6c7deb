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
  /** Written by the CDK helper (`LexscribeSuppressions`): reported as a `cdk` suppression at synth and in scans alike. */
  origin?: 'cdk';
  /**
   * The CDK helper writes one suppression on several resources (`applyToChildren`, a path glob): they
   * name that call, so the suppression counts as used when any of them is, and is reported once.
   */
  scope?: string;
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

/**
 * How resources declare what data they hold: one tag, read by every check that escalates severity for
 * sensitive data or requires a classification (LEX-COMP-1, LEX-DP-2/4/5, LEX-MON-2, TR-DP-2, TR-COMP-1…).
 */
export interface Classification {
  /** Tag key that carries the data classification, compared case-insensitively. */
  tagKey: string;
  /** Classification values that escalate severity to HIGH, compared case-insensitively. */
  sensitiveValues: string[];
}

export const DEFAULT_CLASSIFICATION: Readonly<Classification> = { tagKey: 'data-classification', sensitiveValues: ['phi', 'pci', 'pii'] };

/** Per-check options from before the `classification` block, and the key of the block each stands for. */
export const LEGACY_CLASSIFICATION = { classificationTagKey: 'tagKey', sensitiveClassifications: 'sensitiveValues' } as const;

/** `lexscribe.config.json` / `.yml`, and the `config` of the CDK aspect. */
export interface LexscribeConfig {
  failOn?: Severity;
  failOnUnknown?: boolean;
  classification?: Partial<Classification>;
  checks?: Record<string, CheckSettings>;
  suppressions?: ConfigSuppression[];
  /** Deprecated keys the file used (filled by validation): each becomes a warning of the run. */
  deprecations?: string[];
}

export const MIN_REASON_LENGTH = 10;
