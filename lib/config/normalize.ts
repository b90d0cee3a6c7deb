import type { Severity } from '../model/finding';
import type { CheckSettings, LexscribeConfig } from './types';

const severity = (s: string | undefined) => (s === undefined ? {} : { severity: s.toUpperCase() as Severity });

/**
 * A validated configuration in the engine's spelling: severities and check ids upper-case
 * (the file may say `high` and `lex-dp-2`).
 */
export function normalizeConfig(raw: LexscribeConfig): LexscribeConfig {
  return {
    ...raw,
    ...(raw.failOn === undefined ? {} : { failOn: raw.failOn.toUpperCase() as Severity }),
    ...(raw.checks === undefined
      ? {}
      : { checks: Object.fromEntries(Object.entries(raw.checks).map(([id, s]): [string, CheckSettings] => [id.toUpperCase(), { ...s, ...severity(s.severity) }])) }),
    ...(raw.suppressions === undefined ? {} : { suppressions: raw.suppressions.map((s) => ({ ...s, id: s.id.toUpperCase() })) }),
  };
}
