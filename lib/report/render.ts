import { jsonChunks } from './json-stream';
import type { Report } from './report';
import { flatReport, indexedReport, type ReportShape } from './shape';

/** Output formats of `scan` and `audit`. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'html', 'asff', 'ocsf'] as const;
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
  /**
   * SARIF: the directory artifact URIs are relative to, which code scanning resolves against the
   * repository's root (`--sarif-source-root`).
   * @default cwd
   */
  sourceRoot?: string;
  /** JSON: `indexed` (check metadata once, in `checks`; schema version 2) or `flat` (in every finding; version 1). @default 'indexed' */
  shape?: ReportShape;
  /** ASFF: the account and Region of findings that carry none (environment-agnostic stacks, plain templates). */
  asff?: { account?: string; region?: string };
}

// Each renderer is loaded when its format is asked for: a run writing text does not pay for loading
// xmlbuilder2 (JUnit) or the HTML page. `require` rather than `import()` keeps rendering synchronous.
/* eslint-disable @typescript-eslint/no-require-imports */
const load = {
  text: () => require('./text') as typeof import('./text'),
  sarif: () => require('./sarif') as typeof import('./sarif'),
  junit: () => require('./junit') as typeof import('./junit'),
  html: () => require('./html') as typeof import('./html'),
  asff: () => require('./asff') as typeof import('./asff'),
  ocsf: () => require('./ocsf') as typeof import('./ocsf'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Render a report in one format, as one string. Every format ends with a newline. ASFF throws
 * `AsffError` when a finding has no account or Region and `asff` gives none.
 */
export function renderReport(report: Report, format: Format, opts: RenderOptions = {}): string {
  return [...renderChunks(report, format, opts)].join('');
}

/**
 * A report in one format as pieces of text, joined by `renderReport` and written one chunk at a time by
 * `writeChunks`: every format is made piece by piece (a finding, a result, a test suite, a line of
 * text, a resource's HTML section at a time). What can fail (ASFF without an account) fails here,
 * before the first piece is taken.
 */
export function renderChunks(report: Report, format: Format, opts: RenderOptions = {}): Iterable<string> {
  const cwd = opts.cwd ?? process.cwd();
  switch (format) {
    case 'text':
      return load.text().textChunks(report, { color: opts.color ?? false, verbose: opts.verbose ?? false, cwd });
    case 'json':
      // A report's findings are at level 2 (report → findings → finding): the indexed shape writes each on one line.
      return opts.shape === 'flat' ? jsonChunks(flatReport(report), 2) : jsonChunks(indexedReport(report, { asText: true }), 2, true);
    case 'sarif':
      // A SARIF log's results are at level 4 (log → runs → run → results → result).
      return jsonChunks(load.sarif().sarifLogStreaming(report, { cwd, sourceRoot: opts.sourceRoot }), 4);
    case 'junit':
      return load.junit().junitChunks(report, { cwd });
    case 'html':
      return load.html().htmlChunks(report, { cwd });
    case 'asff':
      return jsonChunks(load.asff().renderAsff(report, { cwd, verbose: opts.verbose, ...opts.asff }), 1);
    case 'ocsf':
      return jsonChunks(load.ocsf().renderOcsf(report, { cwd, verbose: opts.verbose }), 1);
  }
}
