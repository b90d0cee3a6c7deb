import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import { computeDrift } from '../drift/drift';
import { JOIN_RULES } from '../drift/identity';
import type { DriftReport } from '../drift/report';
import { Pipeline } from '../engine/pipeline';
import { severityRank, type RunWarning, type Severity } from '../model/finding';
import { InputError } from '../sources/template/errors';
import { loadTemplates } from '../sources/template/load';
import { SessionError } from '../sources/account/credentials';
import { VERSION } from '../version';
import { auditLive, withAccountSuppressions } from './audit';
import type { AuditFlags } from './audit-command';
import { EXIT } from './exit';
import { prepareRun, UsageError, write, type RawTarget, type ReportFlags } from './report-options';
import { parameterValues, readStdin } from './scan';
import type { ScanFlags } from './scan-command';

export type DriftFlags = AuditFlags & ReportFlags & ScanFlags;

/**
 * Run the checks on the templates (their synth side) and on the account (their live side), each
 * through the one pipeline, and join what they say resource by resource.
 */
export async function driftOf(paths: readonly string[], flags: DriftFlags, config: LexscribeConfig): Promise<{ report: DriftReport; inputErrors: InputError[] }> {
  const startedAt = new Date();
  const loaded = loadTemplates([...paths], { parameters: parameterValues(flags), stdin: await readStdin(paths), exclude: flags.exclude, gitignore: flags.gitignore !== false, botFiles: flags.botFiles });
  const code = new Pipeline({ checks: ALL_CHECKS, mode: 'synth', config, now: startedAt });
  const apps = loaded.apps.map((stacks) => {
    const members = new Set(stacks);
    return code.add({ stacks, context: loaded.inputs.filter((i) => !members.has(i)) });
  });
  const codeRun = code.finish();
  const live = await auditLive(flags, { config: withAccountSuppressions(config), progress: !flags.quiet, keepApps: true });
  const accounts = live.report.accounts ?? [];
  const regionsOf = new Map(accounts.filter((a) => a.status !== 'unreadable').map((a) => [a.id, a.regions] as const));
  const result = computeDrift({ apps }, { apps: live.apps.map((a) => a.app), regionsOf }, ALL_CHECKS);
  const warnings: RunWarning[] = [...loaded.errors.map((e): RunWarning => ({ kind: 'input', message: e.message })), ...loaded.warnings, ...codeRun.warnings, ...live.report.warnings];
  const report: DriftReport = {
    tool: 'lexscribe',
    version: VERSION,
    mode: 'drift',
    startedAt: startedAt.toISOString(),
    code: { inputs: [...paths], stacks: loaded.inputs.filter((i) => i.evaluate !== false).length },
    live: { ...(live.report.scope?.organization ? { organization: live.report.scope.organization } : {}), regions: [...new Set(accounts.flatMap((a) => a.regions))], accounts },
    joinedBy: Object.fromEntries(Object.entries(JOIN_RULES).map(([type, rule]) => [type, rule.by])),
    ...result,
    warnings,
  };
  return { report, inputErrors: loaded.errors };
}

/**
 * What fails the run. Without `--fail-on`: any drift, anything on one side only. With it: drift whose
 * live side FAILs at or above it, and resources only the account has whose findings do.
 */
export function driftBlocking(report: DriftReport, failOn: Severity | undefined): string | undefined {
  const noun = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  if (!failOn) {
    const parts = [report.drift.length > 0 && noun(report.drift.length, 'drifting check'), report.onlyInCode.length > 0 && `${noun(report.onlyInCode.length, 'resource')} only in code`, report.onlyLive.length > 0 && `${noun(report.onlyLive.length, 'resource')} only live`].filter(Boolean);
    return parts.length > 0 ? `drift found: ${parts.join(', ')}` : undefined;
  }
  const at = (s: Severity | undefined) => s !== undefined && severityRank(s) >= severityRank(failOn);
  const drifting = report.drift.filter((e) => e.live === 'FAIL' && at(e.severity)).length;
  const unmanaged = report.onlyLive.filter((r) => at(r.liveFailed)).length;
  if (drifting + unmanaged === 0) return undefined;
  const parts = [drifting > 0 && `${noun(drifting, 'drifting check')} ${drifting === 1 ? 'fails' : 'fail'} live`, unmanaged > 0 && `${noun(unmanaged, 'resource')} only live ${unmanaged === 1 ? 'has' : 'have'} FAIL findings`].filter(Boolean);
  return `drift gate failed at or above ${failOn}: ${parts.join(', ')}`;
}

/** `lexscribe drift <paths…>`: returns the exit code (0 no drift, 1 drift, 2 bad usage or unreadable input). */
export async function runDrift(paths: string[], flags: DriftFlags, targets: readonly RawTarget[]): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    const run = await prepareRun(flags, targets);
    // Checked before any call to AWS: ASFF and OCSF take findings, which a drift report does not hold.
    const unsupported = run.targets.find((t) => t.format === 'asff' || t.format === 'ocsf');
    if (unsupported) throw new UsageError(`--format ${unsupported.format}: a drift report is written as text, json, sarif, junit or html`);
    const { report, inputErrors } = await driftOf(paths, flags, run.config);
    for (const e of inputErrors) console.error(`lexscribe: ${e.message}`);
    const { renderDrift } = await import('../report/drift-render');
    const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
    for (const target of run.targets) {
      const text = renderDrift(report, target.format, { color: !target.output && !!process.stdout.isTTY && !noColor });
      if (target.output) write(target.output, text);
      else process.stdout.write(text);
    }
    // The configuration's failOn is the findings gate's; drift fails on any difference unless told otherwise.
    const blocking = driftBlocking(report, flags.failOn === undefined ? undefined : run.policy.failOn);
    if (blocking && !flags.quiet) console.error(`lexscribe: ${blocking}`);
    if (inputErrors.length > 0) return EXIT.USAGE;
    return blocking ? EXIT.GATE : EXIT.OK;
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof SessionError || e instanceof InputError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}
