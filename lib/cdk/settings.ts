import { ConfigError, findConfigFile, readConfigFile } from '../config/file';
import type { LexscribeConfig } from '../config/types';
import { normalizeConfig } from '../config/normalize';
import { validateConfig, type KnownCheck } from '../config/validate';
import { parseSeverity, severityRank, type Finding, type Severity } from '../model/finding';

/** What the aspect and the validation plugin both take: the gate, the configuration, the outputs. */
export interface GateProps {
  readonly failOn?: Severity | Lowercase<Severity>;
  readonly failOnUnknown?: boolean;
  readonly config?: LexscribeConfig | string;
  readonly reports?: boolean;
  readonly showSuppressed?: boolean;
  /**
   * Pause V8's optimizing compiler (TurboFan) while lexscribe evaluates, and resume it after: at synth
   * it compiles code that runs once, and costs more CPU than it saves (see README, Benchmark (synth)).
   * The aspect resumes it once CDK has written the assembly it checked (CDK's writing of the templates
   * and the tree is run-once code too), or when the current job ends if synthesis stops first; the
   * validation plugin when its validation returns. Not done when the process was started with V8 tier
   * flags of its own.
   * @default true
   */
  readonly pauseOptimizer?: boolean;
}

export interface GateSettings {
  failOn: Severity;
  failOnUnknown: boolean;
  config: LexscribeConfig;
  reports: boolean;
  showSuppressed: boolean;
  pauseOptimizer: boolean;
}

/**
 * A file or an inline object (from code or cdk.json), validated against the checks that will run;
 * without one, the configuration file of the working directory, as `scan` and `audit` read it.
 */
function loadConfig(config: LexscribeConfig | string | undefined, checks: readonly KnownCheck[]): LexscribeConfig {
  if (config === undefined) {
    const found = findConfigFile();
    return found ? readConfigFile(found, checks) : {};
  }
  if (typeof config === 'string') return readConfigFile(config, checks);
  const problems = validateConfig(config, checks);
  if (problems.length > 0) throw new ConfigError(`lexscribe configuration: ${problems.join('; ')}`);
  return normalizeConfig(config);
}

/** Props over configuration over defaults; a bad value throws at construction, naming what to fix. */
export function resolveSettings(props: GateProps, checks: readonly KnownCheck[]): GateSettings {
  const config = loadConfig(props.config, checks);
  const given = props.failOn ?? config.failOn ?? 'HIGH';
  const failOn = typeof given === 'string' ? parseSeverity(given) : undefined;
  if (!failOn) throw new ConfigError(`lexscribe: failOn must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL (got ${JSON.stringify(given)})`);
  return {
    failOn,
    failOnUnknown: props.failOnUnknown ?? config.failOnUnknown ?? false,
    config,
    reports: props.reports ?? true,
    showSuppressed: props.showSuppressed ?? false,
    pauseOptimizer: props.pauseOptimizer ?? true,
  };
}

/** A finding that stops the synth: FAIL at or above `failOn`, and UNKNOWN when `failOnUnknown`. */
export function isBlocking(f: Finding, s: GateSettings): boolean {
  return (f.status === 'FAIL' && severityRank(f.severity) >= severityRank(s.failOn)) || (f.status === 'UNKNOWN' && s.failOnUnknown);
}

/** `LEX-DP-2 [MEDIUM] <title>: <reason> (<finding key>). Fix: <remediation>`: the check id first, the fix last. */
export function annotationText(f: Finding): string {
  const label = f.status === 'FAIL' ? f.severity : `${f.status}, ${f.severity}`;
  const detail = [f.reason?.replace(/\.$/, ''), f.findingKey && `(${f.findingKey})`].filter(Boolean).join(' ');
  const suppressed = f.suppression ? `; suppressed: ${f.suppression.reason.replace(/\.$/, '')}${f.suppression.expires ? ` (until ${f.suppression.expires})` : ''}` : '';
  return `${f.checkId} [${label}] ${f.title}${detail ? `: ${detail}` : ''}${suppressed}. Fix: ${f.remediation}`;
}
