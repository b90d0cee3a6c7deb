import type { DriftReport } from '../drift/report';
import type { Format } from './render';

// Loaded when their format is asked for, as the finding renderers are.
/* eslint-disable @typescript-eslint/no-require-imports */
const load = {
  text: () => require('./drift-text') as typeof import('./drift-text'),
  sarif: () => require('./drift-sarif') as typeof import('./drift-sarif'),
  junit: () => require('./drift-junit') as typeof import('./drift-junit'),
  html: () => require('./drift-html') as typeof import('./drift-html'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Render a drift report in one format (the same five as the finding reports). Every format ends with a newline. */
export function renderDrift(report: DriftReport, format: Format, opts: { color?: boolean; cwd?: string } = {}): string {
  const cwd = opts.cwd ?? process.cwd();
  switch (format) {
    case 'text':
      return load.text().renderDriftText(report, { color: opts.color ?? false, cwd });
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(load.sarif().renderDriftSarif(report, { cwd }), null, 2) + '\n';
    case 'junit':
      return load.junit().renderDriftJunit(report, { cwd });
    case 'html':
      return load.html().renderDriftHtml(report, { cwd });
    case 'asff':
    case 'ocsf':
      // Security Hub and OCSF take findings, not comparisons: a drift report has no finding of its own.
      throw new DriftFormatError(`a drift report is written as text, json, sarif, junit or html, not ${format}`);
  }
}

/** A format a drift report cannot be written in (the finding formats ASFF and OCSF). */
export class DriftFormatError extends Error {}
