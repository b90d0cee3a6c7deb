import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Aspects, Stage, type IAspect, type Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ALL_CHECKS } from '../../checks';
import { ConfigError } from '../config/file';
import type { LexscribeConfig } from '../config/types';
import type { Check } from '../engine/check';
import { runChecks, type RunResult } from '../engine/run';
import { ResourceGraph } from '../model/graph';
import type { Finding, RunWarning, Severity } from '../model/finding';
import { buildReport, REPORT_FILE } from '../report/report';
import { isUnder, readCdkStacks, stageContents } from '../sources/cdk';
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
   * @default - none
   */
  readonly config?: LexscribeConfig | string;
  /**
   * Write `lexscribe-report.json` (all findings, PASS included) into the cloud assembly of each
   * stage (`cdk.out/`, `cdk.out/assembly-<Stage>/`).
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

function stageOf(node: IConstruct): IConstruct {
  return Stage.isStage(node) ? node : (Stage.of(node) ?? node.node.root);
}

function nestedStages(scope: IConstruct): Stage[] {
  return scope.node.findAll().filter((c): c is Stage => c !== scope && Stage.isStage(c));
}

/**
 * Runs lexscribe's checks at `cdk synth`: `Aspects.of(app).add(new LexscribeChecks())`.
 *
 * The aspect itself only registers one validation per stage; the checks run after `prepare`, when
 * each stack's CloudFormation (cross-stack exports included) is final, over a graph built once.
 * CDK does not apply an App's aspects inside a nested `Stage`: add the aspect to each stage too, or
 * call `fromContext(app)` after creating them, which does it. A stage left out fails the synth.
 */
export class LexscribeChecks implements IAspect {
  /**
   * Enable from `cdk.json` context without code changes: `lexscribe:failOn`, `lexscribe:config`,
   * `lexscribe:failOnUnknown`, `lexscribe:reports`, `lexscribe:showSuppressed` (so
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
    });
    for (const target of [scope, ...nestedStages(scope)]) Aspects.of(target).add(aspect);
    return aspect;
  }

  /** Findings of the last synthesis of each stage, by stage path (`''` for the App), for tests and tooling. */
  readonly results = new Map<string, RunResult>();
  private readonly settings: GateSettings;
  private readonly scopes = new Map<IConstruct, IConstruct[]>();

  constructor(private readonly props: LexscribeChecksProps = {}) {
    this.settings = resolveSettings(props, props.checks ?? ALL_CHECKS);
  }

  visit(node: IConstruct): void {
    const stage = stageOf(node);
    let scopes = this.scopes.get(stage);
    if (!scopes) {
      this.scopes.set(stage, (scopes = []));
      stage.node.addValidation({ validate: () => this.evaluate(stage, scopes!) });
    }
    // The first node visited from each scope the aspect was added to; its descendants follow.
    if (!isUnder(node, scopes)) scopes.push(node);
  }

  private evaluate(stage: IConstruct, scopes: IConstruct[]): string[] {
    CHECKED.add(stage);
    const { inputs, resources, stacks } = readCdkStacks(stage, scopes);
    const graph = new ResourceGraph(inputs);
    const result = runChecks(graph, { checks: this.props.checks ?? ALL_CHECKS, mode: 'synth', config: this.settings.config, metadataSource: 'cdk', notApplicable: !!this.props.verbose });
    this.results.set(stage.node.path, result);

    const fallback = stacks.values().next().value as Stack | undefined;
    const targetOf = (path: string | undefined, stackName: string | undefined): IConstruct | undefined =>
      (path && resources.get(path)) || (stackName && stacks.get(stackName)) || fallback;
    withoutStackTraces(() => {
      for (const finding of result.findings) {
        if (finding.status === 'PASS' || finding.status === 'NOT_APPLICABLE') continue;
        const target = targetOf(finding.resource.constructPath, finding.resource.stack);
        if (target) this.annotate(target, finding);
      }
      for (const w of result.warnings) {
        const target = targetOf(w.resource?.constructPath, w.resource?.stack ?? stackNamed(w, stacks));
        if (target) Annotations.of(target).addWarning(w.checkId ? `${w.checkId} ${w.message}` : `lexscribe: ${w.message}`);
      }
    });
    if (this.settings.reports && (stage as Stage).outdir) writeReport((stage as Stage).outdir, result.findings, result.warnings);
    return uncheckedStages(stage);
  }

  private annotate(target: IConstruct, f: Finding): void {
    if (isBlocking(f, this.settings)) Annotations.of(target).addError(annotationText(f));
    // Plain warnings, not CDK-acknowledgeable ones: a finding is accepted through a suppression, which records why.
    else if (f.status === 'FAIL' || f.status === 'UNKNOWN' || f.status === 'ERROR') Annotations.of(target).addWarning(annotationText(f));
    else if (f.status === 'SUPPRESSED' && this.settings.showSuppressed) Annotations.of(target).addInfo(annotationText(f));
  }
}

/**
 * Run `fn` with CDK's metadata stack traces off. The trace of a lexscribe annotation would show only
 * lexscribe's own frames, and capturing one per finding is most of what annotating costs.
 */
function withoutStackTraces(fn: () => void): void {
  const saved = process.env.CDK_DISABLE_STACK_TRACE;
  process.env.CDK_DISABLE_STACK_TRACE = '1';
  try {
    fn();
  } finally {
    if (saved === undefined) delete process.env.CDK_DISABLE_STACK_TRACE;
    else process.env.CDK_DISABLE_STACK_TRACE = saved;
  }
}

/** Stack-wide warnings name their stack in the message (`… on stack Api …`). */
function stackNamed(w: RunWarning, stacks: Map<string, Stack>): string | undefined {
  return [...stacks.keys()].find((name) => w.message.includes(`stack ${name} `));
}

function writeReport(outdir: string, findings: Finding[], warnings: RunWarning[]): void {
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, REPORT_FILE), JSON.stringify(buildReport(findings, warnings, 'synth'), null, 2));
}

/**
 * Nested stages synthesize before their parent; a stage with stacks that no LexscribeChecks
 * evaluated by now was never checked, which must not pass silently.
 */
function uncheckedStages(stage: IConstruct): string[] {
  return nestedStages(stage)
    .filter((s) => !CHECKED.has(s) && stageContents(s).stacks.length > 0)
    .map(
      (s) =>
        `lexscribe: stage ${s.node.path} was not checked: CDK does not apply an App's aspects inside a Stage. ` +
        `Add the aspect to the stage (Aspects.of(stage).add(new LexscribeChecks(...))), or call LexscribeChecks.fromContext(app) after creating the stages.`,
    );
}
