import { readFileSync } from 'node:fs';
import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import { runChecks } from '../engine/run';
import { applySuppressions, type Evaluated } from '../engine/suppressions';
import type { Finding, RunWarning } from '../model/finding';
import { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import { buildReport, type Report } from '../report/report';
import { InputError } from '../sources/template/errors';
import { loadTemplates, type LoadedTemplates } from '../sources/template/load';
import { addParameterArgs, emptyParameters, ParameterSyntaxError, readParametersFile, type ParameterValues } from '../sources/template/parameters';
import { EXIT } from './exit';
import { finishRun, prepareRun, UsageError, type RawTarget, type ReportFlags } from './report-options';
import type { ScanFlags } from './scan-command';

/**
 * Run every check with a template side over what was loaded. Each app (assembly) is evaluated on its
 * own, as the aspect evaluates each stage, but over a graph that holds every stack of the run, so that
 * `Fn::ImportValue` resolves against any of them. Configuration suppressions are applied once, over
 * all findings, so that one used in any app is not reported as unused by the others.
 */
export function scanLoaded(loaded: LoadedTemplates, config: LexscribeConfig, opts: { verbose?: boolean; startedAt?: Date } = {}): Report {
  const now = opts.startedAt ?? new Date();
  const rules = config.suppressions ?? [];
  const findings: Finding[] = [];
  const evaluated: Evaluated[] = [];
  const warnings: RunWarning[] = [...loaded.errors.map((e): RunWarning => ({ kind: 'input', message: e.message })), ...loaded.warnings];
  // Resource metadata is applied by each app's run; the config pass below must not see it again.
  const bare = new Map<Resource, Resource>();
  for (const app of loaded.apps) {
    const members = new Set(app);
    // Other apps' stacks are there to resolve imports only; their metadata is theirs to report.
    const graph = new ResourceGraph(loaded.inputs.map((i) => (members.has(i) ? i : { ...i, evaluate: false, metadata: undefined })));
    const result = runChecks(graph, { checks: ALL_CHECKS, mode: 'synth', config: { ...config, suppressions: [] }, metadataSource: 'metadata', now, notApplicable: !!opts.verbose });
    for (const finding of result.findings) {
      findings.push(finding);
      if (rules.length === 0) continue;
      const resource = result.resources.get(finding)!;
      if (!bare.has(resource)) bare.set(resource, { ...resource, metadata: {} });
      evaluated.push({ finding, resource: bare.get(resource)! });
    }
    warnings.push(...result.warnings);
  }
  if (rules.length > 0) warnings.push(...applySuppressions(evaluated, new ResourceGraph([]), rules, { now, metadataSource: 'metadata' }));
  return buildReport(findings, warnings, 'scan', { verbose: opts.verbose, startedAt: now });
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
    const loaded = loadTemplates(paths, { parameters: parameterValues(flags), stdin: readStdin });
    for (const e of loaded.errors) console.error(`lexscribe: ${e.message}`);
    const report = scanLoaded(loaded, run.config, { verbose: flags.verbose, startedAt });
    return await finishRun(report, run, { inputFailed: loaded.errors.length > 0 });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}
