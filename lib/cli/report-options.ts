import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { LexscribeConfig } from '../config/types';
import type { Baseline } from '../gate/baseline';
import type { GatePolicy } from '../gate/gate';
import type { Format } from '../report/render';
import type { Report } from '../report/report';
import { EXIT } from './exit';

// Only commander and types are imported at load time: commands register these flags on every start,
// `--help` included. What the flags need (configuration, gate, renderers) is imported when a run uses it.

/** The report and gate flags shared by `scan` and `audit`. */
export interface ReportFlags {
  format?: string[];
  output?: string[];
  failOn?: string;
  failOnUnknown?: boolean;
  baseline?: string;
  writeBaseline?: string;
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  framework?: string;
  sarifSourceRoot?: string;
  asffAccount?: string;
  asffRegion?: string;
  /** `--json-shape`: `indexed` (the default) or `flat`. */
  jsonShape?: string;
}

/** One `--format`/`--output` pair as given; either side may be missing. */
export interface RawTarget {
  format?: string;
  output?: string;
}

/** Where one rendering of the report goes: a file, or standard output. */
export interface ReportTarget {
  format: Format;
  output?: string;
}

/** Wrong flags or unusable configuration, baseline or output: exit code 2 with this one-line message. */
export class UsageError extends Error {}

const BY_EXTENSION: Record<string, Format> = { '.txt': 'text', '.json': 'json', '.sarif': 'sarif', '.xml': 'junit', '.html': 'html', '.htm': 'html', '.asff.json': 'asff', '.ocsf.json': 'ocsf' };

/** The format an output file's name says: `findings.asff.json` is ASFF, `report.json` JSON. */
function formatOf(output: string): Format | undefined {
  const lower = output.toLowerCase();
  return BY_EXTENSION[/\.(asff|ocsf)\.json$/.exec(lower)?.[0] ?? /\.[^./\\]+$/.exec(lower)?.[0] ?? ''];
}

/**
 * Add `--format/--output` (repeatable pairs), `--fail-on`, `--fail-on-unknown`, `--baseline`,
 * `--write-baseline`, `--config`, `--quiet`, `--verbose` to a command. Returns the pairs in the order
 * given: each `--output` belongs to the `--format` before it (commander keeps the two lists apart).
 */
export function addReportOptions(command: Command, opts: { drift?: boolean } = {}): () => RawTarget[] {
  const targets: RawTarget[] = [];
  command
    .addOption(
      new Option('-f, --format <format>', 'report format: text, json, sarif, junit, html, asff (AWS Security Hub) or ocsf; repeat as -f F -o FILE pairs (default: text)').argParser((value: string, previous: string[] = []) => {
        targets.push({ format: value });
        return [...previous, value];
      }),
    )
    .addOption(
      new Option('-o, --output <file>', 'write the report of the preceding --format to FILE (without one, the format follows the extension: .sarif .json .xml .html .txt .asff.json .ocsf.json)').argParser((value: string, previous: string[] = []) => {
        const last = targets[targets.length - 1];
        if (last && last.format !== undefined && last.output === undefined) last.output = value;
        else targets.push({ output: value });
        return [...previous, value];
      }),
    )
    .option(
      '--fail-on <severity>',
      opts.drift
        ? 'exit 1 only on drift whose live side FAILs at or above this severity (info … critical); without it, any drift exits 1'
        : 'exit 1 on FAIL findings at or above this severity: info, low, medium, high, critical (default: high)',
    );
  if (!opts.drift) {
    command
      .option('--fail-on-unknown', 'exit 1 on UNKNOWN findings too (values that could not be known)')
      .option('--baseline <file>', 'fail only on findings not recorded in this baseline, and list the entries that no longer occur')
      .option('--write-baseline <file>', 'record the current FAIL and UNKNOWN findings in FILE (they are then accepted)');
  }
  command
    .option('-c, --config <file>', 'configuration file (default: lexscribe.config.json, .yml or .yaml in the working directory)')
    .option('-q, --quiet', 'print nothing but the report, errors and the one line saying why the gate failed: no progress, no notes')
    .option('--verbose', 'list PASS and NOT_APPLICABLE findings too')
    .option('--framework <framework>', 'run only the checks mapped to a compliance framework: hipaa, pci-dss, transcribe-best-practices')
    .option('--sarif-source-root <dir>', 'SARIF: make file locations relative to this directory (default: the git repository holding the working directory, else the working directory)');
  if (!opts.drift) {
    command.option('--json-shape <shape>', 'JSON: indexed (each check described once, in "checks"; schema version 2) or flat (every finding repeats its check\'s title, remediation and docs, as schema version 1)', 'indexed');
  }
  return () => targets;
}

/** What a run needs before it starts, from the flags: configuration, gate policy, baseline, outputs. */
export interface PreparedRun {
  config: LexscribeConfig;
  policy: GatePolicy;
  baseline?: Baseline;
  targets: ReportTarget[];
  flags: ReportFlags;
}

function resolveTargets(raw: readonly RawTarget[], formats: readonly string[]): ReportTarget[] {
  const targets = raw.map(({ format, output }): ReportTarget => {
    const chosen = format ?? (output ? formatOf(output) : undefined);
    if (!chosen) throw new UsageError(`--output ${output}: give its format with --format before it (${formats.join(', ')})`);
    if (!formats.includes(chosen)) throw new UsageError(`unknown format "${chosen}" (one of ${formats.join(', ')})`);
    return { format: chosen as Format, output };
  });
  if (targets.filter((t) => !t.output).length > 1) throw new UsageError('only one --format can go to standard output; give the others an --output file');
  const files = targets.flatMap((t) => (t.output ? [t.output] : []));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new UsageError(`--output ${twice} is given twice`);
  return targets.length > 0 ? targets : [{ format: 'text' }];
}

/** Read the configuration, baseline and outputs the flags name. Throws `UsageError` (exit 2). */
export async function prepareRun(flags: ReportFlags, rawTargets: readonly RawTarget[]): Promise<PreparedRun> {
  const [{ FORMATS }, { readConfigFile, findConfigFile, ConfigError }, { parseSeverity }, { REPORT_SHAPES }] = await Promise.all([
    import('../report/render'),
    import('../config/file'),
    import('../model/finding'),
    import('../report/shape'),
  ]);
  const targets = resolveTargets(rawTargets, FORMATS);
  if (flags.jsonShape !== undefined && !(REPORT_SHAPES as readonly string[]).includes(flags.jsonShape)) throw new UsageError(`--json-shape must be one of ${REPORT_SHAPES.join(', ')} (not "${flags.jsonShape}")`);
  let config: LexscribeConfig = {};
  let baseline: Baseline | undefined;
  try {
    const path = flags.config ?? findConfigFile();
    if (path) config = readConfigFile(path);
    if (flags.baseline) baseline = await baselineOf(flags.baseline);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  if (flags.framework) config = await restrictToFramework(config, flags.framework);
  const failOn = flags.failOn === undefined ? (config.failOn ?? 'HIGH') : parseSeverity(flags.failOn);
  if (!failOn) throw new UsageError(`--fail-on must be one of info, low, medium, high, critical (not "${flags.failOn}")`);
  return { config, policy: { failOn, failOnUnknown: !!(flags.failOnUnknown ?? config.failOnUnknown) }, baseline, targets, flags };
}

/**
 * `--baseline FILE`: a baseline (`--write-baseline`), or a JSON report of an earlier run in either shape
 * (schema version 1 or 2), whose FAIL and UNKNOWN findings are then the accepted ones.
 */
async function baselineOf(path: string): Promise<Baseline> {
  const [{ readBaseline, createBaseline, BaselineError }, { isReport, parseReport, ReportFormatError }] = await Promise.all([import('../gate/baseline'), import('../report/shape')]);
  try {
    return readBaseline(path);
  } catch (e) {
    if (!(e instanceof BaselineError)) throw e;
    // Only a file that parses and is not a baseline can be a report: read it again as one.
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new UsageError(e.message);
    }
    if (!isReport(raw)) throw new UsageError(`${path} is neither a lexscribe baseline (write one with --write-baseline) nor a lexscribe JSON report`);
    try {
      return createBaseline(parseReport(raw).findings);
    } catch (f) {
      if (f instanceof ReportFormatError) throw new UsageError(`--baseline ${path}: ${f.message}`);
      throw f;
    }
  }
}

/** `--framework`: every check outside the framework is disabled, as if the configuration said so. */
async function restrictToFramework(config: LexscribeConfig, id: string): Promise<LexscribeConfig> {
  const [{ FRAMEWORKS, findFramework }, { ALL_CHECKS }] = await Promise.all([import('../../checks/frameworks'), import('../../checks')]);
  const framework = findFramework(id);
  if (!framework) throw new UsageError(`unknown framework "${id}" (one of ${FRAMEWORKS.map((f) => f.id).join(', ')})`);
  const inFramework = new Set(framework.controls.map((c) => c.checkId));
  const checks = { ...(config.checks ?? {}) };
  for (const c of ALL_CHECKS) if (!inFramework.has(c.id)) checks[c.id] = { ...checks[c.id], enabled: false };
  return { ...config, checks };
}

/** The repository holding `dir` (the nearest directory with a `.git`, a worktree's file included), else `dir`. */
export function repositoryRoot(dir: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return resolve(dir);
  }
}

/** Write a report file, making its directory; a failure is a UsageError naming the file. */
export function write(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * After a run: record the baseline if asked, write every report, apply the gate, and say on standard
 * error what the gate decided against the baseline. Returns the exit code: 2 when some input could
 * not be read (`inputFailed`), else 1 when the gate fails, else 0.
 */
export async function finishRun(report: Report, run: PreparedRun, opts: { inputFailed?: boolean } = {}): Promise<number> {
  const [{ renderChunks }, { createBaseline, describeEntry, writeBaseline, BaselineError }, { evaluateGate, gatedReport, gateFailureLine }, { AsffError }, { writeChunks }] = await Promise.all([
    import('../report/render'),
    import('../gate/baseline'),
    import('../gate/gate'),
    import('../report/asff-error'),
    import('../report/write'),
  ]);
  const { flags } = run;
  let baseline = run.baseline;
  if (flags.writeBaseline) {
    baseline = createBaseline(report.findings);
    try {
      writeBaseline(flags.writeBaseline, baseline);
    } catch (e) {
      if (e instanceof BaselineError) throw new UsageError(e.message);
      throw e;
    }
  }
  // Entries gone are reported from the baseline the run was given; the gate uses the one just written, if any.
  const given = evaluateGate(report.findings, run.policy, run.baseline);
  const gate = baseline === run.baseline ? given : evaluateGate(report.findings, run.policy, baseline);
  const { gone } = given;
  const baselineFile = baseline === run.baseline ? flags.baseline : flags.writeBaseline;
  const gated = gatedReport(report, run.policy, gate, baseline && baselineFile ? { file: baselineFile, baseline, gone: gone.length } : undefined);
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const sourceRoot = run.targets.some((t) => t.format === 'sarif') ? resolve(flags.sarifSourceRoot ?? repositoryRoot(process.cwd())) : undefined;
  // Every report is prepared before any is written: one that cannot be made (ASFF without an account)
  // writes none. The large formats are then made piece by piece as they are written.
  const shape = flags.jsonShape === 'flat' ? 'flat' : 'indexed';
  const rendered = run.targets.map((target) => {
    const color = !target.output && !!process.stdout.isTTY && !noColor;
    try {
      return { target, pieces: renderChunks(gated, target.format, { color, verbose: flags.verbose, sourceRoot, shape, asff: { account: flags.asffAccount, region: flags.asffRegion } }) };
    } catch (e) {
      if (e instanceof AsffError) throw new UsageError(e.message);
      throw e;
    }
  });
  for (const { target, pieces } of rendered) {
    try {
      await writeChunks(pieces, target.output ? { file: target.output } : { stream: process.stdout });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!target.output || !code) throw e;
      throw new UsageError(`cannot write ${target.output}: ${code}`);
    }
  }
  const say = (line: string) => process.stderr.write(`lexscribe: ${line}\n`);
  if (!flags.quiet) {
    if (flags.writeBaseline) say(`baseline ${flags.writeBaseline} records ${baseline!.entries.length} finding${baseline!.entries.length === 1 ? '' : 's'}`);
    else if (run.baseline && gate.accepted.length > 0) say(`${gate.accepted.length} finding${gate.accepted.length === 1 ? ' is' : 's are'} in the baseline ${flags.baseline}`);
    for (const e of gone) say(`baseline entry no longer occurs: ${describeEntry(e)}; remove it${e.fingerprint ? ' with --write-baseline' : ''}`);
  }
  // Even with --quiet: an exit code of 1 says that the gate failed, this line says why.
  if (gate.failed) say(gateFailureLine(run.policy, gate, !!run.baseline));
  if (opts.inputFailed) return EXIT.USAGE;
  return gate.failed ? EXIT.GATE : EXIT.OK;
}
