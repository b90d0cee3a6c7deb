import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** dist/lexscribe-cli.js, where the build writes it; seen from the TypeScript sources (tests), absent. */
const BUNDLE = join(__dirname, '..', '..', 'lexscribe-cli.js');

let loaded: typeof import('./commands') | undefined;

/**
 * The commands' implementations, loaded when a command runs (never for `--help`): from one bundled
 * file when the build made it, else from the compiled modules. A scan runs ~185 of lexscribe's
 * modules; read and compiled as one file they load in about half the time, 7-9 % of a 10,000-resource
 * scan's wall-clock and 19 % of a one-template scan's (the README's Speed). The modules loaded before
 * (the flags' registration: `report-options`, `exit`) are in the bundle again, and the bundle uses its
 * own copies: what a run throws and catches, reads and writes comes from one file.
 */
export function loadCommands(): typeof import('./commands') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (existsSync(BUNDLE) ? require(BUNDLE) : require('./commands')) as typeof import('./commands');
  return loaded;
}
