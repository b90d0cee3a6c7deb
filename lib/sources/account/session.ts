import type { HttpHandler } from '@smithy/protocol-http';
import type { AwsOperation } from './collector';
import { ClientPool, type TestHooks } from './clients';
import { credentialProvider, credentialProblem, SessionError } from './credentials';
import { assumeRole } from './organization';
import { auditableRegions, partitionOf, SERVICE_REGIONS } from './regions';

export interface SessionOptions {
  profile?: string;
  /** Regions named on the command line (may be empty with `allRegions`). */
  regions: readonly string[];
  allRegions: boolean;
  roleArn?: string;
  externalId?: string;
  endpoint?: string;
  maxAttempts: number;
  requestTimeoutMs: number;
  concurrency: number;
  hooks?: TestHooks;
  /** An HTTP handler shared with other sessions of the run (see `ClientSettings.handler`). */
  handler?: HttpHandler;
  /** Non-read operations the pool may send: `sts:AssumeRole` for the caller of an organization audit. */
  allow?: readonly AwsOperation[];
  /** Writes the run may send (`--security-hub`); none by default. */
  writes?: readonly AwsOperation[];
}

/** Who the audit runs as and where: resolved once, before any collector runs. */
export interface Session {
  account: string;
  partition: string;
  /** The identity's ARN (a role session, a user); printed, it says which principal read the account. */
  principal: string;
  regions: string[];
  /** The Region the session's global calls go to (STS, Organizations, IAM): the first one audited. */
  home: string;
  pool: ClientPool;
  /** Something the user should know about the scope (e.g. enabled Regions could not be read). */
  notes: string[];
}

/** A Region the SDK would use by itself (AWS_REGION, the profile's `region`), or undefined. */
async function defaultRegion(profile: string | undefined): Promise<string | undefined> {
  const fromEnv = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  const { STSClient } = await import('@aws-sdk/client-sts');
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

async function enabledRegions(pool: ClientPool, home: string): Promise<string[] | undefined> {
  const { EC2Client, DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
  try {
    // Without AllRegions, EC2 lists only the Regions enabled for the account.
    const out = await pool.get(EC2Client, home).send(new DescribeRegionsCommand({}));
    return (out.Regions ?? []).map((r) => r.RegionName).filter((r): r is string => !!r);
  } catch {
    const { AccountClient, ListRegionsCommand } = await import('@aws-sdk/client-account');
    try {
      const names: string[] = [];
      let NextToken: string | undefined;
      do {
        const out = await pool.get(AccountClient, home).send(new ListRegionsCommand({ RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'], NextToken }));
        names.push(...(out.Regions ?? []).map((r) => r.RegionName).filter((r): r is string => !!r));
        NextToken = out.NextToken;
      } while (NextToken);
      return names;
    } catch {
      return undefined;
    }
  }
}

/** Regions that need an opt-in; assumed disabled when the enabled list cannot be read. */
const OPT_IN = new Set(['af-south-1', 'ap-east-1', 'me-south-1']);

const IDENTITY_ATTEMPTS = 3;

/** An answer that arrived but could not be read (truncated, not XML): worth one more try. */
function isGarbled(e: unknown): boolean {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return /Deserializ|parse|Unexpected end|XML|ECONNRESET|socket hang up/i.test(`${err?.name ?? ''} ${err?.message ?? ''}`) && !(err?.$metadata?.httpStatusCode && err.$metadata.httpStatusCode < 500 && err.$metadata.httpStatusCode >= 400);
}

/** An SDK error as one line: its name and the first line of its message, never a stack. */
function describeError(e: unknown): string {
  const err = e as { name?: string; message?: string };
  const name = err?.name ?? 'error';
  const message = (err?.message ?? '').split('\n')[0].trim().slice(0, 200);
  return message && message !== name ? `${name}: ${message}` : name;
}

/**
 * Resolve credentials, the account (sts:GetCallerIdentity) and the Regions to audit. Throws
 * SessionError (one line, no secrets) when the run cannot identify itself.
 */
export async function openSession(opts: SessionOptions): Promise<Session> {
  const home = opts.regions[0] ?? (await defaultRegion(opts.profile)) ?? (opts.allRegions ? 'us-east-1' : undefined);
  if (!home) throw new SessionError('no Region: pass --region (repeatable, or a comma list), --all-regions, or set AWS_REGION');
  const credentials = await credentialProvider({ profile: opts.profile, roleArn: opts.roleArn, externalId: opts.externalId, region: home, endpoint: opts.endpoint });
  const pool = new ClientPool({
    credentials,
    endpoint: opts.endpoint,
    maxAttempts: opts.maxAttempts,
    requestTimeoutMs: opts.requestTimeoutMs,
    concurrency: opts.concurrency,
    hooks: opts.hooks,
    handler: opts.handler,
    allow: opts.allow,
    writes: opts.writes,
  });
  await pool.open();
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  let identity: { Account?: string; Arn?: string } | undefined;
  // The SDK retries throttling and 5xx, not an answer cut short on the way (which it cannot parse): try again.
  for (let attempt = 1; !identity; attempt++) {
    try {
      identity = await pool.get(STSClient, home).send(new GetCallerIdentityCommand({}));
    } catch (e) {
      if (attempt < IDENTITY_ATTEMPTS && isGarbled(e)) continue;
      pool.close();
      const problem = credentialProblem(e, opts);
      if (problem) throw new SessionError(problem);
      throw new SessionError(`cannot identify the account (sts:GetCallerIdentity in ${home} failed: ${describeError(e)})`);
    }
  }
  if (!identity.Account || !/^\d{12}$/.test(identity.Account)) {
    pool.close();
    throw new SessionError(`cannot identify the account (sts:GetCallerIdentity in ${home} answered without an account id)`);
  }
  const account = identity.Account;
  const principal = identity.Arn ?? '';
  const partition = principal.split(':')[1] || partitionOf(home);
  const { regions, notes } = await regionsOf(pool, home, partition, opts);
  return { account, partition, principal, regions, home, pool, notes };
}

/** The Regions to audit: those named, and with `allRegions` the service Regions the account has enabled. */
async function regionsOf(pool: ClientPool, home: string, partition: string, opts: Pick<SessionOptions, 'regions' | 'allRegions'>): Promise<{ regions: string[]; notes: string[] }> {
  const notes: string[] = [];
  let regions = [...opts.regions];
  if (opts.allRegions) {
    const enabled = await enabledRegions(pool, home);
    if (enabled) {
      regions = [...new Set([...regions, ...auditableRegions(enabled)])];
    } else {
      notes.push('the enabled Regions could not be read (ec2:DescribeRegions and account:ListRegions failed): opt-in Regions are left out');
      regions = [...new Set([...regions, ...SERVICE_REGIONS.filter((r) => partitionOf(r) === partition && !OPT_IN.has(r))])];
    }
    regions = regions.filter((r) => partitionOf(r) === partition);
  }
  if (regions.length === 0) regions = [home];
  return { regions, notes };
}

/** One account of a multi-account audit; without `roleArn`, the caller's own account, read with its own credentials. */
export interface AccountTarget {
  id: string;
  name?: string;
  roleArn?: string;
}

export interface AccountSessionOptions extends Pick<SessionOptions, 'regions' | 'allRegions' | 'endpoint' | 'maxAttempts' | 'requestTimeoutMs' | 'concurrency' | 'hooks' | 'handler'> {
  externalId?: string;
}

/**
 * A session in one account of a multi-account audit: the role assumed through the caller's pool
 * (which alone may send sts:AssumeRole), its own client pool (its own request limit and adaptive
 * retry state, the run's shared sockets), and the Regions to audit there. Throws AssumeRoleError
 * when the role cannot be assumed.
 */
export async function openAccountSession(caller: Session, target: AccountTarget, opts: AccountSessionOptions): Promise<Session> {
  const assumed = target.roleArn ? await assumeRole(caller.pool, caller.home, target.roleArn, opts.externalId) : undefined;
  const pool = new ClientPool({
    credentials: assumed?.credentials ?? caller.pool.credentials,
    endpoint: opts.endpoint,
    maxAttempts: opts.maxAttempts,
    requestTimeoutMs: opts.requestTimeoutMs,
    concurrency: opts.concurrency,
    hooks: opts.hooks,
    handler: opts.handler,
  });
  await pool.open();
  const partition = target.roleArn?.split(':')[1] || caller.partition;
  const { regions, notes } = await regionsOf(pool, caller.home, partition, opts);
  return { account: target.id, partition, principal: assumed?.principal ?? caller.principal, regions, home: caller.home, pool, notes };
}
