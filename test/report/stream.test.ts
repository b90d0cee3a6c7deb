import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { convert } from 'xmlbuilder2';
import { gatedReport, evaluateGate } from '../../lib/gate/gate';
import type { Finding } from '../../lib/model/finding';
import { jsonChunks } from '../../lib/report/json-stream';
import { renderChunks, renderReport } from '../../lib/report/render';
import { buildReport, type Report } from '../../lib/report/report';
import { renderSarif } from '../../lib/report/sarif';
import { indexedReport, parseReport } from '../../lib/report/shape';
import { writeChunks } from '../../lib/report/write';
import { CWD, hostileReport, liveFindings, STARTED_AT, templateFindings, templateWarnings } from '../fixtures/report/reports';

/** A small chunk, so that every report below is written in many chunks. */
const CHUNK = 512;

/** A report of a few thousand findings: the fixtures' findings on many resources, gated (blocking flags). */
function largeReport(): Report {
  const findings: Finding[] = [];
  for (let i = 0; i < 400; i++) {
    for (const f of [...templateFindings, ...liveFindings]) {
      findings.push({ ...f, resource: { ...f.resource, logicalId: `${f.resource.logicalId ?? 'R'}${i}`, ...(f.resource.arn ? { arn: `${f.resource.arn}-${i}` } : {}) } });
    }
  }
  const report = buildReport(findings, templateWarnings, 'scan', { verbose: true, startedAt: STARTED_AT });
  return gatedReport(report, { failOn: 'HIGH', failOnUnknown: false }, evaluateGate(report.findings, { failOn: 'HIGH', failOnUnknown: false }));
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lexscribe-stream-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(report: Report, format: 'json' | 'sarif' | 'junit', shape?: 'flat' | 'indexed'): Promise<string> {
  const file = join(dir, `${format}-${shape ?? ''}.out`);
  await writeChunks(renderChunks(report, format, { cwd: CWD, shape }), { file }, CHUNK);
  return readFileSync(file, 'utf8');
}

describe('streamed report writers', () => {
  test.each<[string, () => Report]>([
    ['a large gated report', largeReport],
    ['hostile strings', hostileReport],
  ])('%s: each format, written in small chunks, is byte for byte its one-string form', async (_what, make) => {
    const report = make();
    const flat = await written(report, 'json', 'flat');
    expect(flat).toBe(JSON.stringify(report, null, 2) + '\n');

    const indexed = await written(report, 'json', 'indexed');
    expect(indexed).toBe(renderReport(report, 'json', { cwd: CWD }));
    const whole = indexedReport(report);
    expect(JSON.parse(indexed)).toEqual(JSON.parse(JSON.stringify({ ...whole, findings: [...(whole.findings as Iterable<unknown>)] })));
    // The indexed shape writes one finding per line.
    expect(indexed.split('\n').filter((line) => line.startsWith('    {"checkId":')).length).toBe(report.findings.length);
    // Read back, the indexed report is the flat one.
    expect(parseReport(JSON.parse(indexed))).toEqual(JSON.parse(flat));

    const sarif = await written(report, 'sarif');
    expect(sarif).toBe(JSON.stringify(renderSarif(report, { cwd: CWD }), null, 2) + '\n');

    const junit = await written(report, 'junit');
    expect(junit).toBe(renderReport(report, 'junit', { cwd: CWD }));
    // What xmlbuilder2 (which wrote JUnit before) makes of it, serialised again its way: the same bytes.
    expect(convert(junit, { format: 'xml', prettyPrint: true }) + '\n').toBe(junit);
  });

  test('a large report is larger than many chunks, and the indexed shape is the smaller', async () => {
    const report = largeReport();
    const flat = await written(report, 'json', 'flat');
    const indexed = await written(report, 'json', 'indexed');
    expect(flat.length).toBeGreaterThan(1000 * CHUNK);
    expect(indexed.length).toBeLessThan(flat.length * 0.8);
    expect((JSON.parse(indexed) as { schemaVersion: number }).schemaVersion).toBe(2);
  });

  test('to a file, every character is written whole, however the pieces fall against the buffer', async () => {
    // Pieces of one to four UTF-8 bytes a character, a lone surrogate, and pieces longer than the buffer.
    const pieces = ['a', 'é', '€', '😀', 'x\ud800y', 'é€😀'.repeat(40), '', 'z'.repeat(7), '😀'.repeat(3), '"\\\n'];
    for (const size of [1, 2, 5, 16, 1 << 20]) {
      const file = join(dir, `pieces-${size}.out`);
      await writeChunks([...pieces, ...pieces], { file }, size);
      expect(readFileSync(file).equals(Buffer.from([...pieces, ...pieces].join(''), 'utf8'))).toBe(true);
    }
  });

  test('a stream that pushes back (standard output to a slow pipe) receives every chunk in order', async () => {
    const report = largeReport();
    const received: string[] = [];
    let drains = 0;
    const slow = new Writable({
      highWaterMark: CHUNK,
      decodeStrings: false,
      write(chunk: string, _encoding, done) {
        received.push(chunk);
        setImmediate(done);
      },
    });
    slow.on('drain', () => drains++);
    await writeChunks(renderChunks(report, 'sarif', { cwd: CWD }), { stream: slow }, CHUNK);
    expect(drains).toBeGreaterThan(0);
    expect(received.length).toBeGreaterThan(100);
    expect(received.join('')).toBe(renderReport(report, 'sarif', { cwd: CWD }));
  });

  test.each<[string, unknown]>([
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}] }],
    ['what JSON leaves out or writes as null', { a: undefined, b: [undefined, () => 1, 2], c: null, f: () => 1 }],
    ['a toJSON and a date', { when: new Date(0), custom: { toJSON: () => ({ x: [1, { y: 'two\nlines' }] }) } }],
    ['strings that need escaping', { '\n"key"': ['\u2028', '\\', '\u0000', 'é'] }],
    ['scalars', [1, -0, 1e21, true, 'x', NaN]],
  ])('pieces of %s join to JSON.stringify', (_what, value) => {
    for (const depth of [0, 1, 2, 5]) expect([...jsonChunks(value, depth)].join('')).toBe(JSON.stringify(value, null, 2) + '\n');
    for (const depth of [1, 2, 5]) expect(JSON.parse([...jsonChunks(value, depth, true)].join(''))).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
