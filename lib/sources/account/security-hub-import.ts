import type { AwsSecurityFinding, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Finding } from '../../model/finding';
import { asffId, asffResourceId, GENERATOR_PREFIX, isExported, productArn, toAsff } from '../../report/asff';
import type { Report } from '../../report/report';
import type { ClientPool } from './clients';
import { errorName } from './collectors/support/calls';
import { GLOBAL_SCOPE } from './runner';

export { SECURITY_HUB_IMPORT, SECURITY_HUB_WRITES } from './operations';

/**
 * `lexscribe audit --security-hub`: the audit's findings into the audited account's AWS Security Hub,
 * Region by Region, through BatchImportFindings, the only write the audit ever sends (and only with the
 * flag). Each finding keeps its `Id` from run to run, so a run updates what the last one imported. Of
 * the findings lexscribe imported earlier and Security Hub still holds as active, those whose resource
 * now passes the check are updated to `Compliance.Status: PASSED` (Security Hub then resolves them),
 * and those the run no longer reports at all (the resource is gone, or the check no longer applies)
 * are archived, for the checks that ran: a run restricted to some checks leaves the others alone.
 * Suppressed findings are sent archived (see `toAsff`).
 */

/** BatchImportFindings takes at most 100 findings per call. */
export const BATCH_SIZE = 100;

export interface ImportFailure {
  region: string;
  /** The finding's Id, or undefined when a whole call failed. */
  id?: string;
  code: string;
  message: string;
}

export interface RegionImport {
  region: string;
  /** Findings sent and accepted: new or updated, resolved and archived ones included. */
  imported: number;
  /** Earlier findings now passing (updated to PASSED). */
  resolved: number;
  /** Earlier findings no longer reported (archived). */
  archived: number;
  failed: ImportFailure[];
}

export interface ImportOptions {
  pool: Pick<ClientPool, 'get'>;
  account: string;
  partition: string;
  /** Where findings of global services (IAM, Organizations) go: the first audited Region. */
  home: string;
  /** Every audited Region: earlier findings are looked for there even when this run found nothing in it. */
  regions: readonly string[];
  /** Ids of the checks that ran (an earlier finding of another check is left as it is). */
  checks: ReadonlySet<string>;
  now: Date;
}

/** Fields Security Hub adds or that only its users may change after creation: not sent back with an update. */
const NOT_RESENT = ['ProcessedAt', 'Workflow', 'WorkflowState', 'Note', 'UserDefinedFields', 'VerificationState', 'SeverityNormalized', 'SeverityProduct', 'Confidence', 'Criticality'] as const;

function resendable(existing: AwsSecurityFinding, changes: Partial<AwsSecurityFinding>): AwsSecurityFinding {
  const copy: Record<string, unknown> = { ...existing, ...changes };
  for (const key of NOT_RESENT) delete copy[key];
  // Security Hub's own product fields (aws/securityhub/…) are not the provider's to send.
  if (existing.ProductFields) copy.ProductFields = Object.fromEntries(Object.entries(existing.ProductFields).filter(([k]) => !k.startsWith('aws/')));
  return copy as unknown as AwsSecurityFinding;
}

async function earlierFindings(client: SecurityHubClient, sh: typeof import('@aws-sdk/client-securityhub'), product: string, account: string): Promise<AwsSecurityFinding[]> {
  const filters = {
    ProductArn: [{ Value: product, Comparison: 'EQUALS' as const }],
    GeneratorId: [{ Value: GENERATOR_PREFIX, Comparison: 'PREFIX' as const }],
    AwsAccountId: [{ Value: account, Comparison: 'EQUALS' as const }],
    RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' as const }],
  };
  const found: AwsSecurityFinding[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new sh.GetFindingsCommand({ Filters: filters, MaxResults: 100, NextToken }));
    found.push(...(page.Findings ?? []));
    NextToken = page.NextToken || undefined;
  } while (NextToken);
  // The filters say the same; applied again, so that nothing but lexscribe's own active findings is ever touched.
  return found.filter((f) => f.ProductArn === product && f.AwsAccountId === account && f.GeneratorId?.startsWith(GENERATOR_PREFIX) && f.RecordState === 'ACTIVE');
}

function failure(region: string, e: unknown): ImportFailure {
  return { region, code: errorName(e) ?? 'Error', message: e instanceof Error ? e.message : String(e) };
}

async function importRegion(region: string, findings: readonly Finding[], report: Report, opts: ImportOptions): Promise<RegionImport> {
  const sh = await import('@aws-sdk/client-securityhub');
  const client = opts.pool.get(sh.SecurityHubClient, region);
  const result: RegionImport = { region, imported: 0, resolved: 0, archived: 0, failed: [] };
  const now = opts.now.toISOString();
  const product = productArn(opts.partition, region, opts.account);
  let earlier: AwsSecurityFinding[] = [];
  try {
    earlier = await earlierFindings(client, sh, product, opts.account);
  } catch (e) {
    // Without them nothing can be resolved or archived; the run's own findings are still sent.
    result.failed.push({ ...failure(region, e), message: `could not read the findings imported earlier (securityhub:GetFindings): ${e instanceof Error ? e.message : String(e)}` });
  }
  const byId = new Map(earlier.filter((f) => f.Id).map((f) => [f.Id!, f]));
  const outgoing: Array<{ finding: AwsSecurityFinding; kind: 'current' | 'resolved' | 'archived' }> = [];
  const reported = new Set<string>();
  /** `check|resource` of every PASS: a finding key that is gone from a resource that now passes was fixed, not lost. */
  const passing = new Set<string>();
  for (const f of findings) {
    const id = asffId(f, opts.account, region);
    reported.add(id);
    if (f.status === 'PASS') passing.add(`${f.checkId}|${asffResourceId(f)}`);
    const before = byId.get(id);
    const ctx = { account: opts.account, region, partition: opts.partition, now, createdAt: before?.CreatedAt };
    if (isExported(f, false)) outgoing.push({ finding: toAsff(f, report, ctx), kind: 'current' });
    else if (before && f.status === 'PASS') outgoing.push({ finding: toAsff(f, report, ctx), kind: 'resolved' });
  }
  for (const [id, before] of byId) {
    const checkId = before.GeneratorId!.slice(GENERATOR_PREFIX.length);
    if (reported.has(id) || !opts.checks.has(checkId)) continue;
    const updated = { UpdatedAt: now, LastObservedAt: now };
    if (passing.has(`${checkId}|${before.Resources?.[0]?.Id}`)) {
      const severity = { Label: 'INFORMATIONAL' as never, Original: before.Severity?.Original };
      const fields = { ...before.FindingProviderFields, Severity: severity };
      outgoing.push({ finding: resendable(before, { ...updated, Compliance: { ...before.Compliance, Status: 'PASSED' as never }, Severity: severity, FindingProviderFields: fields }), kind: 'resolved' });
    } else {
      outgoing.push({ finding: resendable(before, { ...updated, RecordState: 'ARCHIVED' as never }), kind: 'archived' });
    }
  }
  for (let i = 0; i < outgoing.length; i += BATCH_SIZE) {
    const batch = outgoing.slice(i, i + BATCH_SIZE);
    try {
      const out = await client.send(new sh.BatchImportFindingsCommand({ Findings: batch.map((b) => b.finding) }));
      const failedIds = new Set<string>();
      for (const ff of out.FailedFindings ?? []) {
        if (ff.Id) failedIds.add(ff.Id);
        result.failed.push({ region, id: ff.Id, code: ff.ErrorCode ?? 'Error', message: ff.ErrorMessage ?? '' });
      }
      for (const b of batch) {
        if (failedIds.has(b.finding.Id!)) continue;
        result.imported++;
        if (b.kind === 'resolved') result.resolved++;
        if (b.kind === 'archived') result.archived++;
      }
    } catch (e) {
      // The whole call failed (Security Hub not enabled here, access denied, throttled past the retries).
      const f = failure(region, e);
      for (const b of batch) result.failed.push({ ...f, id: b.finding.Id });
    }
  }
  return result;
}

/** Import the report's findings into Security Hub, each into its own Region's hub (global services': the home Region's). */
export async function importFindings(report: Report, opts: ImportOptions): Promise<RegionImport[]> {
  const byRegion = new Map<string, Finding[]>(opts.regions.map((r) => [r, []]));
  for (const f of report.findings) {
    if (f.resource.account && f.resource.account !== opts.account) continue;
    // Findings of global services (the `<account>/global` scope) go to the home Region's hub.
    const region = !f.resource.region || f.resource.region === GLOBAL_SCOPE ? opts.home : f.resource.region;
    const list = byRegion.get(region);
    if (list) list.push(f);
    else byRegion.set(region, [f]);
  }
  const results: RegionImport[] = [];
  for (const [region, findings] of byRegion) results.push(await importRegion(region, findings, report, opts));
  return results;
}
