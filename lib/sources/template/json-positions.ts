import { InputError } from './errors';
import { MAX_DEPTH, type Duplicate, type Position, type ResourcePositions } from './positions';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_OBJECT = 0x7b;
const OPEN_LIST = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_LIST = 0x5d;
const COMMA = 0x2c;

function stringEnd(text: string, start: number): number {
  for (let j = text.indexOf('"', start + 1); ; j = text.indexOf('"', j + 1)) {
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return j;
  }
}

function keyAt(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** A line of a text and the offset it starts at. */
interface Line {
  line: number;
  lineStart: number;
}

/**
 * Step over the object or list whose bracket is at `open` (nested `depth` deep), counting its lines
 * into `at`: returns the offset of its closing bracket. With `file`, nesting past MAX_DEPTH is an error.
 */
function skipValue(text: string, open: number, at: Line, depth: number, file?: string): number {
  let { line, lineStart } = at;
  let i = open;
  for (let d = depth; ; ) {
    const c = text.charCodeAt(++i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
    } else if (c === QUOTE) i = stringEnd(text, i);
    else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (++d > MAX_DEPTH && file !== undefined) throw new InputError(file, `nested deeper than ${MAX_DEPTH} levels`, line);
    } else if ((c === CLOSE_OBJECT || c === CLOSE_LIST) && --d < depth) break;
  }
  at.line = line;
  at.lineStart = lineStart;
  return i;
}

/** Where a `Properties` value starts: the offset of its `{` (or `[`), that line, and the line's start. */
interface Body extends Line {
  start: number;
}

/**
 * A resource's position, and the positions of its property keys, which are worked out the first time
 * they are asked for: a scan needs them only for findings that name a property, on a fraction of the
 * resources, and locating every key of a large assembly up front cost more than parsing it.
 */
class JsonResourcePositions implements ResourcePositions {
  /** Every `Properties` value of the resource, in document order (JSON.parse keeps the last). */
  readonly bodies: Body[] = [];
  private located?: Record<string, Position>;

  constructor(
    readonly at: Position,
    private readonly text: string,
  ) {}

  get properties(): Record<string, Position> {
    if (!this.located) {
      const found: Record<string, Position> = {};
      const every: PathNode = { children: new EveryKey(''), path: '' };
      for (const body of this.bodies) locateInBody(this.text, body, every, found);
      this.located = found;
    }
    return this.located;
  }

  /**
   * `closestPosition(properties, path)` of each path, in one pass over the bodies that steps over
   * whatever no path leads into, and makes a position only for the keys the paths name: locating every
   * key of the resource cost a scan of an assembly more than parsing it.
   */
  locateAll(paths: readonly string[]): Array<Position | undefined> {
    const root: PathNode = { children: new Map() };
    const ends = paths.map((path) => {
      let node = root;
      const chain: PathNode[] = [];
      for (const step of path.split('.')) {
        let next = node.children.get(step);
        if (!next) node.children.set(step, (next = { children: new Map() }));
        chain.push((node = next));
      }
      return chain;
    });
    for (const body of this.bodies) locateInBody(this.text, body, root);
    // The deepest step of a path that some key was found at: its closest located parent.
    return ends.map((chain) => {
      for (let i = chain.length - 1; i >= 0; i--) if (chain[i].at) return chain[i].at;
      return undefined;
    });
  }
}

/** One step of the paths asked for: the keys (or list indexes) below it, and where the last key that spells it was found. */
interface PathNode {
  children: Map<string, PathNode>;
  at?: Position;
  /** Under `EveryKey`: the property path of the step. */
  path?: string;
}

/** Steps for every key and list index, each made as the walk meets it: `properties`, every key of a resource. */
class EveryKey extends Map<string, PathNode> {
  constructor(private readonly prefix: string) {
    super();
  }

  override get(key: string): PathNode {
    let node = super.get(key);
    if (!node) {
      const path = this.prefix === '' ? key : `${this.prefix}.${key}`;
      super.set(key, (node = { children: new EveryKey(path), path }));
    }
    return node;
  }

  override get size(): number {
    return Number.POSITIVE_INFINITY;
  }
}

/** The step below `node` that a key spells: a key holding a `.` spells several steps. */
function stepOf(node: PathNode, key: string): PathNode | undefined {
  if (!key.includes('.')) return node.children.get(key);
  let at: PathNode | undefined = node;
  for (const part of key.split('.')) if (!(at = at.children.get(part))) return undefined;
  return at;
}

/**
 * One `Properties` value, walked key by key, following only the objects and
 * lists that some path asked for leads into; every other value is stepped over, counting its lines.
 * Each key that spells a step records where it is: the last one in document order stays, as it does in
 * `properties`.
 */
function locateInBody(text: string, body: Body, root: PathNode, found?: Record<string, Position>): void {
  // Per open container: the step its value is (undefined once no path goes further), whether it is a list, and its item index.
  const nodes: Array<PathNode | undefined> = [];
  const lists: boolean[] = [];
  const indexes: number[] = [];
  let value: PathNode | undefined = root;
  let expectKey = false;
  let { line, lineStart } = body;
  for (let i = body.start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const node = nodes[nodes.length - 1];
        value = node && node.children.size > 0 ? stepOf(node, keyAt(text, i, end)) : undefined;
        if (value) {
          value.at = { line, column: i - lineStart + 1 };
          if (found) found[value.path!] = value.at;
        }
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      const top = nodes.length - 1;
      let node: PathNode | undefined;
      if (top < 0) node = value;
      else if (lists[top]) {
        const list = nodes[top];
        node = list && list.children.size > 0 ? list.children.get(String(indexes[top])) : undefined;
      } else node = value;
      value = undefined;
      if (!node || node.children.size === 0) {
        // Nothing asked for lies inside: step over it, lines counted.
        const at = { line, lineStart };
        i = skipValue(text, i, at, 1);
        ({ line, lineStart } = at);
        if (top < 0) return;
        expectKey = false;
        continue;
      }
      nodes.push(node);
      lists.push(c === OPEN_LIST);
      indexes.push(0);
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
      nodes.pop();
      lists.pop();
      indexes.pop();
      expectKey = false;
      if (lists.length === 0) return;
    } else if (c === COMMA) {
      const top = lists.length - 1;
      if (lists[top]) indexes[top]++;
      else expectKey = true;
    }
  }
}

/**
 * Positions of resources (and, when asked, of their property keys) in a JSON template that
 * `JSON.parse` accepted, in one pass over the characters. The `yaml` document API gives the same
 * answer for JSON but costs about two hundred times a `JSON.parse`, which would dominate the scan of
 * a large assembly. Also enforces the nesting limit (JSON strings hold no raw newline, so lines are
 * counted on the way).
 */
export function jsonPositions(text: string, file: string, duplicates: Duplicate[] = []): Map<string, ResourcePositions> {
  const found = new Map<string, ResourcePositions>();
  // Keys seen in each open object down to a resource's attributes: JSON.parse keeps the last of two.
  const seen: Array<Set<string>> = [];
  // Per open container: the key (or index) it sits under, and whether it is a list. Keys matter down
  // to a resource's `Properties` (depth 3); deeper ones are skipped without being read.
  const keys: Array<string | number | undefined> = [];
  const lists: boolean[] = [];
  let key: string | number | undefined;
  let expectKey = false;
  let current: JsonResourcePositions | undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const depth = lists.length;
        key = depth <= 3 ? keyAt(text, i, end) : undefined;
        if (key !== undefined) {
          const names = seen[depth - 1];
          if (names?.has(key)) duplicates.push({ key, path: keys.slice(1, depth).filter((k) => k !== undefined).join('.'), line });
          names?.add(key);
        }
        if (depth === 2 && keys[1] === 'Resources') {
          current = new JsonResourcePositions({ line, column: i - lineStart + 1 }, text);
          found.set(key as string, current);
        }
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (lists.length === 3 && key === 'Properties' && keys[1] === 'Resources' && current) current.bodies.push({ start: i, line, lineStart });
      keys.push(key);
      lists.push(c === OPEN_LIST);
      if (lists.length <= 3) seen[lists.length - 1] = new Set();
      if (lists.length > MAX_DEPTH) throw new InputError(file, `nested deeper than ${MAX_DEPTH} levels`, line);
      if (lists.length > 3) {
        // Below a resource's attributes (a `Properties` value, most of a template) no key is read here:
        // step over it, counting its lines and holding it to the nesting limit.
        const at = { line, lineStart };
        i = skipValue(text, i, at, lists.length, file);
        ({ line, lineStart } = at);
        lists.pop();
        key = keys.pop();
        expectKey = false;
        continue;
      }
      expectKey = c === OPEN_OBJECT;
      key = c === OPEN_LIST ? 0 : undefined;
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
      lists.pop();
      key = keys.pop();
      expectKey = false;
    } else if (c === COMMA) {
      if (lists[lists.length - 1]) key = (key as number) + 1;
      else expectKey = true;
    }
  }
  return found;
}
