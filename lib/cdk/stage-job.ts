import { ALL_CHECKS } from '../../checks';
import type { Check } from '../engine/check';
import { Pipeline, type AppResult } from '../engine/pipeline';
import type { StackInput } from '../model/resource';
import type { RunWarning } from '../model/finding';
import { annotationsOf, type Annotation } from './annotations';
import { writeReport } from './report-file';
import type { GateSettings } from './settings';

/**
 * The evaluation of an App whose stacks are all its own (no Stage below it), as plain data: what
 * another thread needs to run it while CDK writes the assembly (`evaluator.ts`), and what this
 * thread runs when that thread cannot.
 */
export interface StageJob {
  /** The catalog's checks to run, by id, in the order the pipeline runs them. */
  readonly checkIds: readonly string[];
  readonly settings: GateSettings;
  /** Keep NOT_APPLICABLE verdicts (the aspect's `verbose`). */
  readonly verbose: boolean;
  readonly inputs: StackInput[];
  /** What reading the stacks warned of (`readCdkStacks`), first among the stage's warnings. */
  readonly read: RunWarning[];
  /** Where the report goes, when `settings.reports`. */
  readonly outdir?: string;
}

/** What the job's caller places on the constructs: its annotations, and the run-wide warnings. */
export interface StageOutcome {
  readonly annotations: Annotation[];
  /** Configuration suppressions that matched nothing: annotated on the App's stacks, or printed. */
  readonly runWide: RunWarning[];
}

function checksOf(ids: readonly string[]): readonly Check[] {
  const byId = new Map(ALL_CHECKS.map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id) ?? fail(`lexscribe: no check ${id} in the catalog`));
}

function fail(message: string): never {
  throw new Error(message);
}

/** The ids of `checks`, when every one is the catalog's own: another thread has the catalog, not a check made on this one. */
export function catalogIds(checks: readonly Check[]): string[] | undefined {
  return checks.every((c) => ALL_CHECKS.includes(c)) ? checks.map((c) => c.id) : undefined;
}

/** The job's evaluation: one run of the pipeline over the stage, finished, as the aspect runs it. */
export function evaluateJob(job: StageJob): { result: AppResult; runWide: RunWarning[] } {
  const pipeline = new Pipeline({ checks: checksOf(job.checkIds), mode: 'synth', config: job.settings.config, notApplicable: job.verbose });
  const result = pipeline.add({ stacks: job.inputs });
  result.warnings.unshift(...job.read);
  const local = new Set(result.warnings);
  const runWide = pipeline.finish().warnings.filter((w) => !local.has(w));
  return { result, runWide };
}

/** The job, with the App's report written: what the caller has left to do is placing the annotations. */
export function runJob(job: StageJob): StageOutcome {
  const { result, runWide } = evaluateJob(job);
  if (job.settings.reports && job.outdir) writeReport(job.outdir, result.findings, [...result.warnings, ...runWide]);
  return { annotations: annotationsOf(result.findings, result.warnings, job.settings), runWide };
}
