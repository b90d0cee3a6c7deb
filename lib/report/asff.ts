import { createHash } from 'node:crypto';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { FRAMEWORKS, frameworksOf } from '../../checks/frameworks';
import type { Finding, Severity } from '../model/finding';
import { partitionOf } from '../sources/account/regions';
import { fileLocation, resourceIdentity, resourceLabel, sourceLocation } from './present';
import { AsffError } from './asff-error';
import type { Report } from './report';

/**
 * AWS Security Finding Format (ASFF), as AWS Security Hub imports it (`BatchImportFindings`, or
 * `lexscribe audit --security-hub`). Findings go to the account's default product
 * (`product/<account>/default`), one per FAIL, UNKNOWN, ERROR and SUPPRESSED finding (PASS too with
 * `--verbose`); each has an `Id` made from what the finding is about, never from when it was found, so
 * importing a later run updates the finding instead of adding a second one.
 */

export { AsffError };

export interface AsffOptions {
  /** For findings that carry none (environment-agnostic stacks, plain templates): `--asff-account`. */
  account?: string;
  /** For findings that carry none: `--asff-region`. */
  region?: string;
  /** Include PASS findings, as Compliance.Status PASSED. @default false */
  verbose?: boolean;
}

/** What a finding needs beyond itself: where it is imported, and when it was first seen there. */
export interface AsffContext {
  account: string;
  region: string;
  partition: string;
  /** The run's time: `UpdatedAt` and `LastObservedAt`. */
  now: string;
  /** When Security Hub first got this finding (an update keeps it); the run's time for a new one. */
  createdAt?: string;
}

export const SCHEMA_VERSION = '2018-10-08';
export const GENERATOR_PREFIX = 'lexscribe/';

/** ASFF severity labels: INFO is INFORMATIONAL. */
const LABEL: Record<Severity, string> = { INFO: 'INFORMATIONAL', LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH', CRITICAL: 'CRITICAL' };

/** ASFF's finding types for the frameworks a check is mapped to (Security Hub's types taxonomy). */
const FRAMEWORK_TYPE: Record<string, string> = {
  hipaa: 'Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls (USA)',
  'pci-dss': 'Software and Configuration Checks/Industry and Regulatory Standards/PCI-DSS Controls',
};

/** Security Hub's resource types for the CloudFormation types lexscribe reports on; anything else is `Other`. */
const RESOURCE_TYPE: Record<string, string> = {
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::Policy': 'AwsIamPolicy',
  'AWS::IAM::ManagedPolicy': 'AwsIamPolicy',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::Lambda::Function': 'AwsLambdaFunction',
  'AWS::SNS::Topic': 'AwsSnsTopic',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::Logs::LogGroup': 'AwsLogsLogGroup',
  'AWS::CloudWatch::Alarm': 'AwsCloudWatchAlarm',
  'AWS::EC2::VPCEndpoint': 'AwsEc2VpcEndpointService',
  'AWS::Region': 'AwsAccount',
};

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * Where a finding is imported: its own account and Region, else the ones given. Findings of global
 * services (an audit's `<account>/global` scope) have no Region of their own: the given one (for
 * `audit`, the first Region audited).
 */
export function findingEnvironment(f: Finding, opts: AsffOptions): { account?: string; region?: string } {
  const own = f.resource.region && f.resource.region !== 'global' ? f.resource.region : undefined;
  return { account: f.resource.account ?? opts.account, region: own ?? opts.region };
}

/** `arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default`: an account's own findings. */
export function productArn(partition: string, region: string, account: string): string {
  return `arn:${partition}:securityhub:${region}:${account}:product/${account}/default`;
}

/**
 * `lexscribe/123456789012/us-east-1/LEX-DP-2/3f9c…`: check, account, Region, and a hash of the resource
 * (ARN, or stack and logical id) and the finding key or property path. Same finding, same Id.
 */
export function asffId(f: Finding, account: string, region: string): string {
  const what = [account, region, f.checkId, resourceIdentity(f.resource), f.findingKey ?? '', f.findingKey ? '' : (f.property?.path ?? '')].join('\u0000');
  return `${GENERATOR_PREFIX}${account}/${region}/${f.checkId}/${createHash('sha256').update(what).digest('hex').slice(0, 32)}`;
}

function complianceStatus(f: Finding): 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE' {
  switch (f.status) {
    case 'PASS':
    case 'NOT_APPLICABLE':
      return 'PASSED';
    case 'FAIL':
    case 'SUPPRESSED':
      return 'FAILED';
    case 'UNKNOWN':
      // "Some information is missing": what lexscribe could not know.
      return 'WARNING';
    case 'ERROR':
      // "The check could not be performed".
      return 'NOT_AVAILABLE';
  }
}

/** How ASFF names the resource: live resources by ARN; template resources by what names them in the app (Security Hub takes any string). */
export function asffResourceId(f: Finding): string {
  return f.resource.arn ?? resourceLabel(f.resource);
}

function resourceOf(f: Finding, ctx: AsffContext): NonNullable<AwsSecurityFinding['Resources']>[number] {
  const r = f.resource;
  const other: Record<string, string> = { CloudFormationType: r.type };
  if (r.logicalId) other.LogicalId = r.logicalId;
  if (r.stack) other.Stack = r.stack;
  if (r.constructPath) other.ConstructPath = r.constructPath;
  for (const [k, v] of Object.entries(other)) other[k] = truncate(v, 1024);
  return {
    Type: RESOURCE_TYPE[r.type] ?? 'Other',
    Id: asffResourceId(f),
    Partition: ctx.partition as never,
    Region: ctx.region,
    Details: { Other: other },
  };
}

function productFields(f: Finding, report: Pick<Report, 'version' | 'mode'>, cwd: string): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    ProviderName: 'lexscribe',
    ProviderVersion: report.version,
    'lexscribe/CheckId': f.checkId,
    'lexscribe/Status': f.status,
    'lexscribe/Severity': f.severity,
    'lexscribe/Service': f.service,
    'lexscribe/Topic': f.topic,
    'lexscribe/Mode': report.mode,
    'lexscribe/FindingKey': f.findingKey,
    'lexscribe/PropertyPath': f.property?.path,
    'lexscribe/Template': fileLocation(f, cwd),
    'lexscribe/Source': f.resource.source && sourceLocation(f.resource.source, cwd),
    'lexscribe/SuppressionReason': f.suppression?.reason,
    'lexscribe/SuppressionExpires': f.suppression?.expires,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => [k, truncate(v, 2048)]));
}

/**
 * One finding in ASFF. A SUPPRESSED finding is archived (`RecordState: ARCHIVED`), with the workflow
 * status SUPPRESSED and the reason as its note when Security Hub first gets it: an accepted finding
 * leaves the active list, and an expired suppression brings it back as active.
 */
export function toAsff(f: Finding, report: Pick<Report, 'version' | 'mode'>, ctx: AsffContext, cwd: string = process.cwd()): AwsSecurityFinding {
  const created = ctx.createdAt ?? ctx.now;
  const types = ['Software and Configuration Checks/AWS Security Best Practices', ...frameworksOf(f.checkId).flatMap((id) => (FRAMEWORK_TYPE[id] ? [FRAMEWORK_TYPE[id]] : []))];
  const passed = f.status === 'PASS' || f.status === 'NOT_APPLICABLE';
  const severity = { Label: (passed ? 'INFORMATIONAL' : LABEL[f.severity]) as never, Original: f.severity };
  const suppressed = f.status === 'SUPPRESSED';
  const requirements = frameworksOf(f.checkId).map((id) => FRAMEWORKS.find((fw) => fw.id === id)?.title ?? id);
  const description = f.status === 'UNKNOWN' ? `Could not be evaluated: ${f.reason ?? f.title}` : f.status === 'ERROR' ? `The check could not run: ${f.reason ?? ''}` : (f.reason ?? f.title);
  return {
    SchemaVersion: SCHEMA_VERSION,
    Id: asffId(f, ctx.account, ctx.region),
    ProductArn: productArn(ctx.partition, ctx.region, ctx.account),
    ProductName: 'lexscribe',
    CompanyName: 'lexscribe',
    GeneratorId: `${GENERATOR_PREFIX}${f.checkId}`,
    AwsAccountId: ctx.account,
    Region: ctx.region,
    Types: types,
    CreatedAt: created,
    UpdatedAt: ctx.now,
    FirstObservedAt: created,
    LastObservedAt: ctx.now,
    Severity: severity,
    FindingProviderFields: { Severity: severity, Types: types },
    Title: truncate(`${f.checkId} ${f.title}`, 256),
    Description: truncate(description, 1024),
    Remediation: { Recommendation: { Text: truncate(f.remediation, 512), Url: f.docs } },
    SourceUrl: f.docs,
    ProductFields: productFields(f, report, cwd),
    Resources: [resourceOf(f, ctx)],
    Compliance: { Status: complianceStatus(f) as never, SecurityControlId: f.checkId, ...(requirements.length > 0 ? { RelatedRequirements: requirements } : {}) },
    RecordState: (suppressed ? 'ARCHIVED' : 'ACTIVE') as never,
    Workflow: { Status: (suppressed ? 'SUPPRESSED' : passed ? 'RESOLVED' : 'NEW') as never },
    ...(suppressed && f.suppression
      ? { Note: { Text: truncate(`Suppressed in lexscribe (${f.suppression.source}): ${f.suppression.reason}${f.suppression.expires ? ` Until ${f.suppression.expires}.` : ''}`, 512), UpdatedBy: 'lexscribe', UpdatedAt: ctx.now } }
      : {}),
  };
}

/** Findings a report sends to Security Hub: everything a person may act on, and PASS when asked. */
export function isExported(f: Finding, verbose: boolean): boolean {
  if (f.status === 'NOT_APPLICABLE') return false;
  return f.status !== 'PASS' || verbose;
}

/** The report as a JSON array of ASFF findings, what `aws securityhub batch-import-findings --findings` takes (100 at a time). */
export function renderAsff(report: Report, opts: AsffOptions & { cwd: string }): AwsSecurityFinding[] {
  const out: AwsSecurityFinding[] = [];
  const missing = new Set<string>();
  for (const f of report.findings) {
    if (!isExported(f, !!opts.verbose)) continue;
    const { account, region } = findingEnvironment(f, opts);
    if (!account || !region) {
      missing.add(f.resource.stack ?? resourceLabel(f.resource));
      continue;
    }
    out.push(toAsff(f, report, { account, region, partition: partitionOf(region), now: report.startedAt }, opts.cwd));
  }
  if (missing.size > 0) {
    throw new AsffError(
      `ASFF needs an account and a Region for every finding: ${[...missing].slice(0, 3).join(', ')}${missing.size > 3 ? ` and ${missing.size - 3} more` : ''} ${missing.size === 1 ? 'has' : 'have'} no environment; give them with --asff-account and --asff-region`,
    );
  }
  return out;
}

