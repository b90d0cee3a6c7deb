/**
 * JSON text in pieces, as `JSON.stringify(value, null, 2)` writes it, byte for byte. A report of tens of
 * thousands of findings is tens of megabytes: made as one string it costs its size again in memory (and,
 * past V8's string limit, "Invalid string length"); made in pieces it is written as it is made.
 *
 * Objects and arrays down to `depth` levels are walked here; anything deeper is one `JSON.stringify`
 * call, re-indented (or, `compact`, on one line: a finding per line). At a walked level, an iterable
 * that is not an array (a generator of findings) is written as an array, so a report's findings can
 * be converted one by one while they are written.
 */

const INDENT = '  ';

function isIterable(value: object): value is Iterable<unknown> {
  return !Array.isArray(value) && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A value below the walked levels: JSON.stringify's own text, each line indented to `level`; or on one line. */
function leaf(value: unknown, level: number, compact: boolean): string {
  if (compact) return JSON.stringify(value);
  const text = JSON.stringify(value, null, INDENT);
  return level === 0 || !text.includes('\n') ? text : text.replace(/\n/g, `\n${INDENT.repeat(level)}`);
}

function* walk(value: unknown, level: number, depth: number, compact: boolean): Generator<string> {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(): unknown }).toJSON();
  if (value === null || typeof value !== 'object' || level >= depth) {
    yield leaf(value, level, compact && level > 0);
    return;
  }
  const inner = `\n${INDENT.repeat(level + 1)}`;
  const close = `\n${INDENT.repeat(level)}`;
  if (Array.isArray(value) || isIterable(value)) {
    let first = true;
    for (const item of value) {
      yield first ? `[${inner}` : `,${inner}`;
      first = false;
      if (isSkipped(item)) yield 'null';
      else yield* walk(item, level + 1, depth, compact);
    }
    yield first ? '[]' : `${close}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (isSkipped(item)) continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* walk(item, level + 1, depth, compact);
  }
  yield first ? '{}' : `${close}}`;
}

/**
 * The pieces of `JSON.stringify(value, null, 2) + '\n'`; objects and arrays down to `depth` levels are
 * taken apart (a report's findings are at level 2, a SARIF log's results at 4). `compact`: what lies
 * at `depth` is written on one line, without indentation.
 */
export function* jsonChunks(value: unknown, depth: number, compact = false): Generator<string> {
  yield* walk(value, 0, depth, compact);
  yield '\n';
}
