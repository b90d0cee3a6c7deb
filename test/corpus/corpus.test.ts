/**
 * The real corpus: public templates from aws-samples / aws-solutions repositories, vendored byte for
 * byte under `test/corpus/<owner>__<repo>/<path in the repository>` (see `manifest.json` for the
 * repository, commit, licence and git blob of every file, `SOURCES.md` for what each one exercises,
 * `REVIEW.md` for the review of its findings).
 *
 * Every template the manifest lists is scanned on its own through the real template source and
 * pipeline (`loadTemplates` + `scanLoaded`, as `lexscribe scan <file> --verbose` does: NOT_APPLICABLE
 * verdicts included) and its findings (check, stack, logical id, type, finding key, status, severity)
 * and the run's warnings (kind and message) are compared with the reviewed expectation beside it,
 * `<template>.expected.json`. Any change in a finding on a real template fails with the lines that
 * appeared (+) and disappeared (-).
 *
 * When a change is intended (a check, a source or a severity got better), rewrite the expectations
 * and review the diff in git before committing it:
 *
 *     UPDATE_CORPUS=1 npx jest test/corpus
 *
 * and update REVIEW.md where a verdict you reviewed changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanLoaded } from '../../lib/cli/scan';
import { STATUSES, type Finding, type RunWarning } from '../../lib/model/finding';
import { loadTemplates } from '../../lib/sources/template/load';
import { emptyParameters } from '../../lib/sources/template/parameters';

const CORPUS = __dirname;
const UPDATE = process.env.UPDATE_CORPUS === '1';
/** A fixed clock: nothing in a template scan should depend on the day it runs. */
const STARTED_AT = new Date('2026-01-01T00:00:00Z');

interface ManifestFile {
  repo: string;
  path: string;
  kind: 'template' | 'nested-template' | 'state-machine-definition' | 'bot-definition';
  blob: string;
  parent?: string;
  exercises: string;
}

interface Manifest {
  repositories: Record<string, { commit: string; licence: string; licenceFiles: string[] }>;
  files: ManifestFile[];
}

interface Expected {
  template: string;
  summary: Record<string, number>;
  warnings: Array<Pick<RunWarning, 'kind' | 'message'>>;
  findings: string[];
}

const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Manifest;
const local = (repo: string, path: string) => join(repo.replace('/', '__'), path);
const templates = manifest.files.filter((f) => f.kind === 'template' || f.kind === 'nested-template').map((f) => local(f.repo, f.path));

/** The git blob id of a file: the vendored bytes are those of the repository at the recorded commit. */
function gitBlob(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** One line per finding, in a stable order, so that a diff names what changed. */
function line(f: Finding): string {
  const r = f.resource;
  return [f.status.padEnd(14), f.severity.padEnd(8), f.checkId.padEnd(11), `${r.stack ?? ''}/${r.logicalId ?? ''}`, `(${r.type})`, f.findingKey ? `key=${f.findingKey}` : ''].join(' ').trimEnd();
}

function scan(template: string): Expected {
  // As its author would run it from the repository's root: `lexscribe scan <template> --bot-files .`.
  const repository = join(CORPUS, template.split('/')[0]);
  const loaded = loadTemplates([join(CORPUS, template)], { parameters: emptyParameters(), stdin: () => Buffer.alloc(0), botFiles: [repository] });
  const report = scanLoaded(loaded, {}, { verbose: true, startedAt: STARTED_AT });
  const strip = (m: string) => m.split(`${CORPUS}/`).join('');
  const summary = Object.fromEntries(STATUSES.map((s) => [s, report.summary.byStatus[s]]));
  const findings = report.findings.map(line).sort();
  return { template, summary, warnings: report.warnings.map((w) => ({ kind: w.kind, message: strip(w.message) })), findings };
}

/** JSON with one finding per line (readable in a git diff). */
function serialise(e: Expected): string {
  const findings = e.findings.length === 0 ? '[]' : `[\n${e.findings.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]`;
  return `{\n  "template": ${JSON.stringify(e.template)},\n  "summary": ${JSON.stringify(e.summary)},\n  "warnings": ${JSON.stringify(e.warnings, null, 2).replace(/\n/g, '\n  ')},\n  "findings": ${findings}\n}\n`;
}

function diff(before: readonly string[], after: readonly string[]): string[] {
  const count = (list: readonly string[]) => list.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const a = count(before);
  const b = count(after);
  const out: string[] = [];
  for (const [l, n] of a) for (let i = b.get(l) ?? 0; i < n; i++) out.push(`- ${l}`);
  for (const [l, n] of b) for (let i = a.get(l) ?? 0; i < n; i++) out.push(`+ ${l}`);
  return out.sort((x, y) => x.slice(2).localeCompare(y.slice(2)) || x.localeCompare(y));
}

describe('the vendored corpus', () => {
  test('at least 20 templates from at least 8 repositories, each with its licence', () => {
    expect(templates.length).toBeGreaterThanOrEqual(20);
    expect(new Set(manifest.files.map((f) => f.repo)).size).toBeGreaterThanOrEqual(8);
    for (const [repo, r] of Object.entries(manifest.repositories)) {
      expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
      for (const file of r.licenceFiles) expect(existsSync(join(CORPUS, local(repo, file)))).toBe(true);
    }
    for (const f of manifest.files) expect(manifest.repositories[f.repo]).toBeDefined();
  });

  test.each(manifest.files.map((f) => [local(f.repo, f.path), f] as const))('%s is the repository file byte for byte', (file, f) => {
    expect(gitBlob(readFileSync(join(CORPUS, file)))).toBe(f.blob);
  });
});

describe('findings on real templates match the reviewed expectations', () => {
  test.each(templates)('%s', (template) => {
    const actual = scan(template);
    const file = join(CORPUS, `${template}.expected.json`);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) throw new Error(`${template}.expected.json is missing: run UPDATE_CORPUS=1 npx jest test/corpus and review it`);
      writeFileSync(file, serialise(actual));
      return;
    }
    const expected = JSON.parse(readFileSync(file, 'utf8')) as Expected;
    // A readable diff first: the lines that appeared (+) and disappeared (-).
    expect(diff(expected.findings, actual.findings)).toEqual([]);
    expect(actual.warnings).toEqual(expected.warnings);
    expect(actual.summary).toEqual(expected.summary);
  });
});
