import type { CheckMeta } from '../engine/check';
import { optionProblem, type OptionsSchema } from '../engine/options';
import { isoDate } from './dates';
import { SEVERITIES } from '../model/finding';
import { LEGACY_CLASSIFICATION, MIN_REASON_LENGTH } from './types';

const TOP_KEYS = ['$schema', 'failOn', 'failOnUnknown', 'classification', 'checks', 'suppressions'];
const CLASSIFICATION_KEYS = ['tagKey', 'sensitiveValues'];
const CHECK_KEYS = ['enabled', 'severity', 'options'];
const SUPPRESSION_KEYS = ['id', 'reason', 'expires', 'appliesTo', 'resource'];
const SEVERITY_LIST = SEVERITIES.map((s) => s.toLowerCase()).join(', ');

/** What validation needs to know of a check: its id and declared options. */
export type KnownCheck = Pick<CheckMeta, 'id' | 'options'>;

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function severityOk(v: unknown): boolean {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v.toUpperCase());
}

function unknownKeys(obj: Record<string, unknown>, allowed: string[], where: string): string[] {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) => `unknown key "${k}" in ${where} (allowed: ${allowed.join(', ')})`);
}

function optionProblems(id: string, options: Record<string, unknown>, check: KnownCheck | undefined): string[] {
  if (!check) return [];
  const declared: OptionsSchema = check.options ?? {};
  const names = Object.keys(declared);
  return Object.entries(options).flatMap(([name, value]) => {
    const legacy = LEGACY_CLASSIFICATION[name as keyof typeof LEGACY_CLASSIFICATION];
    // Deprecated (see normalizeConfig), still read: validated as the classification block's key it stands for.
    if (legacy && !declared[name]) return classificationProblem(legacy, value, `checks.${id}.options.${name}`);
    const spec = declared[name];
    if (!spec) return [`checks.${id}.options.${name}: ${id} has ${names.length ? `no such option (its options: ${names.join(', ')})` : 'no options'}`];
    const problem = optionProblem(spec, value);
    return problem ? [`checks.${id}.options.${name} ${problem}`] : [];
  });
}

function classificationProblem(key: string, value: unknown, where: string): string[] {
  if (key === 'tagKey') return typeof value === 'string' && value.trim() !== '' ? [] : [`${where} must be a tag key (a non-empty string)`];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [] : [`${where} must be a list of classification values`];
}

function classificationProblems(raw: unknown): string[] {
  if (!isObject(raw)) return ['classification must be an object with tagKey and sensitiveValues'];
  return [...unknownKeys(raw, CLASSIFICATION_KEYS, 'classification'), ...Object.entries(raw).flatMap(([k, v]) => (CLASSIFICATION_KEYS.includes(k) ? classificationProblem(k, v, `classification.${k}`) : []))];
}

function checkProblems(cfg: Record<string, unknown>, checks: readonly KnownCheck[] | undefined): string[] {
  if (!isObject(cfg.checks)) return ['checks must be an object keyed by check id'];
  const problems: string[] = [];
  for (const [id, settings] of Object.entries(cfg.checks)) {
    const check = checks?.find((c) => c.id === id.toUpperCase());
    if (checks && !check) problems.push(`checks.${id}: no such check (see \`lexscribe checks\`)`);
    if (!isObject(settings)) {
      problems.push(`checks.${id} must be an object`);
      continue;
    }
    problems.push(...unknownKeys(settings, CHECK_KEYS, `checks.${id}`));
    if (settings.severity !== undefined && !severityOk(settings.severity)) problems.push(`checks.${id}.severity must be one of ${SEVERITY_LIST}`);
    if (settings.enabled !== undefined && typeof settings.enabled !== 'boolean') problems.push(`checks.${id}.enabled must be true or false`);
    if (settings.options !== undefined) {
      if (!isObject(settings.options)) problems.push(`checks.${id}.options must be an object`);
      else problems.push(...optionProblems(id, settings.options, check));
    }
  }
  return problems;
}

function suppressionProblems(rule: unknown, where: string, checks: readonly KnownCheck[] | undefined): string[] {
  if (!isObject(rule)) return [`${where} must be an object`];
  const problems = unknownKeys(rule, SUPPRESSION_KEYS, where);
  if (typeof rule.id !== 'string') problems.push(`${where}.id (the check id) is required`);
  else if (checks && !checks.some((c) => c.id === (rule.id as string).toUpperCase())) problems.push(`${where}.id: no such check ${rule.id}`);
  if (typeof rule.reason !== 'string' || rule.reason.trim().length < MIN_REASON_LENGTH) {
    problems.push(`${where}.reason must say why the finding is accepted, in at least ${MIN_REASON_LENGTH} characters`);
  }
  if (rule.expires !== undefined && isoDate(rule.expires) === undefined) {
    problems.push(`${where}.expires must be a date like 2027-03-01`);
  }
  if (rule.appliesTo !== undefined && (!Array.isArray(rule.appliesTo) || rule.appliesTo.length === 0 || rule.appliesTo.some((k) => typeof k !== 'string' || k === ''))) {
    problems.push(`${where}.appliesTo must be a non-empty list of finding keys (leave it out to suppress every finding of the check)`);
  }
  if (rule.resource !== undefined && (typeof rule.resource !== 'string' || rule.resource === '')) {
    problems.push(`${where}.resource must be a logical id, construct path glob or ARN glob`);
  }
  return problems;
}

/**
 * Problems with a configuration object, each as one readable sentence; [] when valid. With `checks`,
 * check ids and option names (and option types, from their defaults) are validated too.
 */
export function validateConfig(raw: unknown, checks?: readonly KnownCheck[]): string[] {
  if (!isObject(raw)) return ['the configuration must be an object'];
  const problems = unknownKeys(raw, TOP_KEYS, 'the configuration');
  if (raw.failOn !== undefined && !severityOk(raw.failOn)) problems.push(`failOn must be one of ${SEVERITY_LIST}`);
  if (raw.failOnUnknown !== undefined && typeof raw.failOnUnknown !== 'boolean') problems.push('failOnUnknown must be true or false');
  if (raw.classification !== undefined) problems.push(...classificationProblems(raw.classification));
  if (raw.checks !== undefined) problems.push(...checkProblems(raw, checks));
  if (raw.suppressions !== undefined) {
    if (!Array.isArray(raw.suppressions)) problems.push('suppressions must be a list');
    else raw.suppressions.forEach((s, i) => problems.push(...suppressionProblems(s, `suppressions[${i}]`, checks)));
  }
  return problems;
}
