import { closestPosition } from '../../lib/model/resource';
import { jsonPositions } from '../../lib/sources/template/json-positions';

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
