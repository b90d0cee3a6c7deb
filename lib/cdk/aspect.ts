import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aspects, Stack, Stage, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ALL_CHECKS } from '../../checks';
import { ConfigError } from '../config/file';
import type { LexscribeConfig } from '../config/types';
import type { Check } from '../engine/check';
import { Pipeline, type AppResult } from '../engine/pipeline';
import type { Finding, RunWarning, Severity } from '../model/finding';
import { buildReport, REPORT_FILE } from '../report/report';
import { isUnder, readCdkStacks, stageContents } from '../sources/cdk';
import { withOptimizerPaused } from './optimizer';
import { constructsIn } from './tree';
import { whenWritten } from './written';
import { annotationText, isBlocking, resolveSettings, type GateProps, type GateSettings } from './settings';

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
}

/** Stages some LexscribeChecks has evaluated, whichever instance: the root looks for stages nobody checked. */
const CHECKED = new WeakSet<IConstruct>();

/** What a synthesis of one App gathers from every LexscribeChecks instance, until the App's own validation finishes it. */
interface RootRun {
  readonly runs: Map<LexscribeChecks, Pipeline>;
  /** The App's own stacks, evaluated by each instance that reached them when the run finishes. */
  readonly own: Array<() => void>;
  /** Findings of Stages below the App, whose annotations `cdk synth` only shows when their stacks are selected. */
  readonly nested: Finding[];
  readonly findings: Finding[];
  readonly warnings: RunWarning[];
  /** Whether the App's validation pauses V8's optimizing compiler: unless an instance says not to. */
  pauseOptimizer: boolean;
}
const ROOTS = new WeakMap<IConstruct, RootRun>();

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
   * `lexscribe:failOnUnknown`, `lexscribe:reports`, `lexscribe:showSuppressed`, `lexscribe:pauseOptimizer` (so
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
    });
    for (const target of [scope, ...nestedStages(scope)]) Aspects.of(target).add(aspect);
    return aspect;
  }

  /** Findings of the last synthesis of each stage, by stage path (`''` for the App), for tests and tooling. */
  readonly results = new Map<string, AppResult>();
  private readonly settings: GateSettings;
  private readonly checks: readonly Check[];
  private readonly scopes = new Map<IConstruct, IConstruct[]>();
  private readonly visited = new WeakSet<IConstruct>();

  constructor(private readonly props: LexscribeChecksProps = {}) {
    this.checks = props.checks ?? ALL_CHECKS;
    this.settings = resolveSettings(props, this.checks);
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
      if (stage === stage.node.root) run.own.push(() => this.evaluate(stage, registered));
      else stage.node.addValidation({ validate: () => withOptimizerPaused(this.settings.pauseOptimizer, () => this.evaluate(stage, registered), (resume) => whenWritten(stage, resume)) });
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

  private evaluate(stage: IConstruct, scopes: readonly IConstruct[]): string[] {
    CHECKED.add(stage);
    const root = stage.node.root;
    const { inputs, resources, stacks, warnings: read } = readCdkStacks(stage, scopes);
    const result = this.pipeline(root).add({ stacks: inputs });
    result.warnings.unshift(...read);
    this.results.set(stage.node.path, result);
    const targets: Targets = { resources, stacks };
    for (const finding of result.findings) {
      if (finding.status === 'PASS' || finding.status === 'NOT_APPLICABLE') continue;
      const target = targetOf(targets, finding.resource.constructPath, finding.resource.stack);
      if (target) this.annotate(target, finding);
    }
    for (const w of result.warnings) warn(targets, w);
    const gathered = rootRun(root);
    // Not spread into push: a large app's findings are more arguments than a call can take.
    for (const f of result.findings) gathered.findings.push(f);
    gathered.warnings.push(...result.warnings);
    if (stage !== root) gathered.nested.push(...result.findings.filter((f) => isBlocking(f, this.settings)));
    if (this.settings.reports && stage !== root && (stage as Stage).outdir) writeReport((stage as Stage).outdir, result.findings, result.warnings);
    return [];
  }

  /** The run-wide part: configuration suppressions no stage used, annotated where `cdk synth` shows them. */
  finishRun(root: IConstruct, run: Pipeline): RunWarning[] {
    const all = run.finish().warnings;
    const local = new Set(rootRun(root).warnings);
    const runWide = all.filter((w) => !local.has(w));
    if (runWide.length === 0) return runWide;
    const stacks = stageContents(root).stacks;
    const targets: Targets = { resources: new Map(), stacks: new Map(stacks.map((s) => [s.stackName, s])) };
    for (const w of runWide) {
      if (stacks.length > 0) warn(targets, w);
      // An App whose stacks all sit in Stages has no stack left to annotate: say it where `cdk synth` prints.
      else process.stderr.write(`[Warning] ${warningText(w)}\n`);
    }
    return runWide;
  }

  private annotate(target: IConstruct, f: Finding): void {
    if (isBlocking(f, this.settings)) annotate(target, 'aws:cdk:error', annotationText(f));
    // Plain warnings, not CDK-acknowledgeable ones: a finding is accepted through a suppression, which records why.
    else if (f.status === 'FAIL' || f.status === 'UNKNOWN' || f.status === 'ERROR') annotate(target, 'aws:cdk:warning', annotationText(f));
    else if (f.status === 'SUPPRESSED' && this.settings.showSuppressed) annotate(target, 'aws:cdk:info', annotationText(f));
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
  for (const evaluate of run.own) evaluate();
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

function warningText(w: RunWarning): string {
  return w.checkId ? `${w.checkId} ${w.message}` : `lexscribe: ${w.message}`;
}

function warn(targets: Targets, w: RunWarning): void {
  const target = targetOf(targets, w.resource?.constructPath, w.resource?.stack);
  if (target) annotate(target, 'aws:cdk:warning', warningText(w));
}

/** The metadata types of CDK's annotations (`ArtifactMetadataEntryType`), which the CLI prints and fails on. */
type AnnotationType = 'aws:cdk:error' | 'aws:cdk:warning' | 'aws:cdk:info';

/**
 * What `Annotations.of(target).addError/addWarning/addInfo` writes, without a stack trace: the trace
 * of a lexscribe annotation would show only lexscribe's own frames, and capturing one per finding is
 * most of what annotating costs. Like `Annotations`, a message already on the construct is not
 * repeated. `addMetadata`'s `stackTrace` option (default off) is in every constructs 10 release.
 */
function annotate(target: IConstruct, type: AnnotationType, message: string): void {
  if (target.node.metadata.some((m) => m.data === message)) return;
  target.node.addMetadata(type, message, { stackTrace: false });
}

function writeReport(outdir: string, findings: Finding[], warnings: RunWarning[]): void {
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, REPORT_FILE), JSON.stringify(buildReport(findings, warnings, 'synth'), null, 2));
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
