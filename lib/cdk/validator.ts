import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { IConstruct } from 'constructs';
import { ALL_CHECKS } from '../../checks';
import type { Check } from '../engine/check';
import { runPipeline } from '../engine/pipeline';
import type { Finding, RunWarning } from '../model/finding';
import { loadTemplates, type LoadedTemplates } from '../sources/template/load';
import { emptyParameters } from '../sources/template/parameters';
import { VERSION } from '../version';
import { withOptimizerPaused } from './optimizer';
import { isBlocking, resolveSettings, type GateProps, type GateSettings } from './settings';

export interface LexscribeValidatorProps extends GateProps {
  /**
   * The checks to run.
   * @default - every check of the catalog
   */
  readonly checks?: readonly Check[];
}

/**
 * What CDK hands a validation plugin and what it takes back, written out here rather than imported:
 * aws-cdk-lib names these types `IPolicyValidationContextBeta1`, `PolicyValidationPluginReportBeta1`,
 * … from 2.71 (registered with `new App({ policyValidationBeta1: [...] })`) and, since the API
 * graduated, `IPolicyValidationContext`, `PolicyValidationPluginReport`, … (`Validations.of(app)`).
 * These shapes satisfy both, so the plugin works on every aws-cdk-lib in the supported range.
 */
export interface ValidationContext {
  /** The templates CDK wrote, for the stacks it synthesized. */
  readonly templatePaths: string[];
  /** The App (or Stage) being validated; not read. */
  readonly appConstruct?: IConstruct;
}

export interface ViolatingResource {
  readonly resourceLogicalId: string;
  readonly templatePath: string;
  readonly constructPath?: string;
  readonly locations: string[];
}

export interface Violation {
  readonly ruleName: string;
  readonly description: string;
  readonly violatingResources: ViolatingResource[];
  readonly fix?: string;
  readonly severity?: string;
  readonly ruleMetadata?: { readonly [key: string]: string };
}

export interface ValidationReport {
  readonly success: boolean;
  readonly violations: Violation[];
  readonly pluginVersion?: string;
}

const REPORTED = new Set<Finding['status']>(['FAIL', 'UNKNOWN', 'ERROR']);

/** `ConversationLogSettings.AudioLogSettings.0` → `Properties/ConversationLogSettings/AudioLogSettings/0`, as CDK reports locations. */
function location(f: Finding): string[] {
  return f.property ? [`Properties/${f.property.path.replace(/\./g, '/')}`] : [];
}

function violatingResource(f: Finding): ViolatingResource {
  return { resourceLogicalId: f.resource.logicalId ?? f.resource.type, templatePath: f.resource.file ?? '', constructPath: f.resource.constructPath, locations: location(f) };
}

/**
 * lexscribe as a CDK policy-validation plugin: `Validations.of(app).addPlugins(new LexscribeValidator())`
 * (aws-cdk-lib before the API graduated: `new App({ policyValidationBeta1: [new LexscribeValidator()] })`).
 * CDK calls it after synthesis with the written templates; it reads them as `lexscribe scan` does (one
 * app per cloud assembly, nested stacks included) and reports one violation per check id and status.
 * Unlike the aspect it adds no annotations: its report is CDK's validation report.
 */
export class LexscribeValidator {
  readonly name = 'lexscribe';
  readonly version = VERSION;
  readonly ruleIds: string[];
  private readonly settings: GateSettings;
  private readonly checks: readonly Check[];

  constructor(props: LexscribeValidatorProps = {}) {
    this.checks = props.checks ?? ALL_CHECKS;
    this.settings = resolveSettings(props, this.checks);
    this.ruleIds = this.checks.filter((c) => c.modes.includes('synth')).map((c) => c.id);
  }

  validate(context: ValidationContext): ValidationReport {
    // Reading the templates is outside the pause: locating every key is a scan of each character of
    // the file, a loop TurboFan makes several times faster within the one call.
    const loaded = this.read(context);
    return withOptimizerPaused(this.settings.pauseOptimizer, () => this.check(context, loaded));
  }

  private read(context: ValidationContext): LoadedTemplates {
    // Through each assembly's manifest: stack names, environments and nested stack templates come with it.
    const inputs = [...new Set(context.templatePaths.map((p) => (existsSync(join(dirname(p), 'manifest.json')) ? join(dirname(p), 'manifest.json') : p)))];
    return loadTemplates(inputs, { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });
  }

  private check(context: ValidationContext, loaded: LoadedTemplates): ValidationReport {
    const given = new Set(context.templatePaths.map((p) => resolve(p)));
    // Sub-assemblies found through a parent's manifest are checked only when CDK handed their stacks to this plugin.
    const apps = loaded.apps.filter((app) => app.some((input) => input.stack.file && given.has(resolve(input.stack.file)))).map((stacks) => ({ stacks }));
    // Only FAIL, UNKNOWN and ERROR become violations: NOT_APPLICABLE verdicts (a third of all) are not built.
    const { findings, warnings: runWarnings } = runPipeline(apps, { checks: this.checks, mode: 'synth', config: this.settings.config, notApplicable: false });
    const warnings: RunWarning[] = [...loaded.warnings, ...runWarnings];
    const violations: Violation[] = loaded.errors.map((e) => ({
      ruleName: 'lexscribe-input',
      description: `A template could not be read, so its resources were not checked: ${e.message}`,
      severity: 'error',
      violatingResources: [],
    }));
    const groups = new Map<string, Finding[]>();
    for (const f of findings.filter((x) => REPORTED.has(x.status))) {
      const key = `${f.checkId}|${f.status}|${isBlocking(f, this.settings)}`;
      const group = groups.get(key);
      if (group) group.push(f);
      else groups.set(key, [f]);
    }
    for (const group of groups.values()) violations.push(this.violation(group));
    // Expired or unused suppressions, nested stacks whose template is missing: never silent.
    for (const w of warnings) {
      violations.push({
        ruleName: w.checkId ?? `lexscribe-${w.kind}`,
        description: w.checkId ? `${w.checkId} ${w.message}` : w.message,
        severity: 'warning',
        violatingResources: w.resource?.logicalId ? [{ resourceLogicalId: w.resource.logicalId, templatePath: w.resource.file ?? '', constructPath: w.resource.constructPath, locations: [] }] : [],
      });
    }
    return { success: !violations.some((v) => v.severity === 'error'), violations, pluginVersion: VERSION };
  }

  private violation(group: Finding[]): Violation {
    const f = group[0];
    const reasons = [...new Set(group.map((g) => g.reason?.replace(/\.$/, '')).filter((r): r is string => !!r))];
    const label = f.status === 'FAIL' ? f.severity : `${f.status}, ${f.severity}`;
    return {
      ruleName: f.checkId,
      description: `${f.checkId} [${label}] ${f.title}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`,
      fix: `${f.remediation} ${f.docs}`,
      severity: isBlocking(f, this.settings) ? 'error' : 'warning',
      // CDK prints a violation once per resource: a resource with several findings of the check is listed once.
      violatingResources: [...new Map(group.map((g) => [`${g.resource.file}|${g.resource.logicalId}`, violatingResource(g)])).values()],
      ruleMetadata: { severity: f.severity, status: f.status, topic: f.topic, docs: f.docs },
    };
  }
}
