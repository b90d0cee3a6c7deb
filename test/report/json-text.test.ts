import type { Finding } from '../../lib/model/finding';
import { jsonChunks, JsonText } from '../../lib/report/json-stream';
import type { ReportFinding } from '../../lib/report/report';
import { checksTable, flatFindingText, flatReport, indexedFinding, indexedFindingText } from '../../lib/report/shape';
import { hostileReport, liveFindings, templateFindings } from '../fixtures/report/reports';

/** Every fixture finding, and variants of one: a field that differs from its check's table, fields left undefined, extra gate fields. */
function findings(): ReportFinding[] {
  const base: ReportFinding[] = [...templateFindings, ...liveFindings, ...hostileReport().findings];
  const first = base[0];
  return [
    ...base,
    { ...first, title: 'a title of its own', docs: 'https://example.com/own' },
    { ...first, reason: undefined, findingKey: undefined, property: undefined },
    { ...first, blocking: true, baselineState: 'new' },
    { ...first, remediation: 'own remediation', service: 'transcribe', topic: 'Monitoring', title: 'own' },
  ];
}

describe('a finding written as compact JSON text', () => {
  test('is JSON.stringify of the indexed finding, byte for byte, with shared resources written once', () => {
    const list = findings();
    const checks = checksTable(list as Finding[]);
    const texts = new WeakMap<object, string>();
    for (const f of list) expect(indexedFindingText(f, checks[f.checkId], texts)).toBe(JSON.stringify(indexedFinding(f, checks[f.checkId])));
    // The second finding on a resource object reuses its text; a changed copy of the resource gets its own.
    const shared = list[0];
    expect(indexedFindingText({ ...shared, resource: { ...shared.resource, logicalId: 'Other' } }, checks[shared.checkId], texts)).toContain('"logicalId":"Other"');
  });

  test('a finding field whose toJSON gives nothing is left out, as JSON.stringify leaves it', () => {
    const f = { ...findings()[0], reason: { toJSON: () => undefined } } as unknown as ReportFinding;
    const checks = checksTable([f as Finding]);
    const text = indexedFindingText(f, checks[f.checkId], new WeakMap());
    expect(text).toBe(JSON.stringify(indexedFinding(f, checks[f.checkId])));
    expect(text).not.toContain('"reason"');
  });

  test('JsonText is its text at a compact level, and its value anywhere else', () => {
    const value = { a: [1, 'two', { three: null }], 'q"uote': 'x\ny' };
    const item = new JsonText(JSON.stringify(value));
    const compact = [...jsonChunks({ list: [item, item] }, 2, true)].join('');
    expect(compact).toBe(`{\n  "list": [\n    ${JSON.stringify(value)},\n    ${JSON.stringify(value)}\n  ]\n}\n`);
    // Not compact, the value is re-indented as JSON.stringify indents it.
    expect([...jsonChunks({ list: [item] }, 2)].join('')).toBe(`${JSON.stringify({ list: [value] }, null, 2)}\n`);
    expect(JSON.stringify(item)).toBe(JSON.stringify(value));
  });

  test.each([1, 2, 3, 4, 6])('values below walked level %i are indented as JSON.stringify indents them', (depth) => {
    let doc: unknown = { leaf: { s: 'a\nb', n: [1, [], {}, [{ deep: true }]], e: {}, z: [] }, p: 'text', q: 3, r: null };
    for (let i = 0; i < depth; i++) doc = { level: i, items: [doc, 'x', []] };
    expect([...jsonChunks(doc, depth)].join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });
});

describe('a finding written as indented JSON text, for the flat report', () => {
  /** The text of a finding as JSON.stringify writes it in a flat report's findings (nested 2 deep). */
  const stringified = (f: ReportFinding) => {
    const lines = JSON.stringify({ findings: [f] }, null, 2).split('\n');
    return lines.slice(2, -2).join('\n').slice(4);
  };

  test('is JSON.stringify of the finding at its level, byte for byte, with shared resources written once', () => {
    const texts = new WeakMap<object, string>();
    const list = [...findings(), { ...findings()[0], suppression: { reason: 'accepted: "q" \u2028', source: 'template' } } as unknown as ReportFinding];
    for (const f of list) expect(flatFindingText(f, texts)).toBe(stringified(f));
    const shared = list[0];
    expect(flatFindingText({ ...shared, resource: { ...shared.resource, logicalId: 'Other' } }, texts)).toContain('"logicalId": "Other"');
  });

  test('a field with a toJSON is written as JSON.stringify writes it, undefined leaving the key out', () => {
    const dropped = { ...findings()[0], property: { toJSON: () => undefined } } as unknown as ReportFinding;
    const replaced = { ...findings()[0], resource: { toJSON: () => ({ type: 'AWS::Lex::Bot' }) } } as unknown as ReportFinding;
    for (const f of [dropped, replaced]) expect(flatFindingText(f, new WeakMap())).toBe(stringified(f));
    expect(flatFindingText(dropped, new WeakMap())).not.toContain('"property"');
  });

  test('the flat report written in pieces is JSON.stringify of the report', () => {
    const report = hostileReport();
    expect([...jsonChunks(flatReport(report), 2)].join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  test('JsonText indented for a level is its text at that level, and its value anywhere else', () => {
    const value = { a: [1, { b: 'c' }], d: {} };
    const item = new JsonText('not read at level 2', 2);
    expect([...jsonChunks({ list: [item] }, 2)].join('')).toBe('{\n  "list": [\n    not read at level 2\n  ]\n}\n');
    const real = new JsonText(JSON.stringify(value, null, 2), 2);
    expect([...jsonChunks({ list: [real] }, 2, true)].join('')).toBe(`{\n  "list": [\n    ${JSON.stringify(value)}\n  ]\n}\n`);
  });
});
