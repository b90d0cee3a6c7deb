import fc from 'fast-check';

/** One way of damaging a file's text: what real files suffer (truncation, encodings, editors' slips). */
export type Damage =
  | { kind: 'none' }
  | { kind: 'bom' }
  | { kind: 'truncate'; at: number }
  | { kind: 'replace'; at: number; by: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-key'; key: string }
  | { kind: 'bytes'; at: number; bytes: readonly number[] }
  | { kind: 'deep'; depth: number }
  | { kind: 'empty'; text: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'bom' as const }),
  fraction.map((at) => ({ kind: 'truncate' as const, at })),
  fc.tuple(fraction, fc.constantFrom('', '"', '{', '}', '[', ']', ':', ',', '\t', '\n', ' !Ref', '&a', '*a', '<<', '%', '\u2028', '\uFEFF', '\u0000')).map(([at, by]) => ({ kind: 'replace' as const, at, by })),
  fc.tuple(fraction, fc.constantFrom('\n  Resources: {}\n', '{"Resources": null}', ',', '\n---\n', ' !Sub ${', '\n\t', '\n- x\n', ' &anchor', ' *alias', '"\\u', '\r')).map(([at, text]) => ({ kind: 'insert' as const, at, text })),
  fc.constantFrom('Resources', 'Parameters', 'Properties', 'Type').map((key) => ({ kind: 'duplicate-key' as const, key })),
  fc.tuple(fraction, fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0x00], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80])).map(([at, bytes]) => ({ kind: 'bytes' as const, at, bytes })),
  fc.constantFrom(65, 200, 5000).map((depth) => ({ kind: 'deep' as const, depth })),
  fc.constantFrom('', ' \n', '{}', '[]', 'null', '42', '"x"', '---\n', '...', '#', 'Resources:', 'Resources: []', 'Resources: 7', '{"Resources": {"A": null}}', '{"Resources": {"A": {"Type": 42}}}', '{"Resources": {"A": {"Type": "AWS::Lex::Bot", "Properties": "x"}}}').map((text) => ({ kind: 'empty' as const, text })),
);

/** The file's bytes after the damage (the template's text `text`, in a JSON or YAML file). */
export function applyDamage(text: string, d: Damage, yaml: boolean): Buffer {
  const at = (f: number) => Math.floor(f * text.length);
  switch (d.kind) {
    case 'none':
      return Buffer.from(text);
    case 'bom':
      return Buffer.from(`\uFEFF${text}`);
    case 'truncate':
      return Buffer.from(text.slice(0, at(d.at)));
    case 'replace':
      return Buffer.from(text.slice(0, at(d.at)) + d.by + text.slice(at(d.at) + 1));
    case 'insert':
      return Buffer.from(text.slice(0, at(d.at)) + d.text + text.slice(at(d.at)));
    case 'duplicate-key': {
      // Add the key again at the top level, after the first (JSON) or at the end (YAML).
      if (yaml) return Buffer.from(`${text}\n${d.key}: {}\n`);
      const open = text.indexOf('{');
      return Buffer.from(open < 0 ? text : `${text.slice(0, open + 1)}${JSON.stringify(d.key)}: {},${text.slice(open + 1)}`);
    }
    case 'bytes': {
      const b = Buffer.from(text);
      const i = Math.floor(d.at * b.length);
      return Buffer.concat([b.subarray(0, i), Buffer.from(d.bytes), b.subarray(i)]);
    }
    case 'deep':
      return Buffer.from(yaml ? `Resources:\n  A: ${'['.repeat(d.depth)}${']'.repeat(d.depth)}\n` : `{"Resources": {"A": ${'['.repeat(d.depth)}${']'.repeat(d.depth)}}}`);
    case 'empty':
      return Buffer.from(d.text);
  }
}
