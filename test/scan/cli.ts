import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { tempDir as removedAfterFile } from '../helpers/temp';

/** The built CLI (`npm test` builds it first; during development: `npx tsc -p tsconfig.build.json`). */
export const BIN = resolve(__dirname, '../../dist/bin/lexscribe.js');
export const TEMPLATES = resolve(__dirname, '../fixtures/templates');

/** Default working directory: empty, so that no configuration file is picked up by accident. */
const EMPTY_CWD = removedAfterFile('lexscribe-cwd-');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `lexscribe …` as a child process, as a pipeline would. */
export function lexscribe(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
  const out = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? EMPTY_CWD,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** A temporary folder for one test's files, removed when the test file ends. */
export function tempDir(): string {
  return removedAfterFile('lexscribe-scan-');
}
