import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** lexscribe's package.json (found upward from here: source and dist differ in depth). */
function readPackage(): { version?: string; homepage?: string } {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; homepage?: string };
      if (pkg.name === 'lexscribe' && pkg.version) return pkg;
    } catch {
      // not here; keep looking upward
    }
    if (dirname(dir) === dir) return {};
  }
}

const PACKAGE = readPackage();

export const VERSION = PACKAGE.version ?? '0.0.0';

/** Where to read about lexscribe (the package's `homepage`): SARIF's `informationUri`, ASFF's and OCSF's product links. */
export const INFORMATION_URI = PACKAGE.homepage ?? 'https://www.npmjs.com/package/lexscribe';
