import type { Report } from './report';

/** Output formats of `scan` and `audit`. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours (text only): on for a TTY, off otherwise. */
  color?: boolean;
  /** Include PASS findings in the text output. */
  verbose?: boolean;
}

/** Render a report in one format. (Stub: the report-formats work replaces this with text/sarif/junit/html.) */
export function renderReport(report: Report, format: Format, _opts: RenderOptions = {}): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return report.findings.map((f) => `${f.status} ${f.checkId} ${f.resource.logicalId ?? f.resource.arn ?? ''} ${f.reason ?? ''}`).join('\n') + '\n';
}
