import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package version, read from package.json (found upward from here: source and dist differ in depth). */
function readVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lexscribe' && pkg.version) return pkg.version;
    } catch {
      // not here; keep looking upward
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

export const VERSION = readVersion();
