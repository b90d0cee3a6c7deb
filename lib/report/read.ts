import { readFileSync } from 'node:fs';
import type { Report } from './report';
import { parseReport, ReportFormatError } from './shape';

/** A JSON report file that cannot be read, or is not a report: one line naming the file. */
export class ReportReadError extends Error {}

/** A file's JSON, or one line naming the file and what is wrong with it. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReportReadError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ReportReadError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A report in either shape (schema version 1 or 2) as a flat report; one line naming the file when it is not one. */
export function parseReportFile(path: string, raw: unknown): Report {
  try {
    return parseReport(raw);
  } catch (e) {
    if (e instanceof ReportFormatError) throw new ReportReadError(`${path}: ${e.message}`);
    throw e;
  }
}

/** Read a JSON report written by `scan`, `audit`, `merge` or synth, in either shape (schema version 1 or 2), as a flat report. */
export function readReportFile(path: string): Report {
  return parseReportFile(path, readJsonFile(path));
}
