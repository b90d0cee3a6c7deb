import { readFileSync, statSync, type Stats } from 'node:fs';
import { InputError } from './errors';
import { MAX_BYTES } from './parse';

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'is a symbolic link that loops';
  return `cannot be read (${code ?? (e as Error).message})`;
}

/** What a path is, in a user's words, when it is neither a regular file nor a directory. */
function special(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return undefined;
}

function statOf(path: string, listedIn?: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw new InputError(path, `${reason(e)}${listedIn ? ` (listed in ${listedIn})` : ''}`);
  }
}

/**
 * The bytes of an input file; a missing, unreadable or oversized file is an `InputError`, and so is
 * anything but a regular file: a FIFO would block the scan until someone writes to it, a device
 * such as `/dev/zero` would never end. Standard input is read with `-`.
 */
export function readInput(file: string, listedIn?: string): Buffer {
  const stats = statOf(file, listedIn);
  const kind = special(stats);
  if (kind) throw new InputError(file, `is ${kind}, not a file; only regular files and directories are read (use - for standard input)`);
  if (stats.isDirectory()) throw new InputError(file, `is a directory, not a template${listedIn ? ` (listed in ${listedIn})` : ''}`);
  // Checked before reading, so that a huge file is refused without being loaded.
  if (stats.size > MAX_BYTES) throw new InputError(file, `is ${(stats.size / 1048576).toFixed(1)} MiB, over the ${MAX_BYTES / 1048576} MiB limit for a template`);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InputError(file, `${reason(e)}${listedIn ? ` (listed in ${listedIn})` : ''}`);
  }
}

/** What `stat` (following symbolic links) says about a path, or the reason it cannot be used. */
export function kindOf(path: string): 'file' | 'directory' {
  const stats = statOf(path);
  const kind = special(stats);
  if (kind) throw new InputError(path, `is ${kind}, not a file; only regular files and directories are read (use - for standard input)`);
  return stats.isDirectory() ? 'directory' : 'file';
}

/**
 * All of a stream (standard input), whatever the producer's pace: `readFileSync(0)` fails with EAGAIN
 * when a pipe's writer is slower than the read. More than `MAX_BYTES` is refused without holding it.
 */
export async function readStream(stream: NodeJS.ReadableStream, label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_BYTES) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new InputError(label, `is over the ${MAX_BYTES / 1048576} MiB limit for a template`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
