import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Aspects, Stage, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import type { Check } from '../engine/check';
import { runChecks, type RunResult } from '../engine/run';
import { ResourceGraph } from '../model/graph';
import { parseSeverity, severityRank, type Finding, type Severity } from '../model/finding';
import { buildReport, REPORT_FILE } from '../report/report';
import { readCdkStacks } from '../sources/cdk';
import { readConfigFile } from '../config/file';

export interface LexscribeChecksProps {
  /**
   * FAIL findings at or above this severity become errors, which stop `cdk synth` and `cdk deploy`.
   * @default 'HIGH'
   */
  readonly failOn?: Severity | Lowercase<Severity>;
  /**
   * Treat UNKNOWN findings (values that cannot be known at synth) as errors too.
   * @default false
   */
  readonly failOnUnknown?: boolean;
  /**
   * Configuration: an object, or the path of a `lexscribe.config.json`/`.yml` (severity overrides,
   * thresholds, disabled checks, suppressions).
   * @default - none
   */
  readonly config?: LexscribeConfig | string;
  /**
   * Write `lexscribe-report.json` (all findings, PASS included) into the cloud assembly.
   * @default true
   */
  readonly reports?: boolean;
  /**
   * Add an info annotation for each suppressed finding.
   * @default false
   */
  readonly showSuppressed?: boolean;
  /**
   * The checks to run.
   * @default - every check of the catalog
   */
  readonly checks?: readonly Check[];
}

/**
 * Runs lexscribe's checks at `cdk synth`: `Aspects.of(app).add(new LexscribeChecks())`.
 *
 * The aspect itself only registers one validation per stage; the checks run after `prepare`, when
 * each stack's CloudFormation (cross-stack exports included) is final, over a graph built once.
 */
export class LexscribeChecks implements IAspect {
  /**
   * Enable from `cdk.json` context without code changes: `lexscribe:failOn`, `lexscribe:config`,
   * `lexscribe:failOnUnknown`, `lexscribe:reports` (so `cdk synth -c lexscribe:failOn=MEDIUM` works).
   */
  static fromContext(scope: IConstruct, defaults: LexscribeChecksProps = {}): LexscribeChecks {
    const ctx = (key: string) => scope.node.tryGetContext(`lexscribe:${key}`);
    const flag = (v: unknown) => (v === undefined ? undefined : v === true || v === 'true');
    const aspect = new LexscribeChecks({
      ...defaults,
      failOn: ctx('failOn') ?? defaults.failOn,
      config: ctx('config') ?? defaults.config,
      failOnUnknown: flag(ctx('failOnUnknown')) ?? defaults.failOnUnknown,
      reports: flag(ctx('reports')) ?? defaults.reports,
    });
    Aspects.of(scope).add(aspect);
    return aspect;
  }

  /** Findings of the last synthesis of each stage, by stage path (for tests and tooling). */
  readonly results = new Map<string, RunResult>();
  private readonly failOn: Severity;
  private readonly config: LexscribeConfig;
  private readonly registered = new WeakSet<IConstruct>();

  constructor(private readonly props: LexscribeChecksProps = {}) {
    const failOn = parseSeverity(props.failOn ?? 'HIGH');
    if (!failOn) throw new Error(`LexscribeChecks: failOn must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL (got ${props.failOn})`);
    this.failOn = failOn;
    this.config = typeof props.config === 'string' ? readConfigFile(props.config) : (props.config ?? {});
  }

  visit(node: IConstruct): void {
    // The first node visited is the scope the aspect was added to.
    const stage = Stage.of(node) ?? node.node.root;
    if (this.registered.has(stage)) return;
    this.registered.add(stage);
    const scope = node;
    stage.node.addValidation({ validate: () => this.evaluate(stage as Stage, scope) });
  }

  private evaluate(stage: Stage, scope: IConstruct): string[] {
    const { inputs, constructs } = readCdkStacks(stage, scope);
    const graph = new ResourceGraph(inputs);
    const result = runChecks(graph, { checks: this.props.checks ?? ALL_CHECKS, mode: 'synth', config: this.config, metadataSource: 'cdk' });
    this.results.set(stage.node.path, result);
    for (const finding of result.findings) {
      const resource = result.resources.get(finding)!;
      const target = constructs.get(resource.key) ?? constructs.get(resource.stack.name) ?? stage;
      this.annotate(target, finding);
    }
    for (const w of result.warnings) {
      const key = w.resource ? `${w.resource.stack}/${w.resource.logicalId}` : undefined;
      const target = (key && constructs.get(key)) || stage;
      Annotations.of(target).addWarningV2(`lexscribe:${w.kind}`, `lexscribe: ${w.message}`);
    }
    if (this.props.reports !== false && stage.outdir) {
      mkdirSync(stage.outdir, { recursive: true });
      writeFileSync(join(stage.outdir, REPORT_FILE), JSON.stringify(buildReport(result.findings, result.warnings, 'synth'), null, 2));
    }
    return [];
  }

  private annotate(target: IConstruct, f: Finding): void {
    const label = f.status === 'FAIL' ? f.severity : `${f.status}, ${f.severity}`;
    const text = `${f.checkId} [${label}] ${f.title}${f.reason ? `: ${f.reason}` : ''}${f.findingKey ? ` (${f.findingKey})` : ''}. Fix: ${f.remediation}`;
    const blocking = (f.status === 'FAIL' && severityRank(f.severity) >= severityRank(this.failOn)) || (f.status === 'UNKNOWN' && this.props.failOnUnknown);
    if (blocking) Annotations.of(target).addError(text);
    else if (f.status === 'FAIL' || f.status === 'UNKNOWN' || f.status === 'ERROR') {
      Annotations.of(target).addWarningV2(`lexscribe:${f.checkId}`, text);
    } else if (f.status === 'SUPPRESSED' && this.props.showSuppressed) {
      Annotations.of(target).addInfo(`${f.checkId} suppressed: ${f.suppression?.reason}`);
    }
  }
}
