import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../schema/report.schema.json';
import { createBaseline } from '../../lib/gate/baseline';
import { evaluateGate, gateFailureLine, gatedReport, type GatePolicy } from '../../lib/gate/gate';
import { renderReport } from '../../lib/report/render';
import type { Report } from '../../lib/report/report';
import { CWD, templateReport } from '../fixtures/report/reports';

const LOW: GatePolicy = { failOn: 'LOW', failOnUnknown: false };

/** The template report as `scan --fail-on low --baseline baseline.json` makes it, with LEX-DP-2's finding in the baseline and one entry gone. */
function gated(policy: GatePolicy = LOW): Report {
  const report = templateReport();
  const baseline = createBaseline(report.findings.filter((f) => f.checkId === 'LEX-DP-2'));
  return gatedReport(report, policy, evaluateGate(report.findings, policy, baseline), { file: 'baseline.json', baseline, gone: 1 });
}

describe('reports of a gated run with a baseline: each finding new or known, the summary counting both', () => {
  test('the JSON report marks the findings, counts them, names the gate, and stays valid against its schema', () => {
    const report = JSON.parse(renderReport(gated(), 'json', { cwd: CWD })) as Report;
    expect(report.findings.map((f) => [f.checkId, f.status, f.blocking, f.baselineState])).toEqual([
      ['LEX-DP-2', 'FAIL', false, 'known'],
      ['LEX-IAM-1', 'FAIL', true, 'new'],
      ['LEX-IAM-3', 'FAIL', true, 'new'],
      ['LEX-IAM-3', 'SUPPRESSED', undefined, undefined],
      ['LEX-MON-6', 'UNKNOWN', false, 'new'],
      ['LEX-DP-2', 'PASS', undefined, undefined],
      ['LEX-MON-6', 'PASS', undefined, undefined],
    ]);
    expect(report.summary.baseline).toEqual({ new: 3, known: 1, gone: 1 });
    expect(report.gate).toEqual({ failOn: 'LOW', failOnUnknown: false, failed: true, blocking: 2, baseline: 'baseline.json' });
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...report, findings: [{ ...report.findings[0], baselineState: 'old' }] })).toBe(false);
  });

  test('text: each finding says new or known, and a line after the summary counts them', () => {
    const out = renderReport(gated(), 'text', { cwd: CWD });
    expect(out).toContain('\nBaseline baseline.json: 3 new, 1 known, 1 no longer found\n');
    expect(out).toMatch(/LEX-IAM-1 {2}Bot and bot-alias[^\n]*\n(?: {6}\S.*\n)*? {6}baseline {4}new \(not in the baseline\)\n/);
    expect(out).toMatch(/LEX-DP-2 {2}Enabled audio logs[^\n]*\n(?: {6}\S.*\n)*? {6}baseline {4}known \(recorded in the baseline\)\n/);
  });

  test('HTML: a badge per finding, and the gate and baseline counts in the overview', () => {
    const page = renderReport(gated(), 'html', { cwd: CWD });
    expect(page).toContain('The gate (at or above LOW) failed on 2 findings. Against the baseline baseline.json: 3 new, 1 known, 1 no longer found.');
    expect(page.match(/<span class="badge baseline-new"/g)).toHaveLength(3);
    expect(page.match(/<span class="badge baseline-known"/g)).toHaveLength(1);
    expect(page.match(/<span class="badge blocking"/g)).toHaveLength(2);
  });

  test('without a baseline: no baseline marks or counts, the gate still named', () => {
    const report = templateReport();
    const result = evaluateGate(report.findings, LOW);
    const plain = gatedReport(report, LOW, result);
    expect(plain.summary.baseline).toBeUndefined();
    expect(plain.findings.some((f) => f.baselineState)).toBe(false);
    expect(plain.gate).toEqual({ failOn: 'LOW', failOnUnknown: false, failed: true, blocking: 3 });
    expect(renderReport(plain, 'text', { cwd: CWD })).not.toContain('Baseline');
  });

  test('the gate line says why, by severity', () => {
    const report = templateReport();
    expect(gateFailureLine(LOW, evaluateGate(report.findings, LOW), false)).toBe('gate failed: 3 findings at or above LOW (1 high, 2 medium)');
    const strict: GatePolicy = { failOn: 'HIGH', failOnUnknown: true };
    expect(gateFailureLine(strict, evaluateGate(report.findings, strict), true)).toBe('gate failed: 2 findings at or above HIGH, or UNKNOWN not in the baseline (1 high, 1 unknown)');
  });
});
