import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from './errors';
import { readInput } from './read';

/**
 * Limits on an archive a scan opens (a bot definition): what a real one never comes near, so that a
 * zip bomb is refused by its central directory before anything is inflated. fflate inflates each
 * entry into a buffer of the size the directory declares and never past it.
 */
export const ZIP_LIMITS = {
  /** The archive itself. */
  archiveBytes: 64 * 1024 * 1024,
  entries: 10_000,
  /** One file inside, uncompressed (a template's own limit). */
  entryBytes: 16 * 1024 * 1024,
  /** Every file read from one archive, uncompressed. */
  totalBytes: 128 * 1024 * 1024,
} as const;

const MiB = (n: number) => `${(n / 1048576).toFixed(0)} MiB`;

/** The `.json` files of a zip archive by their path inside it, within `ZIP_LIMITS`. */
export function jsonEntriesOfZip(file: string, data: Buffer): Map<string, Buffer> {
  if (data.length > ZIP_LIMITS.archiveBytes) throw new InputError(file, `is ${MiB(data.length)}, over the ${MiB(ZIP_LIMITS.archiveBytes)} limit for a bot definition archive`);
  let count = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    // fflate is loaded when a zip is first opened: a scan of templates without bot definition zips never needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { unzipSync } = require('fflate') as typeof import('fflate');
    files = unzipSync(data, {
      filter: (entry) => {
        if (++count > ZIP_LIMITS.entries) throw new InputError(file, `holds more than ${ZIP_LIMITS.entries} entries`);
        if (!/\.json$/i.test(entry.name)) return false;
        if (entry.originalSize > ZIP_LIMITS.entryBytes) throw new InputError(file, `entry ${entry.name} is ${MiB(entry.originalSize)} uncompressed, over the ${MiB(ZIP_LIMITS.entryBytes)} limit`);
        total += entry.originalSize;
        if (total > ZIP_LIMITS.totalBytes) throw new InputError(file, `holds more than ${MiB(ZIP_LIMITS.totalBytes)} of JSON uncompressed`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `is not a readable zip archive (${(e as Error).message})`);
  }
  return new Map(Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
}

/** The `.json` files under a directory (a CDK asset not zipped yet) by their path below it, within the same limits. */
export function jsonEntriesOfDirectory(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let count = 0;
  let total = 0;
  const walk = (at: string, depth: number) => {
    if (depth > 16) throw new InputError(at, 'is nested more than 16 folders deep inside a bot definition');
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(at, entry.name);
      if (++count > ZIP_LIMITS.entries) throw new InputError(dir, `holds more than ${ZIP_LIMITS.entries} files`);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && /\.json$/i.test(entry.name)) {
        total += statSync(path).size;
        if (total > ZIP_LIMITS.totalBytes) throw new InputError(dir, `holds more than ${MiB(ZIP_LIMITS.totalBytes)} of JSON`);
        out.set(relative(dir, path).split(sep).join('/'), readInput(path));
      }
    }
  };
  walk(dir, 0);
  return out;
}
