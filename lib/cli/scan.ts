import { statSync } from 'node:fs';
import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import { runPipeline } from '../engine/pipeline';
import type { RunWarning } from '../model/finding';
import { buildReport, type Report } from '../report/report';
import { InputError } from '../sources/template/errors';
import { loadTemplates, STDIN_LABEL, type LoadedTemplates } from '../sources/template/load';
import { readStream } from '../sources/template/read';
import { addParameterArgs, emptyParameters, ParameterSyntaxError, readParametersFile, type ParameterValues } from '../sources/template/parameters';
import { EXIT } from './exit';
import { finishRun, prepareRun, UsageError, type RawTarget, type ReportFlags } from './report-options';
import type { ScanFlags } from './scan-command';

/**
 * Run every check with a template side over what was loaded, through the one pipeline. Each app
 * (assembly) is evaluated on its own, as the aspect evaluates each stage, with the other apps' stacks
 * beside it so that `Fn::ImportValue` resolves against any of them.
 */
export function scanLoaded(loaded: LoadedTemplates, config: LexscribeConfig, opts: { verbose?: boolean; startedAt?: Date } = {}): Report {
  const now = opts.startedAt ?? new Date();
  const apps = loaded.apps.map((stacks) => {
    const members = new Set(stacks);
    return { stacks, context: loaded.inputs.filter((i) => !members.has(i)) };
  });
  const result = runPipeline(apps, { checks: ALL_CHECKS, mode: 'synth', config, now, notApplicable: !!opts.verbose });
  const warnings: RunWarning[] = [...loaded.errors.map((e): RunWarning => ({ kind: 'input', message: e.message })), ...loaded.warnings, ...skippedWarnings(loaded, !!opts.verbose), ...result.warnings];
  return buildReport(result.findings, warnings, 'scan', { verbose: opts.verbose, startedAt: now });
}

/** Files of a directory that are not templates: each with why (verbose), else one line that says how many. */
function skippedWarnings(loaded: LoadedTemplates, verbose: boolean): RunWarning[] {
  if (loaded.skipped.length === 0) return [];
  if (verbose) return loaded.skipped.map(({ file, why }) => ({ kind: 'skipped', message: `${file}: not a CloudFormation template (${why}); skipped` }));
  return [{ kind: 'skipped', message: `${loaded.skipped.length} file(s) in the scanned directories are not CloudFormation templates and were skipped (--verbose lists them)` }];
}

/** `--parameters` and `--parameters-file`, as the template loader takes them. */
export function parameterValues(flags: ScanFlags): ParameterValues {
  const values = emptyParameters();
  try {
    for (const file of flags.parametersFile ?? []) Object.assign(values.all, readParametersFile(file));
    return addParameterArgs(values, flags.parameters ?? []);
  } catch (e) {
    if (e instanceof ParameterSyntaxError || e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Standard input, read to its end before anything else when `-` is among the paths. */
export async function readStdin(paths: readonly string[]): Promise<() => Buffer> {
  if (!paths.includes('-')) return () => Buffer.alloc(0);
  if (process.stdin.isTTY) {
    const error = new InputError('-', 'standard input is a terminal; pipe a template into it');
    return () => {
      throw error;
    };
  }
  try {
    const data = await readStream(process.stdin, STDIN_LABEL);
    return () => data;
  } catch (e) {
    return () => {
      throw e;
    };
  }
}

/** `lexscribe scan <path…>`: returns the exit code. */
export async function runScan(paths: string[], flags: ScanFlags & ReportFlags, targets: readonly RawTarget[]): Promise<number> {
  const startedAt = new Date();
  try {
    const run = await prepareRun(flags, targets);
    for (const dir of flags.botFiles ?? []) if (!isFolder(dir)) throw new UsageError(`--bot-files ${dir}: no such folder`);
    const stdin = await readStdin(paths);
    const loaded = loadTemplates(paths, { parameters: parameterValues(flags), stdin, exclude: flags.exclude, gitignore: flags.gitignore !== false, botFiles: flags.botFiles, skipNonTemplates: !!flags.skipNonTemplates });
    for (const e of loaded.errors) console.error(`lexscribe: ${e.message}`);
    const report = scanLoaded(loaded, run.config, { verbose: flags.verbose, startedAt });
    return await finishRun(report, run, { inputFailed: loaded.errors.length > 0 });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}
