import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Beside dist/lib/cli, where the build writes it; from the TypeScript sources (tests) it is absent. */
const BUNDLE = join(__dirname, '..', '..', 'lexscribe-cli.js');

let loaded: typeof import('./commands') | undefined;

/**
 * The commands' implementations, loaded when a command runs (never for `--help`): from one bundled
 * file when the build made it, else from the compiled modules. A scan loads ~185 of lexscribe's
 * modules; one file of them takes a third of the loading, 7 % of a 10,000-resource scan's wall-clock
 * and 18 % of a one-template scan's (the README's Speed). Everything a run loads after this point is
 * in the one file, so no class or table is met in two copies.
 */
export function loadCommands(): typeof import('./commands') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (existsSync(BUNDLE) ? require(BUNDLE) : require('./commands')) as typeof import('./commands');
  return loaded;
}
