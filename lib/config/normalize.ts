import type { Severity } from '../model/finding';
import { LEGACY_CLASSIFICATION, type CheckSettings, type LexscribeConfig } from './types';

const severity = (s: string | undefined) => (s === undefined ? {} : { severity: s.toUpperCase() as Severity });

/**
 * A validated configuration in the engine's spelling: severities and check ids upper-case
 * (the file may say `high` and `lex-dp-2`).
 */
export function normalizeConfig(raw: LexscribeConfig): LexscribeConfig {
  const deprecations = Object.entries(raw.checks ?? {}).flatMap(([id, s]) =>
    Object.keys(s.options ?? {})
      .filter((name): name is keyof typeof LEGACY_CLASSIFICATION => name in LEGACY_CLASSIFICATION)
      .map((name) => `checks.${id}.options.${name} is deprecated (still applied to ${id.toUpperCase()}): set classification.${LEGACY_CLASSIFICATION[name]} once, for every check`),
  );
  return {
    ...(deprecations.length > 0 ? { deprecations } : {}),
    ...raw,
    ...(raw.failOn === undefined ? {} : { failOn: raw.failOn.toUpperCase() as Severity }),
    ...(raw.checks === undefined
      ? {}
      : { checks: Object.fromEntries(Object.entries(raw.checks).map(([id, s]): [string, CheckSettings] => [id.toUpperCase(), { ...s, ...severity(s.severity) }])) }),
    ...(raw.suppressions === undefined ? {} : { suppressions: raw.suppressions.map((s) => ({ ...s, id: s.id.toUpperCase() })) }),
  };
}
