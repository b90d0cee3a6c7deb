import { renderHtml } from './html';
import { renderJunit } from './junit';
import type { Report } from './report';
import { renderSarif } from './sarif';
import { renderText } from './text';

/** Output formats of `scan` and `audit`. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours (text only): on for a TTY, off otherwise. @default false */
  color?: boolean;
  /** Include PASS (and, when the report has them, NOT_APPLICABLE) findings in the text output. @default false */
  verbose?: boolean;
  /**
   * Directory that file locations are relative to: SARIF artifact URIs, and the paths text and HTML show.
   * @default process.cwd()
   */
  cwd?: string;
}

/** Render a report in one format. Every format ends with a newline. */
export function renderReport(report: Report, format: Format, opts: RenderOptions = {}): string {
  const cwd = opts.cwd ?? process.cwd();
  switch (format) {
    case 'text':
      return renderText(report, { color: opts.color ?? false, verbose: opts.verbose ?? false, cwd });
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(renderSarif(report, { cwd }), null, 2) + '\n';
    case 'junit':
      return renderJunit(report, { cwd });
    case 'html':
      return renderHtml(report, { cwd });
  }
}
