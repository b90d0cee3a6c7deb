import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from './types';
import { normalizeConfig } from './normalize';
import { validateConfig, type KnownCheck } from './validate';

/** Thrown for a configuration file that cannot be read or is not valid; the message is one line for the user. */
export class ConfigError extends Error {}

/** Names a configuration file may have, looked for in the working directory. */
export const CONFIG_FILES = ['lexscribe.config.json', 'lexscribe.config.yml', 'lexscribe.config.yaml'];

/** The configuration file of a directory, if it has one; two of them are ambiguous and refused. */
export function findConfigFile(dir: string = process.cwd()): string | undefined {
  const found = CONFIG_FILES.filter((name) => existsSync(join(dir, name)));
  if (found.length > 1) throw new ConfigError(`${found.join(' and ')} both exist in ${dir}; keep one`);
  return found[0] && join(dir, found[0]);
}

function parse(text: string, path: string): unknown {
  if (/\.ya?ml$/i.test(path)) {
    // Loaded only for a YAML configuration: a JSON one (or none) never pays for the yaml package.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LineCounter, parseDocument } = require('yaml') as typeof import('yaml');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    const error = doc.errors[0];
    if (error) throw new ConfigError(`${path}:${lines.linePos(error.pos[0]).line}: not valid YAML: ${error.message.split('\n')[0]}`);
    return doc.toJS();
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Read, validate and normalise `lexscribe.config.json`/`.yml` (used by `scan`, `audit` and the CDK
 * aspect's `config` path). Check ids and option names are validated against `checks`.
 */
export function readConfigFile(path: string, checks: readonly KnownCheck[] = ALL_CHECKS): LexscribeConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read configuration ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const raw = parse(text, path);
  const problems = validateConfig(raw, checks);
  if (problems.length > 0) throw new ConfigError(`configuration ${path}: ${problems.join('; ')}`);
  return normalizeConfig(raw as LexscribeConfig);
}
