import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/program';
import type { Report } from '../../lib/report/report';
import { tempDir } from '../helpers/temp';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  /** An error that escaped every command's handling (a bug, whatever the exit code). */
  unexpected?: unknown;
}

/** An empty configuration, given explicitly, so that nothing in the working directory is picked up. */
let emptyConfig: string | undefined;
function configFile(): string {
  if (!emptyConfig) {
    emptyConfig = join(tempDir('lexscribe-fuzz-config-'), 'lexscribe.config.json');
    writeFileSync(emptyConfig, '{}\n');
  }
  return emptyConfig;
}

/**
 * `lexscribe <args>` in this process, through the same entry point as the binary, with everything it
 * writes to standard output and error (console included) captured. Far faster than a child process,
 * which lets the properties try hundreds of inputs within `npm test`.
 */
export async function lexscribeInProcess(args: readonly string[]): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  const line = (...parts: unknown[]) => `${parts.map(String).join(' ')}\n`;
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((stdout += text(chunk)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => ((stderr += text(chunk)), true)),
    jest.spyOn(console, 'log').mockImplementation((...p: unknown[]) => void (stdout += line(...p))),
    jest.spyOn(console, 'info').mockImplementation((...p: unknown[]) => void (stdout += line(...p))),
    jest.spyOn(console, 'warn').mockImplementation((...p: unknown[]) => void (stderr += line(...p))),
    jest.spyOn(console, 'error').mockImplementation((...p: unknown[]) => void (stderr += line(...p))),
  ];
  try {
    const { code, unexpected } = await runCli([process.execPath, 'lexscribe', ...args]);
    return { code, stdout, stderr, unexpected };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** `lexscribe scan <paths> --verbose -f json -o <report>` in-process, and the report it wrote (if any). */
export async function scanInProcess(paths: readonly string[], extra: readonly string[] = []): Promise<InProcessRun & { report?: Report; reportText?: string }> {
  const out = join(tempDir('lexscribe-fuzz-report-'), 'report.json');
  const run = await lexscribeInProcess(['scan', ...paths, '--verbose', '-q', '-c', configFile(), '-f', 'json', '-o', out, ...extra]);
  let reportText: string | undefined;
  try {
    reportText = (await import('node:fs')).readFileSync(out, 'utf8');
  } catch {
    reportText = undefined;
  }
  return { ...run, reportText, report: reportText === undefined ? undefined : (JSON.parse(reportText) as Report) };
}

/** Lines that look like a JavaScript stack frame: never shown to a user. */
export const STACK_FRAME = /^\s+at .+/m;

/** What JavaScript says when code meets a value it did not expect: never a user's message. */
export const JS_INTERNALS = /Maximum call stack|Cannot read propert|Cannot convert|is not a function|is not iterable|is not a constructor|Invalid string length|Invalid array length|\[object Object\]|undefined is not|null is not|Unexpected token u in JSON/;
