import { readFileSync } from 'node:fs';
import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import { runPipeline } from '../engine/pipeline';
import type { RunWarning } from '../model/finding';
import { buildReport, type Report } from '../report/report';
import { InputError } from '../sources/template/errors';
import { loadTemplates, type LoadedTemplates } from '../sources/template/load';
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
  const warnings: RunWarning[] = [...loaded.errors.map((e): RunWarning => ({ kind: 'input', message: e.message })), ...loaded.warnings, ...result.warnings];
  return buildReport(result.findings, warnings, 'scan', { verbose: opts.verbose, startedAt: now });
}

function parameterValues(flags: ScanFlags): ParameterValues {
  const values = emptyParameters();
  try {
    for (const file of flags.parametersFile ?? []) Object.assign(values.all, readParametersFile(file));
    return addParameterArgs(values, flags.parameters ?? []);
  } catch (e) {
    if (e instanceof ParameterSyntaxError || e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
}

function readStdin(): Buffer {
  if (process.stdin.isTTY) throw new InputError('-', 'standard input is a terminal; pipe a template into it');
  return readFileSync(0);
}

/** `lexscribe scan <path…>`: returns the exit code. */
export async function runScan(paths: string[], flags: ScanFlags & ReportFlags, targets: readonly RawTarget[]): Promise<number> {
  const startedAt = new Date();
  try {
    const run = await prepareRun(flags, targets);
    const loaded = loadTemplates(paths, { parameters: parameterValues(flags), stdin: readStdin, skipNonTemplates: !!flags.skipNonTemplates });
    for (const e of loaded.errors) console.error(`lexscribe: ${e.message}`);
    const report = scanLoaded(loaded, run.config, { verbose: flags.verbose, startedAt });
    return await finishRun(report, run, { inputFailed: loaded.errors.length > 0 });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}
