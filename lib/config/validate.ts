import { SEVERITIES } from '../model/finding';

const TOP_KEYS = ['$schema', 'failOn', 'failOnUnknown', 'checks', 'suppressions'];
const CHECK_KEYS = ['enabled', 'severity', 'options'];
const SUPPRESSION_KEYS = ['id', 'reason', 'expires', 'appliesTo', 'resource'];

function severityOk(v: unknown): boolean {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v.toUpperCase());
}

function unknownKeys(obj: Record<string, unknown>, allowed: string[], where: string): string[] {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) => `unknown key "${k}" in ${where} (allowed: ${allowed.join(', ')})`);
}

/** Problems with a configuration object, each as one readable sentence; [] when valid. */
export function validateConfig(raw: unknown, knownCheckIds?: readonly string[]): string[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return ['the configuration must be an object'];
  const cfg = raw as Record<string, unknown>;
  const problems = unknownKeys(cfg, TOP_KEYS, 'the configuration');
  if (cfg.failOn !== undefined && !severityOk(cfg.failOn)) problems.push(`failOn must be one of ${SEVERITIES.join(', ')}`);
  if (cfg.failOnUnknown !== undefined && typeof cfg.failOnUnknown !== 'boolean') problems.push('failOnUnknown must be true or false');
  if (cfg.checks !== undefined) {
    if (!cfg.checks || typeof cfg.checks !== 'object' || Array.isArray(cfg.checks)) problems.push('checks must be an object keyed by check id');
    else {
      for (const [id, settings] of Object.entries(cfg.checks as Record<string, unknown>)) {
        if (knownCheckIds && !knownCheckIds.includes(id)) problems.push(`checks.${id}: no such check`);
        if (!settings || typeof settings !== 'object' || Array.isArray(settings)) {
          problems.push(`checks.${id} must be an object`);
          continue;
        }
        const s = settings as Record<string, unknown>;
        problems.push(...unknownKeys(s, CHECK_KEYS, `checks.${id}`));
        if (s.severity !== undefined && !severityOk(s.severity)) problems.push(`checks.${id}.severity must be one of ${SEVERITIES.join(', ')}`);
        if (s.enabled !== undefined && typeof s.enabled !== 'boolean') problems.push(`checks.${id}.enabled must be true or false`);
        if (s.options !== undefined && (typeof s.options !== 'object' || Array.isArray(s.options))) problems.push(`checks.${id}.options must be an object`);
      }
    }
  }
  if (cfg.suppressions !== undefined) {
    if (!Array.isArray(cfg.suppressions)) problems.push('suppressions must be a list');
    else
      cfg.suppressions.forEach((s, i) => {
        if (!s || typeof s !== 'object') return problems.push(`suppressions[${i}] must be an object`);
        const rule = s as Record<string, unknown>;
        problems.push(...unknownKeys(rule, SUPPRESSION_KEYS, `suppressions[${i}]`));
        if (typeof rule.id !== 'string') problems.push(`suppressions[${i}].id is required`);
        if (typeof rule.reason !== 'string') problems.push(`suppressions[${i}].reason is required`);
        return undefined;
      });
  }
  return problems;
}
