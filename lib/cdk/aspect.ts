import { Aspects, CfnResource, Stack, Stage, type IAspect } from 'aws-cdk-lib';
import type { IConstruct, MetadataEntry } from 'constructs';
import { ALL_CHECKS } from '../../checks';
import { ConfigError } from '../config/file';
import type { LexscribeConfig } from '../config/types';
import type { Check } from '../engine/check';
import { Pipeline, type AppResult } from '../engine/pipeline';
import type { Finding, RunWarning, Severity } from '../model/finding';
import { isUnder, readCdkStacks, stageContents, type CdkStacks } from '../sources/cdk';
import { annotationsOf, warningAnnotation, warningText, type Annotation, type AnnotationType } from './annotations';
import { Evaluator } from './evaluator';
import { hasMetadata, writeLateMetadata } from './late-metadata';
import { withOptimizerPaused } from './optimizer';
import { writeReport } from './report-file';
import { annotationText, isBlocking, resolveSettings, type GateProps, type GateSettings } from './settings';
import { catalogIds, evaluateJob, runJob, type StageJob, type StageOutcome } from './stage-job';
import { constructsIn } from './tree';
import { whenWritten } from './written';

export interface LexscribeChecksProps extends GateProps {
  /**
   * FAIL findings at or above this severity become errors, which stop `cdk synth` and `cdk deploy`.
   * Lower FAIL findings and UNKNOWN findings become warnings.
   * @default - `failOn` of the configuration, else 'HIGH'
   */
  readonly failOn?: Severity | Lowercase<Severity>;
  /**
   * Treat UNKNOWN findings (values that cannot be known at synth) as errors too.
   * @default - `failOnUnknown` of the configuration, else false
   */
  readonly failOnUnknown?: boolean;
  /**
   * Configuration: an object, or the path of a `lexscribe.config.json`/`.yml` (severity overrides,
   * thresholds, disabled checks, suppressions).
   * @default - the `lexscribe.config.json`/`.yml` of the working directory, as `scan` and `audit` read it; else none
   */
  readonly config?: LexscribeConfig | string;
  /**
   * Write `lexscribe-report.json`: the whole run (every Stage) into the App's cloud assembly
   * (`cdk.out/`), and each Stage's findings into its own (`cdk.out/assembly-<Stage>/`).
   * @default true
   */
  readonly reports?: boolean;
  /**
   * Add an info annotation for each suppressed finding.
   * @default false
   */
  readonly showSuppressed?: boolean;
  /**
   * Keep NOT_APPLICABLE verdicts in `results` (for tests and tooling; the report always leaves them
   * out). Off, they are not built at all: a third of all verdicts in a typical app.
   * @default false
   */
  readonly verbose?: boolean;
  /**
   * The checks to run.
   * @default - every check of the catalog
   */
  readonly checks?: readonly Check[];
  /**
   * Run the checks on a thread of their own while CDK writes the assembly, and add their annotations
   * to what it wrote, for an App of 100 resources or more whose stacks are all its own (no Stage below
   * it) with one LexscribeChecks and the catalog's checks; otherwise, or where no thread can start,
   * they run on the App's thread during validation. The annotations, the report and what `cdk synth` prints are
   * the same either way; see the README's Benchmark (synth) for what it saves.
   * @default true
   */
  readonly worker?: boolean;
}

/** Stages some LexscribeChecks has evaluated, whichever instance: the root looks for stages nobody checked. */
const CHECKED = new WeakSet<IConstruct>();

/** What a synthesis of one App gathers from every LexscribeChecks instance, until the App's own validation finishes it. */
interface RootRun {
  readonly runs: Map<LexscribeChecks, Pipeline>;
  /** The App's own stacks, evaluated by each instance that reached them when the run finishes (under the scopes it was added to). */
  readonly own: Array<{ readonly aspect: LexscribeChecks; readonly scopes: readonly IConstruct[] }>;
  /** Findings of Stages below the App, whose annotations `cdk synth` only shows when their stacks are selected. */
  readonly nested: Finding[];
  readonly findings: Finding[];
  readonly warnings: RunWarning[];
  /** Whether the App's validation pauses V8's optimizing compiler: unless an instance says not to. */
  pauseOptimizer: boolean;
  /** The thread started for the App's evaluation, until a job takes it (`LexscribeChecks.worker`). */
  evaluator?: Evaluator;
}
const ROOTS = new WeakMap<IConstruct, RootRun>();

/**
 * Below this many resources an App is checked on its own thread: starting one for the checks (~60 ms
 * of CPU on the other core, the catalog loaded again) costs more than they do. Measured on the bench's
 * failing app: at 36 resources both took the same wall time (the thread 60 ms more CPU), at 180 the
 * thread 4 % less wall time, at 540 5 %, at 1,980 6 %.
 */
const OFFLOAD_MIN_RESOURCES = 100;

/** Whether `root`'s tree holds at least OFFLOAD_MIN_RESOURCES resources (counted until it does). */
function largeEnough(root: IConstruct): boolean {
  let count = 0;
  const pending: IConstruct[] = [root];
  while (pending.length > 0) {
    const c = pending.pop()!;
    if (CfnResource.isCfnResource(c) && ++count >= OFFLOAD_MIN_RESOURCES) return true;
    for (const child of c.node.children) pending.push(child);
  }
  return false;
}

function stageOf(node: IConstruct): IConstruct {
  return Stage.isStage(node) ? node : (Stage.of(node) ?? node.node.root);
}

function nestedStages(scope: IConstruct): Stage[] {
  return constructsIn(scope).filter((c): c is Stage => c !== scope && Stage.isStage(c));
}

/** Findings of one stage as annotations are placed: each on its L1, app-level ones on the stack. */
interface Targets {
  resources: Map<string, IConstruct>;
  stacks: Map<string, Stack>;
}

function targetOf(targets: Targets, path: string | undefined, stackName: string | undefined): IConstruct | undefined {
  return (path && targets.resources.get(path)) || (stackName && targets.stacks.get(stackName)) || targets.stacks.values().next().value;
}

/**
 * Runs lexscribe's checks at `cdk synth`: `Aspects.of(app).add(new LexscribeChecks())`.
 *
 * CDK synthesizes (and writes) each Stage before its parent, and does not apply an App's aspects
 * inside a Stage. So one run of the pipeline is kept per App: each Stage the aspect reaches is
 * evaluated after its `prepare` (every template final, cross-stack references already exports) and
 * annotated in its own assembly; the App's own validation then finishes the run once, over every
 * Stage: suppressions that matched nothing anywhere, one report, and the gate, which holds for the
 * stacks of every Stage whatever stacks `cdk synth` selects. `fromContext(app)` adds the aspect to the
 * stages; a stage with stacks that no aspect reached fails the synth.
 */
export class LexscribeChecks implements IAspect {
  /**
   * Enable from `cdk.json` context without code changes: `lexscribe:failOn`, `lexscribe:config`,
   * `lexscribe:failOnUnknown`, `lexscribe:reports`, `lexscribe:showSuppressed`, `lexscribe:pauseOptimizer`, `lexscribe:worker` (so
   * `cdk synth -c lexscribe:failOn=MEDIUM` works). Context wins over `defaults`. Adds the aspect to
   * `scope` and to every Stage below it that exists at this point.
   */
  static fromContext(scope: IConstruct, defaults: LexscribeChecksProps = {}): LexscribeChecks {
    const ctx = (key: string): unknown => scope.node.tryGetContext(`lexscribe:${key}`);
    const flag = (key: string): boolean | undefined => {
      const v = ctx(key);
      if (v === undefined) return undefined;
      if (v === true || v === 'true') return true;
      if (v === false || v === 'false') return false;
      throw new ConfigError(`context lexscribe:${key} must be true or false (got ${JSON.stringify(v)})`);
    };
    const aspect = new LexscribeChecks({
      ...defaults,
      failOn: (ctx('failOn') as Severity | undefined) ?? defaults.failOn,
      config: (ctx('config') as LexscribeConfig | string | undefined) ?? defaults.config,
      failOnUnknown: flag('failOnUnknown') ?? defaults.failOnUnknown,
      reports: flag('reports') ?? defaults.reports,
      showSuppressed: flag('showSuppressed') ?? defaults.showSuppressed,
      pauseOptimizer: flag('pauseOptimizer') ?? defaults.pauseOptimizer,
      worker: flag('worker') ?? defaults.worker,
    });
    for (const target of [scope, ...nestedStages(scope)]) Aspects.of(target).add(aspect);
    return aspect;
  }

  private readonly evaluated = new Map<string, AppResult>();
  /** Stages evaluated on another thread, whose `results` this thread makes only when asked for. */
  private readonly unread = new Map<string, () => AppResult>();
  private readonly settings: GateSettings;
  private readonly checks: readonly Check[];
  private readonly scopes = new Map<IConstruct, IConstruct[]>();
  private readonly visited = new WeakSet<IConstruct>();

  constructor(private readonly props: LexscribeChecksProps = {}) {
    this.checks = props.checks ?? ALL_CHECKS;
    this.settings = resolveSettings(props, this.checks);
  }

  /** Findings of the last synthesis of each stage, by stage path (`''` for the App), for tests and tooling. */
  get results(): Map<string, AppResult> {
    // Evaluated on another thread: the same evaluation again, here, as the caller's objects (graph, resources).
    for (const [path, evaluate] of this.unread) this.evaluated.set(path, evaluate());
    this.unread.clear();
    return this.evaluated;
  }

  visit(node: IConstruct): void {
    // CDK visits a parent before its children: a child of a node already visited is in the same
    // stage (unless it is a Stage) and under the same registered scope, and nothing is left to do.
    const parent = node.node.scope;
    if (parent && this.visited.has(parent) && !Stage.isStage(node)) {
      this.visited.add(node);
      return;
    }
    this.visited.add(node);
    const stage = stageOf(node);
    let scopes = this.scopes.get(stage);
    if (!scopes) {
      const registered: IConstruct[] = (scopes = []);
      this.scopes.set(stage, scopes);
      // A nested Stage is validated (and written) before the App; the App's own stacks are evaluated
      // by the App's one validation, just before it finishes the run.
      const run = rootRun(stage.node.root);
      run.pauseOptimizer &&= this.settings.pauseOptimizer;
      if (stage === stage.node.root) {
        run.own.push({ aspect: this, scopes: registered });
        if (this.offloads && !run.evaluator && largeEnough(stage)) run.evaluator = Evaluator.start();
      } else stage.node.addValidation({ validate: () => withOptimizerPaused(this.settings.pauseOptimizer, () => this.evaluate(stage, readCdkStacks(stage, registered)), (resume) => whenWritten(stage, resume)) });
    }
    // The first node visited from each scope the aspect was added to; its descendants follow.
    if (!isUnder(node, scopes)) scopes.push(node);
  }

  /** This instance's run in the App being synthesized (a new synthesis starts a new run). */
  private pipeline(root: IConstruct): Pipeline {
    const runs = rootRun(root).runs;
    let run = runs.get(this);
    if (!run) runs.set(this, (run = new Pipeline({ checks: this.checks, mode: 'synth', config: this.settings.config, notApplicable: !!this.props.verbose })));
    return run;
  }

  /** Whether this instance may run its checks on another thread: asked to, and checks to run, every one the catalog's. */
  private get offloads(): boolean {
    return this.props.worker !== false && this.checks.length > 0 && catalogIds(this.checks) !== undefined;
  }

  /**
   * The App's own stacks. `alone`: this instance is the App's only one and no Stage was evaluated, so
   * the App's run is this evaluation alone, which may run on another thread (`offload`).
   */
  evaluateOwn(root: IConstruct, scopes: readonly IConstruct[], run: RootRun, alone: boolean): void {
    const read = readCdkStacks(root, scopes);
    if (alone && this.offload(root, read, run)) return;
    this.evaluate(root, read);
  }

  private evaluate(stage: IConstruct, read: CdkStacks): string[] {
    CHECKED.add(stage);
    const root = stage.node.root;
    const result = this.pipeline(root).add({ stacks: read.inputs });
    result.warnings.unshift(...read.warnings);
    this.unread.delete(stage.node.path);
    this.evaluated.set(stage.node.path, result);
    const targets: Targets = { resources: read.resources, stacks: read.stacks };
    for (const a of annotationsOf(result.findings, result.warnings, this.settings)) place(targets, a);
    const gathered = rootRun(root);
    // Not spread into push: a large app's findings are more arguments than a call can take.
    for (const f of result.findings) gathered.findings.push(f);
    gathered.warnings.push(...result.warnings);
    if (stage !== root) gathered.nested.push(...result.findings.filter((f) => isBlocking(f, this.settings)));
    if (this.settings.reports && stage !== root && (stage as Stage).outdir) writeReport((stage as Stage).outdir, result.findings, result.warnings);
    return [];
  }

  /**
   * The App's evaluation on the thread `run.evaluator` started, while CDK writes the assembly; its
   * annotations are placed when CDK has written the stacks, and added to the metadata it wrote
   * (`writeLateMetadata`). False, and nothing sent, when the stage cannot go: a template a source step
   * changed (its values are not all JSON), a stack CDK will write no metadata for, no thread.
   */
  private offload(root: IConstruct, read: CdkStacks, run: RootRun): boolean {
    const large = read.inputs.reduce((n, input) => n + input.resources.length, 0) >= OFFLOAD_MIN_RESOURCES;
    const evaluator = run.evaluator ?? (this.offloads && large ? Evaluator.start() : undefined);
    run.evaluator = undefined;
    const checkIds = catalogIds(this.checks);
    const stacks = [...read.stacks.values()];
    const job: StageJob | undefined =
      evaluator && large && checkIds && read.plain && stacks.every((s) => s.nested || hasMetadata(s, stacks))
        ? { checkIds, settings: this.settings, verbose: !!this.props.verbose, inputs: read.inputs, read: read.warnings, outdir: (root as Stage).outdir }
        : undefined;
    if (!job || !evaluator!.post(job)) {
      evaluator?.end();
      return false;
    }
    CHECKED.add(root);
    this.evaluated.delete(root.node.path);
    this.unread.set(root.node.path, () => evaluateJob(job).result);
    // CDK adds metadata of its own to a stack as it writes it (its tags); lexscribe's goes before, as it would have.
    const before = new Map<IConstruct, number>(stacks.map((s) => [s, s.node.metadata.length]));
    const takeAnswer = (written: boolean) => {
      let outcome = evaluator!.take();
      if ('error' in outcome) {
        process.stderr.write(`[Warning] lexscribe: ${outcome.error}; the checks ran on the App's thread instead\n`);
        outcome = runJob(job);
      }
      const added = this.placeOutcome(root, read, outcome);
      if (written) writeLateMetadata(root as Stage, stacks, added, before);
    };
    // With someone else's custom synthesis on the App, nothing says when CDK has written it: the answer is awaited now.
    if (!whenWritten(root, () => takeAnswer(true))) takeAnswer(false);
    return true;
  }

  /** An outcome's annotations on the constructs, and what each construct got, in order. */
  private placeOutcome(root: IConstruct, read: CdkStacks, outcome: StageOutcome): Map<IConstruct, MetadataEntry[]> {
    const added = new Map<IConstruct, MetadataEntry[]>();
    const targets: Targets = { resources: read.resources, stacks: read.stacks };
    for (const a of outcome.annotations) place(targets, a, added);
    this.placeRunWide(root, outcome.runWide, added);
    return added;
  }

  /** The run-wide part: configuration suppressions no stage used, annotated where `cdk synth` shows them. */
  finishRun(root: IConstruct, run: Pipeline): RunWarning[] {
    const all = run.finish().warnings;
    const local = new Set(rootRun(root).warnings);
    const runWide = all.filter((w) => !local.has(w));
    this.placeRunWide(root, runWide);
    return runWide;
  }

  private placeRunWide(root: IConstruct, runWide: readonly RunWarning[], added?: Map<IConstruct, MetadataEntry[]>): void {
    if (runWide.length === 0) return;
    const stacks = stageContents(root).stacks;
    const targets: Targets = { resources: new Map(), stacks: new Map(stacks.map((s) => [s.stackName, s])) };
    for (const w of runWide) {
      if (stacks.length > 0) place(targets, warningAnnotation(w), added);
      // An App whose stacks all sit in Stages has no stack left to annotate: say it where `cdk synth` prints.
      else process.stderr.write(`[Warning] ${warningText(w)}\n`);
    }
  }

  /** Whether this instance writes reports (the App's report is written when any instance does). */
  get writesReports(): boolean {
    return this.settings.reports;
  }
}

/** The run of an App, registering its one finishing validation the first time it is asked for. */
function rootRun(root: IConstruct): RootRun {
  let run = ROOTS.get(root);
  if (!run) {
    const created: RootRun = { runs: new Map(), own: [], nested: [], findings: [], warnings: [], pauseOptimizer: true };
    ROOTS.set(root, (run = created));
    root.node.addValidation({
      validate: () => {
        try {
          return withOptimizerPaused(created.pauseOptimizer, () => finish(root, created), (resume) => whenWritten(root, resume));
        } finally {
          // Registrations stay, as CDK's validations do; a new synthesis starts a new run.
          created.evaluator?.end();
          created.evaluator = undefined;
          created.runs.clear();
          created.nested.length = 0;
          created.findings.length = 0;
          created.warnings.length = 0;
        }
      },
    });
  }
  return run;
}

/** At the App, after every Stage: the run-wide warnings, the App's report, and the gate over nested Stages. */
function finish(root: IConstruct, run: RootRun): string[] {
  const alone = run.own.length === 1 && run.runs.size === 0;
  for (const { aspect, scopes } of run.own) aspect.evaluateOwn(root, scopes, run, alone);
  const warnings = [...run.warnings];
  let reports = false;
  for (const [aspect, pipeline] of run.runs) {
    warnings.push(...aspect.finishRun(root, pipeline));
    reports ||= aspect.writesReports;
  }
  if (reports && (root as Stage).outdir) writeReport((root as Stage).outdir, run.findings, warnings);
  const errors = uncheckedStages(root);
  if (run.nested.length > 0) {
    errors.push(
      `lexscribe: ${run.nested.length} finding(s) at or above the failOn threshold in stacks inside Stages ` +
        '(`cdk synth` shows their annotations only when those stacks are selected, so the gate is held here):\n' +
        run.nested.map((f) => `  [${f.resource.constructPath ?? `${f.resource.stack}/${f.resource.logicalId}`}] ${annotationText(f)}`).join('\n'),
    );
  }
  return errors;
}

/** An annotation on its construct; what it added, into `added` (by construct, in order) when given. */
function place(targets: Targets, a: Annotation, added?: Map<IConstruct, MetadataEntry[]>): void {
  const target = targetOf(targets, a.constructPath, a.stack);
  if (!target || !annotate(target, a.type, a.message) || !added) return;
  const entries = target.node.metadata;
  let list = added.get(target);
  if (!list) added.set(target, (list = []));
  list.push(entries[entries.length - 1]);
}

/**
 * What `Annotations.of(target).addError/addWarning/addInfo` writes, without a stack trace: the trace
 * of a lexscribe annotation would show only lexscribe's own frames, and capturing one per finding is
 * most of what annotating costs. Like `Annotations`, a message already on the construct is not
 * repeated. `addMetadata`'s `stackTrace` option (default off) is in every constructs 10 release.
 */
function annotate(target: IConstruct, type: AnnotationType, message: string): boolean {
  if (target.node.metadata.some((m) => m.data === message)) return false;
  target.node.addMetadata(type, message, { stackTrace: false });
  return true;
}

/** A stage with stacks that no LexscribeChecks evaluated was never checked, which must not pass silently. */
function uncheckedStages(root: IConstruct): string[] {
  return nestedStages(root)
    .filter((s) => !CHECKED.has(s) && stageContents(s).stacks.length > 0)
    .map(
      (s) =>
        `lexscribe: stage ${s.node.path} was not checked: CDK does not apply an App's aspects inside a Stage. ` +
        `Add the aspect to the stage (Aspects.of(stage).add(new LexscribeChecks(...))), or call LexscribeChecks.fromContext(app) after creating the stages.`,
    );
}
