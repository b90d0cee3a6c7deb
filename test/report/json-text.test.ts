import type { Finding } from '../../lib/model/finding';
import { jsonChunks, JsonText } from '../../lib/report/json-stream';
import type { ReportFinding } from '../../lib/report/report';
import { checksTable, indexedFinding, indexedFindingText } from '../../lib/report/shape';
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
