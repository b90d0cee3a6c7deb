import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';

/** How much text a writer gathers before it writes: large enough that writes are few, small enough to stay out of the way of memory. */
export const CHUNK_SIZE = 1 << 20;

/** Where a report goes: a file (written as it is made) or a stream such as standard output (its back-pressure is honoured). */
export type ReportSink = { file: string } | { stream: NodeJS.WritableStream };

/** Joins the pieces of a report into chunks of about `size` characters, handing each on as it fills. */
function* chunked(pieces: Iterable<string>, size: number): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/**
 * Write a report's pieces to a file or stream in chunks of about `chunkSize` characters, never holding
 * the whole text. A file's directory is made; errors are the file system's (the caller names the file).
 */
export async function writeChunks(pieces: Iterable<string>, sink: ReportSink, chunkSize = CHUNK_SIZE): Promise<void> {
  if ('file' in sink) {
    mkdirSync(dirname(sink.file), { recursive: true });
    const fd = openSync(sink.file, 'w');
    try {
      for (const chunk of chunked(pieces, chunkSize)) {
        // write(2) may take less than it is given: go on from where it stopped.
        const bytes = Buffer.from(chunk, 'utf8');
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      }
    } finally {
      closeSync(fd);
    }
    return;
  }
  for (const chunk of chunked(pieces, chunkSize)) {
    if (!sink.stream.write(chunk)) await once(sink.stream, 'drain');
  }
}

/** The pieces joined: the report as one string, for callers that want it (and for tests that compare). */
export function joinChunks(pieces: Iterable<string>): string {
  return [...pieces].join('');
}
