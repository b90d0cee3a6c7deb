import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { DriftEntry, DriftReport, DriftResource } from '../drift/report';
import type { Severity } from '../model/finding';
import { compareCheckIds, relativeToCwd } from './present';
import { SARIF_SCHEMA } from './sarif';

const SRCROOT = 'SRCROOT';
export const ONLY_IN_CODE = 'DRIFT-ONLY-IN-CODE';
export const ONLY_LIVE = 'DRIFT-ONLY-LIVE';
const SECURITY_SEVERITY: Record<Severity, string> = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '3.0', INFO: '0.0' };

/** What the account does: a live FAIL is as loud as its severity; a live PASS where the code fails is a note. */
function level(e: DriftEntry): Result.level {
  if (e.live !== 'FAIL') return 'note';
  return e.severity === 'CRITICAL' || e.severity === 'HIGH' ? 'error' : e.severity === 'MEDIUM' ? 'warning' : 'note';
}

function locations(r: DriftResource, cwd: string): Location[] {
  const location: Location = {
    logicalLocations: [{ fullyQualifiedName: r.arn ?? `${r.type}/${r.name}`, name: r.name, kind: 'resource', properties: { type: r.type, account: r.account, region: r.region, logicalId: r.logicalId, stack: r.stack } }],
  };
  if (r.file) {
    const rel = relativeToCwd(r.file, cwd);
    location.physicalLocation = {
      artifactLocation: rel === undefined ? { uri: pathToFileURL(resolve(cwd, r.file)).href } : { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT },
      ...(r.line !== undefined && r.line >= 1 ? { region: { startLine: r.line, ...(r.column !== undefined && r.column >= 1 ? { startColumn: r.column } : {}) } } : {}),
    };
  }
  return [location];
}

/**
 * The drift report as SARIF 2.1.0: one result per drifting check (rule: the check), located at the
 * template resource with the account's ARN as a logical location, and one per resource on one side
 * only; undecided and unjoinable resources are tool notifications.
 */
export function renderDriftSarif(report: DriftReport, opts: { cwd: string }): Log {
  const checks = new Map<string, DriftEntry>();
  for (const e of report.drift) if (!checks.has(e.checkId)) checks.set(e.checkId, e);
  const ids = [...checks.keys()].sort(compareCheckIds);
  const rules: ReportingDescriptor[] = [
    ...ids.map((id): ReportingDescriptor => {
      const e = checks.get(id)!;
      return {
        id,
        shortDescription: { text: e.title },
        fullDescription: { text: `${e.title}: the check says one thing of the template and another of the account.` },
        help: { text: `How to fix: ${e.remediation}\n\nDocumentation: ${e.docs}` },
        helpUri: e.docs,
        properties: { tags: ['security', 'drift', e.service, e.topic], 'security-severity': SECURITY_SEVERITY[e.severity] },
      };
    }),
    { id: ONLY_IN_CODE, shortDescription: { text: 'Defined in the templates, not found in the account' }, properties: { tags: ['drift'] } },
    { id: ONLY_LIVE, shortDescription: { text: 'In the account, defined in no template' }, properties: { tags: ['drift'] } },
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [
    ...report.drift.map(
      (e): Result => ({
        ruleId: e.checkId,
        ruleIndex: index.get(e.checkId),
        level: level(e),
        message: { text: `${e.resource.type} ${e.resource.name}: ${e.code} in the code, ${e.live} in the account.${e.liveReason ? ` Account: ${e.liveReason}.` : ''}${e.codeReason ? ` Code: ${e.codeReason}.` : ''}` },
        locations: locations(e.resource, opts.cwd),
        properties: { code: e.code, live: e.live, severity: e.severity },
      }),
    ),
    ...report.onlyInCode.map((r): Result => ({ ruleId: ONLY_IN_CODE, ruleIndex: index.get(ONLY_IN_CODE), level: 'warning', message: { text: `${r.type} ${r.name} is defined in the templates but not found in the account${r.account ? ` ${r.account}` : ''}${r.region ? ` in ${r.region}` : ''}.` }, locations: locations(r, opts.cwd) })),
    ...report.onlyLive.map((r): Result => ({ ruleId: ONLY_LIVE, ruleIndex: index.get(ONLY_LIVE), level: 'warning', message: { text: `${r.type} ${r.name} is in the account but in no template.` }, locations: locations(r, opts.cwd) })),
  ];
  const notifications = [
    ...report.undecided.map((e) => ({ level: 'note' as const, message: { text: `${e.checkId} on ${e.resource.type} ${e.resource.name}: code ${e.code}, live ${e.live}; one side could not be evaluated` }, descriptor: { id: 'drift-undecided' } })),
    ...report.unjoinable.map((u) => ({ level: 'note' as const, message: { text: `${u.side} ${u.type} ${u.logicalId ?? u.name} not joined: ${u.reason}` }, descriptor: { id: 'drift-unjoinable' } })),
    ...report.warnings.map((w) => ({ level: 'warning' as const, message: { text: w.message }, descriptor: { id: w.kind } })),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool, version: report.version, semanticVersion: report.version, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(opts.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, startTimeUtc: report.startedAt, toolExecutionNotifications: notifications }],
        results,
        properties: { mode: report.mode, summary: report.summary },
      },
    ],
  };
}
