import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, RunWarning } from '../model/finding';
import { buildReport, REPORT_FILE } from '../report/report';

/** `lexscribe-report.json` of a synthesis, into a stage's cloud assembly. */
export function writeReport(outdir: string, findings: Finding[], warnings: RunWarning[]): void {
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, REPORT_FILE), JSON.stringify(buildReport(findings, warnings, 'synth'), null, 2));
}
