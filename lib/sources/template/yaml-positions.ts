import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { InputError } from './errors';
import { MAX_DEPTH, toPosition, type Duplicate, type ResourcePositions } from './positions';

/**
 * Positions of resources and their property keys in a YAML document, from the `yaml` document API.
 * Also enforces the nesting limit over the whole document.
 */
export function yamlPositions(doc: Document, lines: LineCounter, file: string, duplicates: Duplicate[] = []): Map<string, ResourcePositions> {
  const found = new Map<string, ResourcePositions>();
  const path: Array<string | number> = [];
  const walk = (node: unknown): void => {
    if (!isMap(node) && !isSeq(node)) return;
    if (path.length >= MAX_DEPTH) {
      throw new InputError(file, `nested deeper than ${MAX_DEPTH} levels`, node.range ? toPosition(lines, node.range[0]).line : undefined);
    }
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        path.push(index);
        walk(item);
        path.pop();
      });
      return;
    }
    const names = new Set<string>();
    for (const { key, value } of node.items) {
      const name = isScalar(key) ? String(key.value) : undefined;
      const offset = isScalar(key) ? key.range?.[0] : undefined;
      if (name !== undefined && names.has(name)) duplicates.push({ key: name, path: path.join('.'), line: offset === undefined ? 0 : toPosition(lines, offset).line });
      if (name !== undefined) names.add(name);
      if (name !== undefined && offset !== undefined && path[0] === 'Resources') {
        if (path.length === 1) found.set(name, { at: toPosition(lines, offset), properties: {} });
        else if (path[2] === 'Properties') {
          const at = found.get(path[1] as string);
          if (at) at.properties[[...path.slice(3), name].join('.')] = toPosition(lines, offset);
        }
      }
      path.push(name ?? '?');
      walk(value);
      path.pop();
    }
  };
  walk(doc.contents);
  return found;
}
