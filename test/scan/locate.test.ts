import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closestPosition } from '../../lib/model/resource';
import { jsonPositions } from '../../lib/sources/template/json-positions';
import type { ResourcePositions } from '../../lib/sources/template/positions';
import { parseYaml } from '../../lib/sources/template/yaml-parse';

const position = (text: string, id: string, path: string) => closestPosition(jsonPositions(text, 'x.json').get(id)!.properties, path);

describe('where a finding on a property of a JSON template points', () => {
  test('at the key, or at its closest written parent for what has no key of its own', () => {
    const text = '{\n "Resources": {\n  "R": {\n   "Type": "X",\n   "Properties": {\n    "List": [\n     {"k": 1},\n     {"k": [1, {"Deep": true}]}\n    ]\n   }\n  }\n }\n}';
    expect(position(text, 'R', 'List')).toEqual({ line: 6, column: 5 });
    expect(position(text, 'R', 'List.1.k')).toEqual({ line: 8, column: 7 });
    expect(position(text, 'R', 'List.1.k.1.Deep')).toEqual({ line: 8, column: 17 });
    // A list item, or a key that is not written, is where its closest written parent is.
    expect(position(text, 'R', 'List.1')).toEqual({ line: 6, column: 5 });
    expect(position(text, 'R', 'List.1.Missing')).toEqual({ line: 6, column: 5 });
    expect(position(text, 'R', 'Missing')).toBeUndefined();
  });

  test('a string after an empty object in a list is an item, not a key (the items after it keep their indexes)', () => {
    const text = '{"Resources": {"R": {"Type": "X", "Properties": {"L": [{}, "s", {"b": 1}], "M": {"e": {}, "f": [{}, "t"]}}}}}';
    const all = jsonPositions(text, 'x.json').get('R')!.properties;
    expect(Object.keys(all)).toEqual(['L', 'L.2.b', 'M', 'M.e', 'M.f']);
    expect(all['L.2.b']).toEqual({ line: 1, column: text.indexOf('"b"') + 1 });
  });

  test('a string item after an empty object is no key of the template either (no duplicate-key warning)', () => {
    const duplicates: Array<{ key: string }> = [];
    jsonPositions('{"Transform": [{}, "a", {}, "a"], "Resources": {}}', 'x.json', duplicates as never);
    expect(duplicates).toEqual([]);
  });
});

/** Every JSON file below a folder. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/** The paths a finding may name on a resource: every located key, list items below them, their parents, and paths that are not there. */
function pathsOf(at: ResourcePositions): string[] {
  const paths = new Set<string>(['Nope', 'Nope.Deeper', '0']);
  for (const p of Object.keys(at.properties)) {
    paths.add(p);
    for (const more of ['.0', '.1', '.0.Key', '.x', '.x.y', '.01', '.-1', '.']) paths.add(`${p}${more}`);
    if (p.includes('.')) paths.add(`${p.slice(0, p.lastIndexOf('.'))}.Missing`);
  }
  return [...paths];
}

/**
 * `locateAll`, asked for every path at once and for each alone, against the closest parent in the map
 * of every key; and that map against the one the YAML parser makes of the same text (JSON is YAML), an
 * independent reading of where each key is.
 */
function expectLocateAllAgrees(positions: Map<string, ResourcePositions>, text: string): number {
  let compared = 0;
  const byYaml = parseYaml(text, 'x.json').positions;
  for (const [id, at] of positions) {
    expect([id, at.properties]).toEqual([id, byYaml.get(id)!.properties]);
    const paths = pathsOf(at);
    const expected = paths.map((path) => [path, closestPosition(at.properties, path)]);
    expect(paths.map((path, i) => [path, at.locateAll!(paths)[i]])).toEqual(expected);
    expect(paths.map((path) => [path, at.locateAll!([path])[0]])).toEqual(expected);
    compared += paths.length;
  }
  return compared;
}

describe('locating the properties findings name, without locating every key', () => {
  test('on every JSON template of the corpus and the fixtures, it finds what the map of every key finds, and that map is the YAML parser’s', () => {
    let compared = 0;
    for (const file of [...jsonFiles(join(__dirname, '../corpus')), ...jsonFiles(join(__dirname, '../fixtures'))]) {
      const text = readFileSync(file, 'utf8');
      try {
        JSON.parse(text);
      } catch {
        continue;
      }
      compared += expectLocateAllAgrees(jsonPositions(text, file), text);
    }
    expect(compared).toBeGreaterThan(3_000);
  });

  test.each([
    ['a key given twice: the last one', '{"Resources": {"R": {"Type": "X", "Properties": {"A": {"x": 1}, "A": {"y": 2}}}}}'],
    ['Properties given twice: both are read, the last one wins', '{"Resources": {"R": {"Type": "X", "Properties": {"A": {"x": 1}, "B": 1}, "Properties": {"A": {"y": 2}}}}}'],
    ['keys holding dots, and a path they spell', '{"Resources": {"R": {"Type": "X", "Properties": {"Tags": {"app.kubernetes.io/name": {"v": 1}, "app": {"kubernetes": 2}}, "a.b": {"c": 1}, "a": {"b": {"c": 2}}}}}}'],
    ['escaped keys and strings with brackets', '{"Resources": {"R": {"Type": "X", "Properties": {"Q\\"uote": {"k": "}]\\\\"}, "S": ["[{", {"k\\u0041": 1}]}}}}'],
    ['lists in lists, empty containers, scalars', '{"Resources": {"R": {"Type": "X", "Properties": {"L": [[1, {"a": []}], [], {}, null, "s", [{"b": {}}], {"c": 1}], "E": {}, "N": 1.5e3, "T": true}}}}'],
    ['pretty-printed over lines', JSON.stringify({ Resources: { R: { Type: 'X', Properties: { A: [{ B: { C: [1, { D: 'x' }] } }], E: { F: { G: 1 } } } }, S: { Type: 'Y', Properties: { H: 1 } } } }, null, 2)],
    ['no Properties at all', '{"Resources": {"R": {"Type": "X"}}}'],
  ])('%s', (_what, text) => {
    expect(expectLocateAllAgrees(jsonPositions(text, 'x.json'), text)).toBeGreaterThan(2);
  });
});
