import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { LexscribeConfig } from './types';
import { validateConfig } from './validate';

/** Thrown for a configuration file that cannot be read or is not valid; the message is one line for the user. */
export class ConfigError extends Error {}

/** Read and validate `lexscribe.config.json`/`.yml`. */
export function readConfigFile(path: string): LexscribeConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read configuration ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`configuration ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
  }
  const problems = validateConfig(raw);
  if (problems.length > 0) throw new ConfigError(`configuration ${path}: ${problems.join('; ')}`);
  return raw as LexscribeConfig;
}
