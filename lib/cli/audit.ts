import { createHash } from 'node:crypto';
import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../config/types';
import { Pipeline, type AppResult, type RunResult } from '../engine/pipeline';
import type { RunWarning } from '../model/finding';
import { buildReport, compareAuditFindings, type AccountInfo, type Report, type ReportScope } from '../report/report';
import { inShard, parseAccountIds, parseShard, readAccountsFile, selectAccounts, shardLabel, type AccountRef, type Shard } from '../sources/account/accounts';
import { auditAccounts, type AccountAudit, type AccountProgress } from '../sources/account/accounts-run';
import { createRequestHandler, type TestHooks } from '../sources/account/clients';
import { ALL_COLLECTORS } from '../sources/account/collectors';
import { SessionError } from '../sources/account/credentials';
import { CREDENTIAL_OPERATIONS } from '../sources/account/operations';
import { listOrganizationAccounts, memberRoleArn } from '../sources/account/organization';
import { parseRegions } from '../sources/account/regions';
import { coverageWarnings } from '../sources/account/runner';
import type { RegionImport } from '../sources/account/security-hub-import';
import { openSession, type AccountTarget, type Session } from '../sources/account/session';
import { DEFAULT_ACCOUNT_CONCURRENCY, type AuditFlags } from './audit-command';
import { accountsProgress, terminalProgress } from './audit-progress';
import { EXIT } from './exit';
import { finishRun, prepareRun, UsageError, type RawTarget, type ReportFlags } from './report-options';

/**
 * Test-only: a module that adapts requests to an emulator's quirks and records the commands sent
 * (see `TestHooks`). Loaded only when this variable is set; nothing in the product sets it.
 */
export const TEST_HOOKS_ENV = 'LEXSCRIBE_TEST_REQUEST_HANDLER';

async function testHooks(): Promise<TestHooks | undefined> {
  const path = process.env[TEST_HOOKS_ENV];
  return path ? ((await import(path)) as TestHooks) : undefined;
}

export interface AccountStats {
  account: string;
  status: AccountAudit['status'];
  resources: number;
  requests: number;
  durationMs: number;
}

export interface AuditStats {
  /** The caller's account. */
  account: string;
  regions: string[];
  /** Accounts audited (1 without --org or --accounts). */
  accounts: number;
  resources: number;
  /** Calls collectors made, and HTTP requests sent (retries included). */
  calls: number;
  requests: number;
  /** Requests in flight on average while collecting (at most the concurrency, times the accounts at once). */
  meanInFlight: number;
  failedCalls: number;
  durationMs: number;
  perAccount: AccountStats[];
}

export interface AuditRunOptions {
  config?: LexscribeConfig;
  verbose?: boolean;
  /** Show progress (bars on a terminal; in a multi-account audit, a line per account otherwise). */
  progress?: boolean;
  /** Keep each account's graph and findings (`LiveAudit.apps`, for `drift`); an audit lets them go as it goes. */
  keepApps?: boolean;
}

/** An audit as the pipeline evaluated it: the report, and each account's graph and findings (for `drift`). */
export interface LiveAudit {
  report: Report;
  stats: AuditStats;
  run: RunResult;
  /** Each account's graph and findings, with `keepApps`. */
  apps: Array<{ account: string; app: AppResult }>;
  /** With `--security-hub`: what was imported into each Region's hub. */
  securityHub?: RegionImport[];
}

/** Ids of the checks a run evaluates against an account: those with a live side that the configuration leaves on. */
function liveChecksRun(config: LexscribeConfig | undefined): Set<string> {
  return new Set(ALL_CHECKS.filter((c) => c.sides.live && config?.checks?.[c.id]?.enabled !== false).map((c) => c.id));
}

/** The account flags, checked before any call to AWS. */
interface AccountPlan {
  multi: boolean;
  include?: AccountRef[];
  exclude: string[];
  shard?: Shard;
}

function usage<T>(flag: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError(`${flag}: ${(e as Error).message}`);
  }
}

function planAccounts(flags: AuditFlags): AccountPlan {
  const ids = usage('--accounts', () => parseAccountIds(flags.accounts ?? []));
  const fromFile = flags.accountsFile ? usage('--accounts-file', () => readAccountsFile(flags.accountsFile!)) : [];
  const exclude = usage('--exclude-accounts', () => parseAccountIds(flags.excludeAccounts ?? []));
  const shard = flags.shard === undefined ? undefined : usage('--shard', () => parseShard(flags.shard!));
  const named = ids.length > 0 || flags.accountsFile !== undefined;
  const multi = !!flags.org || named;
  if (multi && !flags.orgRole) throw new UsageError(`${flags.org ? '--org' : '--accounts'} needs --org-role NAME, the role to assume in each account (e.g. OrganizationAccountAccessRole)`);
  if (!multi) {
    const stray = [flags.orgRole && '--org-role', exclude.length > 0 && '--exclude-accounts', shard && '--shard'].filter(Boolean);
    if (stray.length > 0) throw new UsageError(`${stray.join(', ')} need${stray.length === 1 ? 's' : ''} --org, --accounts or --accounts-file`);
  }
  if (flags.accountsFile !== undefined && fromFile.length === 0) throw new UsageError(`--accounts-file: ${flags.accountsFile} names no account`);
  const include = named ? [...ids.map((id) => ({ id })), ...fromFile.filter((a) => !ids.includes(a.id))] : undefined;
  return { multi, include, exclude, shard };
}

function digest(config: LexscribeConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex');
}

/**
 * A configuration suppression whose `resource` is an account id covers every resource of that account:
 * live resources are known as `<account>/<region>/<id>`, which `<account>/**` matches.
 */
export function withAccountSuppressions(config: LexscribeConfig): LexscribeConfig {
  if (!config.suppressions?.some((s) => s.resource && /^\d{12}$/.test(s.resource))) return config;
  return { ...config, suppressions: config.suppressions.map((s) => (s.resource && /^\d{12}$/.test(s.resource) ? { ...s, resource: `${s.resource}/**` } : s)) };
}

function label(a: { id: string; name?: string }): string {
  return a.name ? `${a.id} (${a.name})` : a.id;
}

interface Targets {
  targets: AccountTarget[];
  notes: string[];
  scope?: Omit<ReportScope, 'regions' | 'configDigest'>;
}

/** The accounts of a multi-account audit: the organization's or the named ones, narrowed, then sharded. */
async function resolveTargets(plan: AccountPlan, flags: AuditFlags, caller: Session): Promise<Targets> {
  const notes: string[] = [];
  const listed = flags.org ? await listOrganizationAccounts(caller.pool, caller.home) : undefined;
  if (listed && listed.inactive.length > 0) notes.push(`${listed.inactive.length} account${listed.inactive.length === 1 ? ' is' : 's are'} not active and left out: ${listed.inactive.join(', ')}`);
  const { accounts, notListed } = selectAccounts(listed?.accounts, { include: plan.include, exclude: plan.exclude });
  if (notListed.length > 0) notes.push(`not active accounts of the organization, left out: ${notListed.join(', ')}`);
  if (accounts.length === 0) throw new UsageError('no account to audit: the organization lists none, or --accounts/--exclude-accounts leave none');
  const inThisShard = plan.shard ? accounts.filter((a) => inShard(a.id, plan.shard!)) : accounts;
  // Said on stderr, not in the report: a shard's report must merge into what the whole run would write.
  if (plan.shard && inThisShard.length === 0 && !flags.quiet) process.stderr.write(`lexscribe: shard ${shardLabel(plan.shard)} holds none of the ${accounts.length} accounts\n`);
  const targets = inThisShard.map((a): AccountTarget => ({ ...a, ...(a.id === caller.account ? {} : { roleArn: memberRoleArn(caller.partition, a.id, flags.orgRole!) }) }));
  return {
    targets,
    notes,
    scope: { ...(listed?.organizationId ? { organization: listed.organizationId } : {}), selected: accounts.map((a) => a.id), ...(plan.shard ? { shard: plan.shard } : {}) },
  };
}

function accountInfo(a: AccountAudit): AccountInfo {
  return {
    id: a.target.id,
    ...(a.target.name ? { name: a.target.name } : {}),
    status: a.status,
    ...(a.target.roleArn ? { role: a.target.roleArn } : {}),
    regions: a.regions,
    resources: a.collected?.resources ?? 0,
    failedCalls: a.collected?.failures.filter((f) => f.failure.kind !== 'not-found').length ?? 0,
    ...(a.reason ? { reason: a.reason } : {}),
  };
}

/** Warnings about one account of a multi-account audit, each naming it. */
function accountWarnings(a: AccountAudit): RunWarning[] {
  const about = { type: 'AWS::Region', account: a.target.id };
  if (a.status === 'unreadable') {
    return [{ kind: 'coverage', message: `account ${label(a.target)}: ${a.reason}; nothing in it was read, and every check is UNKNOWN there`, resource: about }];
  }
  return [...a.notes.map((n): RunWarning => ({ kind: 'coverage', message: `account ${label(a.target)}: ${n}`, resource: about })), ...coverageWarnings(a.collected!, { account: a.target.id })];
}

/**
 * Collect the account (or every account of the organization), run the live checks and build the report
 * (`mode: 'audit'`). Each account is one app of one pipeline run, so configuration suppressions, and
 * whether each was used, are decided once over all of them.
 */
export async function auditLive(flags: AuditFlags, opts: AuditRunOptions = {}): Promise<LiveAudit> {
  const startedAt = new Date();
  const regions = usage('--region', () => parseRegions(flags.region));
  const plan = planAccounts(flags);
  // Security Hub takes an account's findings in that account: one audited account, its own hub.
  if (flags.securityHub && plan.multi) throw new UsageError('--security-hub imports into the audited account\'s own hub: run it per account (an organization collects them in its delegated administrator with Security Hub\'s cross-account aggregation)');
  const importer = flags.securityHub ? await import('../sources/account/security-hub-import') : undefined;
  const hooks = await testHooks();
  const accountConcurrency = flags.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY;
  // One socket pool for every account of the run.
  const handler = plan.multi ? await createRequestHandler({ requestTimeoutMs: flags.timeout * 1000, concurrency: flags.concurrency * accountConcurrency, hooks }) : undefined;
  // How every account of the run is reached: the caller's session and each member's alike.
  const connection = {
    regions,
    allRegions: !!flags.allRegions,
    endpoint: flags.endpointUrl,
    maxAttempts: flags.maxAttempts,
    requestTimeoutMs: flags.timeout * 1000,
    concurrency: flags.concurrency,
    hooks,
    handler,
  };
  let caller: Session;
  try {
    caller = await openSession({
      ...connection,
      profile: flags.profile,
      roleArn: flags.roleArn,
      externalId: flags.externalId,
      allow: plan.multi ? CREDENTIAL_OPERATIONS : undefined,
      // The one write, and only when asked for: every other call is still refused unless it is a read.
      writes: importer?.SECURITY_HUB_WRITES,
    });
  } catch (e) {
    handler?.destroy?.();
    throw e;
  }
  const config = opts.config ?? {};
  const pipeline = new Pipeline({ checks: ALL_CHECKS, mode: 'live', config: withAccountSuppressions(config), now: startedAt });
  const audits: AccountAudit[] = [];
  const apps: LiveAudit['apps'] = [];
  let targets: Targets;
  let progress: (AccountProgress & { stop(): void }) | undefined;
  const collectStart = Date.now();
  try {
    targets = plan.multi ? await resolveTargets(plan, flags, caller) : { targets: [{ id: caller.account }], notes: [] };
    if (opts.progress) progress = plan.multi ? await accountsProgress(process.stderr) : await singleAccountProgress();
    await auditAccounts(
      caller,
      targets.targets,
      {
        ...connection,
        externalId: flags.externalId,
        collectors: ALL_COLLECTORS,
        accountConcurrency,
        since: flags.since === undefined ? undefined : new Date(Date.now() - flags.since * 86_400_000),
        progress,
        reuseCaller: !plan.multi,
      },
      (audit) => {
        audits.push(audit);
        const app = pipeline.add({ stacks: audit.stacks });
        if (opts.keepApps) apps.push({ account: audit.target.id, app });
      },
    );
  } catch (e) {
    caller.pool.close();
    handler?.destroy?.();
    throw e;
  } finally {
    progress?.stop();
    // The import below still needs the account's clients.
    if (!importer) {
      caller.pool.close();
      handler?.destroy?.();
    }
  }
  const collectMs = Date.now() - collectStart;
  const run = pipeline.finish();
  // Every live finding names its account and Region, those about resources without an ARN included.
  for (const [finding, resource] of run.resources) {
    finding.resource.account ??= resource.stack.account;
    finding.resource.region ??= resource.stack.region;
  }
  run.findings.sort(compareAuditFindings);
  audits.sort((a, b) => a.target.id.localeCompare(b.target.id));
  const notes = [...caller.notes, ...targets.notes].map((message): RunWarning => ({ kind: 'coverage', message }));
  const warnings = plan.multi ? [...run.warnings, ...notes, ...audits.flatMap(accountWarnings)] : [...run.warnings, ...notes, ...coverageWarnings(audits[0].collected!)];
  const scope: ReportScope | undefined = targets.scope && { ...targets.scope, regions: flags.allRegions ? ['all', ...regions] : regions.length > 0 ? regions : caller.regions, configDigest: digest(config) };
  const report = buildReport(run.findings, warnings, 'audit', { verbose: opts.verbose, startedAt, accounts: audits.map(accountInfo), ...(scope ? { scope } : {}) });
  let securityHub: RegionImport[] | undefined;
  if (importer) {
    try {
      securityHub = await importer.importFindings(report, {
        pool: caller.pool,
        account: caller.account,
        partition: caller.partition,
        home: caller.regions[0],
        regions: caller.regions,
        checks: liveChecksRun(opts.config),
        now: startedAt,
      });
    } finally {
      caller.pool.close();
      handler?.destroy?.();
    }
  }
  return { report, stats: stats(caller, audits, startedAt.getTime(), collectMs), run, apps, ...(securityHub ? { securityHub } : {}) };
}

/** One line per Region, and one per finding Security Hub refused; true when everything was imported. */
function reportImport(imports: readonly RegionImport[], quiet: boolean): boolean {
  const say = (line: string) => process.stderr.write(`lexscribe: ${line}\n`);
  for (const r of imports) {
    if (!quiet) say(`Security Hub ${r.region}: ${r.imported} finding${r.imported === 1 ? '' : 's'} imported (${r.resolved} now passing, ${r.archived} archived)${r.failed.length > 0 ? `, ${r.failed.length} failed` : ''}`);
    for (const f of r.failed.slice(0, 20)) say(`Security Hub ${r.region}: not imported${f.id ? ` ${f.id}` : ''}: ${f.code}: ${f.message}`);
    if (r.failed.length > 20) say(`Security Hub ${r.region}: … and ${r.failed.length - 20} more not imported`);
  }
  return imports.every((r) => r.failed.length === 0);
}

async function singleAccountProgress(): Promise<(AccountProgress & { stop(): void }) | undefined> {
  const bars = await terminalProgress(process.stderr);
  return bars && { planned: () => undefined, started: () => bars, finished: () => undefined, stop: () => bars.stop() };
}

function stats(caller: Session, audits: readonly AccountAudit[], started: number, collectMs: number): AuditStats {
  const sum = (f: (a: AccountAudit) => number) => audits.reduce((n, a) => n + f(a), 0);
  return {
    account: caller.account,
    regions: audits[0]?.regions ?? caller.regions,
    accounts: audits.length,
    resources: sum((a) => a.collected?.resources ?? 0),
    calls: sum((a) => a.collected?.calls ?? 0),
    requests: sum((a) => a.requests),
    meanInFlight: sum((a) => a.requestMs) / Math.max(1, collectMs),
    failedCalls: sum((a) => a.collected?.failures.filter((f) => f.failure.kind !== 'not-found').length ?? 0),
    durationMs: Date.now() - started,
    perAccount: audits.map((a) => ({ account: a.target.id, status: a.status, resources: a.collected?.resources ?? 0, requests: a.requests, durationMs: a.durationMs })),
  };
}

/** One account's (or an organization's) audit: the report, the figures the benchmark prints, and the Security Hub import. */
export async function auditAccount(flags: AuditFlags, opts: AuditRunOptions = {}): Promise<{ report: Report; stats: AuditStats; securityHub?: RegionImport[] }> {
  const { report, stats, securityHub } = await auditLive(flags, opts);
  return { report, stats, ...(securityHub ? { securityHub } : {}) };
}

/** `lexscribe audit`: returns the exit code. Reports and the gate are the same as `scan`'s. */
export async function runAudit(flags: AuditFlags & ReportFlags, targets: readonly RawTarget[]): Promise<number> {
  // The SDK's Node-version notice would be the only line on stderr of a clean run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    const run = await prepareRun(flags, targets);
    const { report, stats, securityHub } = await auditAccount(flags, { config: run.config, verbose: flags.verbose, progress: !flags.quiet });
    // ASFF of global services' findings (IAM, Organizations) names the first Region audited, as the import does.
    run.flags.asffRegion ??= stats.regions[0];
    const code = await finishRun(report, run);
    // The reports are written and the gate has spoken; an import that did not fully land is its own failure.
    if (securityHub && !reportImport(securityHub, !!flags.quiet)) return EXIT.DELIVERY;
    return code;
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof SessionError)) throw e;
    console.error(`lexscribe: ${e.message}`);
    return EXIT.USAGE;
  }
}
