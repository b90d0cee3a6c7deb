import { FRAMEWORKS, frameworksOf } from '../../checks/frameworks';
import type { Finding, Severity } from '../model/finding';
import { INFORMATION_URI } from '../version';
import { asffId } from './asff';
import { fileLocation, resourceIdentity, resourceLabel, sourceLocation } from './present';
import type { Report } from './report';

/**
 * OCSF Compliance Finding events (class 2003, category Findings), schema 1.3.0: one per FAIL,
 * UNKNOWN, ERROR and SUPPRESSED finding (PASS too with `--verbose`), in a JSON array, for a security
 * lake or a SIEM that reads OCSF (Amazon Security Lake custom sources, Splunk, …). `finding_info.uid`
 * is the finding's stable identity (the one its ASFF `Id` uses when an account and Region are known).
 */
export const OCSF_VERSION = '1.3.0';

const CLASS_UID = 2003;
const CATEGORY_UID = 2;
/** Create: each run reports the state it found; the uid ties a finding's events together. */
const ACTIVITY_ID = 1;

const SEVERITY: Record<Severity, [number, string]> = { INFO: [1, 'Informational'], LOW: [2, 'Low'], MEDIUM: [3, 'Medium'], HIGH: [4, 'High'], CRITICAL: [5, 'Critical'] };

/** OCSF compliance status: 1 Pass, 2 Warning ("no result for missing information"), 3 Fail, 99 Other (the check itself failed). */
function compliance(f: Finding): { status_id: number; status: string } {
  switch (f.status) {
    case 'PASS':
    case 'NOT_APPLICABLE':
      return { status_id: 1, status: 'Pass' };
    case 'UNKNOWN':
      return { status_id: 2, status: 'Warning' };
    case 'FAIL':
    case 'SUPPRESSED':
      return { status_id: 3, status: 'Fail' };
    case 'ERROR':
      return { status_id: 99, status: 'Error' };
  }
}

export interface OcsfEvent {
  [key: string]: unknown;
}

function uid(f: Finding): string {
  const r = f.resource;
  return r.account && r.region ? asffId(f, r.account, r.region) : `lexscribe/${f.checkId}/${resourceIdentity(r)}${f.findingKey ? `/${f.findingKey}` : ''}`;
}

function event(f: Finding, report: Report, cwd: string): OcsfEvent {
  const r = f.resource;
  const [severityId, severity] = SEVERITY[f.severity];
  const time = Date.parse(report.startedAt);
  const account = r.account ? { uid: r.account, type: 'AWS Account', type_id: 10 } : undefined;
  const standards = ['lexscribe', ...frameworksOf(f.checkId).map((id) => FRAMEWORKS.find((fw) => fw.id === id)?.title ?? id)];
  const suppressed = f.status === 'SUPPRESSED';
  return {
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    activity_id: ACTIVITY_ID,
    activity_name: 'Create',
    type_uid: CLASS_UID * 100 + ACTIVITY_ID,
    type_name: 'Compliance Finding: Create',
    time,
    severity_id: severityId,
    severity,
    status_id: suppressed ? 3 : 1,
    status: suppressed ? 'Suppressed' : 'New',
    message: f.reason ?? f.title,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'lexscribe', vendor_name: 'lexscribe', version: report.version, url_string: INFORMATION_URI },
      event_code: f.checkId,
      log_name: `lexscribe ${report.mode}`,
      profiles: ['cloud'],
    },
    finding_info: {
      uid: uid(f),
      title: f.title,
      desc: f.reason ?? f.title,
      types: [f.topic],
      created_time: time,
      src_url: f.docs,
      analytic: { uid: f.checkId, name: f.title, type_id: 1, type: 'Rule' },
    },
    compliance: {
      control: f.checkId,
      standards,
      ...compliance(f),
      ...(f.reason ? { status_detail: f.reason } : {}),
    },
    remediation: { desc: f.remediation, references: [f.docs] },
    resources: [
      {
        uid: r.arn ?? resourceLabel(r),
        name: r.constructPath ?? r.logicalId ?? r.type,
        type: r.type,
        ...(r.region ? { region: r.region } : {}),
        cloud_partition: r.arn?.split(':')[1] || 'aws',
        data: Object.fromEntries(
          Object.entries({ logicalId: r.logicalId, stack: r.stack, constructPath: r.constructPath, template: fileLocation(f, cwd), source: r.source && sourceLocation(r.source, cwd) }).filter(([, v]) => v !== undefined),
        ),
      },
    ],
    cloud: { provider: 'AWS', ...(r.region ? { region: r.region } : {}), ...(account ? { account } : {}) },
    unmapped: Object.fromEntries(
      Object.entries({ status: f.status, findingKey: f.findingKey, propertyPath: f.property?.path, suppression: f.suppression }).filter(([, v]) => v !== undefined),
    ),
  };
}

export function renderOcsf(report: Report, opts: { cwd: string; verbose?: boolean }): OcsfEvent[] {
  return report.findings.filter((f) => f.status !== 'NOT_APPLICABLE' && (f.status !== 'PASS' || opts.verbose)).map((f) => event(f, report, opts.cwd));
}
