import { InputError } from './errors';
import { MAX_DEPTH, type Position, type ResourcePositions } from './positions';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function stringEnd(text: string, start: number): number {
  for (let j = text.indexOf('"', start + 1); ; j = text.indexOf('"', j + 1)) {
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return j;
  }
}

/**
 * Positions of resources and their property keys in a JSON template that `JSON.parse` accepted,
 * in one pass over the characters. The `yaml` document API gives the same answer for JSON but costs
 * about two hundred times a `JSON.parse`, which would dominate the scan of a large assembly.
 * Also enforces the nesting limit (JSON strings hold no raw newline, so lines are counted on the way).
 */
export function jsonPositions(text: string, file: string): Map<string, ResourcePositions> {
  const found = new Map<string, ResourcePositions>();
  // Per open container: the key (or index) it sits under, whether it is an array, and its property path.
  const keys: Array<string | number | undefined> = [];
  const arrays: boolean[] = [];
  const propertyPaths: Array<string | undefined> = [];
  let key: string | number | undefined;
  let expectKey = false;
  let current: ResourcePositions | undefined;
  let line = 1;
  let lineStart = 0;
  const here = (i: number): Position => ({ line, column: i - lineStart + 1 });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const depth = arrays.length;
        const prefix = propertyPaths[depth - 1];
        if (prefix !== undefined) {
          current!.properties[prefix === '' ? key : `${prefix}.${key}`] = here(i);
        } else if (depth === 2 && keys[1] === 'Resources') {
          current = { at: here(i), properties: {} };
          found.set(key, current);
        }
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const depth = arrays.length;
      const parent = propertyPaths[depth - 1];
      let path: string | undefined;
      if (parent !== undefined) path = parent === '' ? String(key) : `${parent}.${key}`;
      else if (depth === 3 && key === 'Properties' && keys[1] === 'Resources' && current) path = '';
      keys.push(key);
      arrays.push(c === 0x5b);
      propertyPaths.push(path);
      if (arrays.length > MAX_DEPTH) throw new InputError(file, `nested deeper than ${MAX_DEPTH} levels`, line);
      expectKey = c === 0x7b;
      key = c === 0x5b ? 0 : undefined;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      arrays.pop();
      propertyPaths.pop();
      key = keys.pop();
    } else if (c === 0x2c /* , */) {
      if (arrays[arrays.length - 1]) key = (key as number) + 1;
      else expectKey = true;
    }
  }
  return found;
}
