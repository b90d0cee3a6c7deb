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

/**
 * A value already written as JSON text: compact, which a compact level of the walk writes as it is, or
 * (`level`) as `JSON.stringify(value, null, 2)` writes it nested `level` deep, its lines after the first
 * indented to that level, which a walk writes as it is at that level. Anywhere else (and to
 * `JSON.stringify`) it is the value the text holds.
 */
export class JsonText {
  constructor(
    readonly text: string,
    readonly level?: number,
  ) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

function isIterable(value: object): value is Iterable<unknown> {
  return !Array.isArray(value) && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

const indents: string[] = [];
/** `\n` and the indentation of `level`, made once per level. */
export function newline(level: number): string {
  return (indents[level] ??= `\n${INDENT.repeat(level)}`);
}

/** What `JSON.stringify` writes before and after a value wrapped in `level` arrays: `[\n  [\n    ` and `\n  ]\n]`. */
const wrappers: Array<{ before: number; after: number }> = [];
function wrapper(level: number): { before: number; after: number } {
  let w = wrappers[level];
  if (!w) {
    let before = 0;
    let after = 0;
    for (let i = 0; i < level; i++) {
      before += `[${newline(i + 1)}`.length;
      after += `${newline(i)}]`.length;
    }
    wrappers[level] = w = { before, after };
  }
  return w;
}

/** A value below the walked levels: JSON.stringify's own text, each line indented to `level`; or on one line. */
function leaf(value: unknown, level: number, compact: boolean): string {
  if (value instanceof JsonText && value.level === (compact ? undefined : level)) return value.text;
  return compact ? JSON.stringify(value) : indentedJson(value, level);
}

/** `JSON.stringify(value, null, 2)` as it writes the value nested `level` deep: its lines after the first indented to `level`. */
export function indentedJson(value: unknown, level: number): string {
  if (level === 0) return JSON.stringify(value, null, INDENT);
  // Wrapped in `level` arrays, the value's lines come out of JSON.stringify indented to `level`: no
  // second pass over the text to indent it (a flat report's findings are most of its 40 MB).
  let wrapped: unknown = value;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, INDENT);
  const { before, after } = wrapper(level);
  return text.slice(before, text.length - after);
}

/** How much text the walk gathers before it hands a piece on: one piece per value costs more than the text. */
const PIECE = 1 << 14;

/** The text not yet handed on. */
interface Pending {
  text: string;
}

// A generator per walked container only: the values below the walked levels (tens of thousands of
// findings) are written into `pending` in the loop, without a generator or a piece each.
function* walk(value: unknown, level: number, depth: number, compact: boolean, pending: Pending): Generator<string> {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(): unknown }).toJSON();
  if (value === null || typeof value !== 'object' || level >= depth) {
    pending.text += leaf(value, level, compact && level > 0);
    return;
  }
  const inner = newline(level + 1);
  const close = newline(level);
  // Items at the last walked level are leaves whatever they are (JSON.stringify applies their toJSON).
  const leaves = level + 1 >= depth;
  if (Array.isArray(value) || isIterable(value)) {
    let first = true;
    for (const item of value) {
      pending.text += first ? `[${inner}` : `,${inner}`;
      first = false;
      if (isSkipped(item)) pending.text += 'null';
      else if (leaves || item === null || typeof item !== 'object') pending.text += leaf(item, level + 1, compact);
      else yield* walk(item, level + 1, depth, compact, pending);
      if (pending.text.length >= PIECE) {
        yield pending.text;
        pending.text = '';
      }
    }
    pending.text += first ? '[]' : `${close}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (isSkipped(item)) continue;
    pending.text += `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `;
    first = false;
    if (leaves || item === null || typeof item !== 'object') pending.text += leaf(item, level + 1, compact);
    else yield* walk(item, level + 1, depth, compact, pending);
    if (pending.text.length >= PIECE) {
      yield pending.text;
      pending.text = '';
    }
  }
  pending.text += first ? '{}' : `${close}}`;
}

/**
 * The pieces of `JSON.stringify(value, null, 2) + '\n'`; objects and arrays down to `depth` levels are
 * taken apart (a report's findings are at level 2, a SARIF log's results at 4). `compact`: what lies
 * at `depth` is written on one line, without indentation.
 */
export function* jsonChunks(value: unknown, depth: number, compact = false): Generator<string> {
  const pending: Pending = { text: '' };
  yield* walk(value, 0, depth, compact, pending);
  yield `${pending.text}\n`;
}
