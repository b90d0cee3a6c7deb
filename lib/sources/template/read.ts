import { readFileSync, statSync } from 'node:fs';
import { InputError } from './errors';
import { MAX_BYTES } from './parse';

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${code ?? (e as Error).message})`;
}

/** The bytes of an input file; a missing, unreadable or oversized file is an `InputError`. */
export function readInput(file: string, listedIn?: string): Buffer {
  try {
    // Checked before reading, so that a huge file is refused without being loaded.
    const size = statSync(file).size;
    if (size > MAX_BYTES) throw new InputError(file, `is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_BYTES / 1048576} MiB limit for a template`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `${reason(e)}${listedIn ? ` (listed in ${listedIn})` : ''}`);
  }
}

/** What `stat` says about a path given on the command line, or the reason it cannot be used. */
export function kindOf(path: string): 'file' | 'directory' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch (e) {
    throw new InputError(path, reason(e));
  }
}
