import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../schema/report.schema.json';
import { SEVERITIES, STATUSES } from '../../lib/model/finding';
import { compareCheckIds } from '../../lib/report/present';
import { renderReport } from '../../lib/report/render';
import { parseReport } from '../../lib/report/shape';
import type { Report } from '../../lib/report/report';
import { realReport } from '../fixtures/report/real-run';
import { CWD, emptyReport, hostileReport, liveReport, templateFindings, templateReport } from '../fixtures/report/reports';

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function errors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('json report and its schema', () => {
  test.each<[string, () => Report]>([
    ['template findings with property locations and warnings', () => templateReport()],
    ['live findings with ARNs, a config suppression and an ERROR', liveReport],
    ['an empty run', emptyReport],
    ['a real run (template → graph → LEX-DP-2 → suppressions)', realReport],
    ['a verbose real run with NOT_APPLICABLE', () => realReport({ verbose: true })],
    ['hostile strings', hostileReport],
  ])('valid: %s', (_what, make) => {
    const report = make();
    const flat = renderReport(report, 'json', { cwd: CWD, shape: 'flat' });
    expect(flat).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(errors(JSON.parse(flat))).toEqual([]);
    const indexed = JSON.parse(renderReport(report, 'json', { cwd: CWD }));
    expect(indexed.schemaVersion).toBe(2);
    expect(errors(indexed)).toEqual([]);
    // Each check once, and no finding repeats what the table says.
    expect(Object.keys(indexed.checks)).toEqual([...new Set(report.findings.map((f) => f.checkId))].sort(compareCheckIds));
    for (const f of indexed.findings) expect(f).not.toHaveProperty('title');
    expect(parseReport(indexed)).toEqual(JSON.parse(flat));
  });

  test.each<[string, (r: Record<string, unknown>) => unknown]>([
    ['an indexed report without its checks table', (r) => ({ ...r, checks: undefined })],
    ['an indexed report read as version 1 (its findings lack their titles)', (r) => ({ ...r, schemaVersion: undefined })],
    ['a checks entry without remediation', (r) => ({ ...r, checks: { 'LEX-DP-2': { title: 't', docs: 'https://x', topic: 't', service: 'lex' } } })],
  ])('invalid indexed: %s', (_what, spoil) => {
    const indexed = JSON.parse(renderReport(templateReport(), 'json', { cwd: CWD }));
    expect(errors(indexed)).toEqual([]);
    expect(errors(JSON.parse(JSON.stringify(spoil(indexed))))).not.toEqual([]);
  });

  test('the reader refuses a finding whose check the table does not describe', () => {
    const indexed = JSON.parse(renderReport(templateReport(), 'json', { cwd: CWD }));
    expect(() => parseReport({ ...indexed, checks: {} })).toThrow("a finding names check LEX-DP-2, which the report's checks table does not have");
  });

  test('a reader of this version refuses a newer schema version, naming both', () => {
    const indexed = JSON.parse(renderReport(templateReport(), 'json', { cwd: CWD }));
    expect(() => parseReport({ ...indexed, schemaVersion: 3 })).toThrow('report schema version 3 is newer than this lexscribe reads (2); upgrade lexscribe');
  });

  test.each<[string, (r: Report) => unknown]>([
    ['a status that does not exist', (r) => ({ ...r, findings: [{ ...r.findings[0], status: 'WARN' }] })],
    ['a SUPPRESSED finding without its suppression', (r) => ({ ...r, findings: [{ ...templateFindings[0], status: 'SUPPRESSED' }] })],
    ['a finding without remediation', (r) => ({ ...r, findings: [{ ...r.findings[0], remediation: undefined }] })],
    ['a summary without ERROR count', (r) => ({ ...r, summary: { ...r.summary, byStatus: { ...r.summary.byStatus, ERROR: undefined } } })],
    ['a field the schema does not know', (r) => ({ ...r, findings: [{ ...r.findings[0], colour: 'red' }] })],
    ['an unknown mode', (r) => ({ ...r, mode: 'live' })],
  ])('invalid: %s', (_what, spoil) => {
    expect(errors(JSON.parse(JSON.stringify(spoil(templateReport()))))).not.toEqual([]);
  });

  test('the schema names every severity and status the model has', () => {
    expect(schema.$defs.severity.enum).toEqual([...SEVERITIES]);
    expect(schema.$defs.status.enum).toEqual([...STATUSES]);
    expect(schema.$defs.summary.properties.byStatus.required).toEqual([...STATUSES]);
    expect(schema.$defs.summary.properties.failedBySeverity.required).toEqual([...SEVERITIES]);
  });

  test('the verbose real run does carry NOT_APPLICABLE verdicts', () => {
    expect(realReport({ verbose: true }).summary.byStatus.NOT_APPLICABLE).toBeGreaterThan(0);
  });
});
