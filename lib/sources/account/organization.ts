import type { ListAccountsCommandOutput } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { AccountRef } from './accounts';
import type { ClientPool } from './clients';
import { SessionError } from './credentials';
import { classify } from './failure';
import { ORGANIZATION_OPERATIONS } from './operations';

const [LIST_ACCOUNTS, ASSUME_ROLE] = ORGANIZATION_OPERATIONS;

/** The session name of every role the audit assumes: it is what CloudTrail shows in the member accounts. */
export const SESSION_NAME = 'lexscribe-audit';

export interface OrganizationAccounts {
  /** `o-…`, from the accounts' ARNs. */
  organizationId?: string;
  /** Active accounts. */
  accounts: AccountRef[];
  /** Accounts listed but not active (suspended, pending closure…), left out: `id (STATE)`. */
  inactive: string[];
}

/**
 * Every account of the organization (organizations:ListAccounts, paginated), from the management
 * account or a delegated administrator. Only ACTIVE accounts are audited: a suspended or closing
 * account answers nothing. Throws SessionError (exit 2) when the organization cannot be listed.
 */
export async function listOrganizationAccounts(pool: ClientPool, region: string): Promise<OrganizationAccounts> {
  const { OrganizationsClient, ListAccountsCommand } = await import('@aws-sdk/client-organizations');
  const client = pool.get(OrganizationsClient, region);
  const accounts: AccountRef[] = [];
  const inactive: string[] = [];
  let organizationId: string | undefined;
  let NextToken: string | undefined;
  do {
    let page: ListAccountsCommandOutput;
    try {
      page = await client.send(new ListAccountsCommand({ NextToken }));
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'AWSOrganizationsNotInUseException') throw new SessionError('--org: the caller\'s account is in no AWS Organizations organization; name the accounts with --accounts (or --accounts-file) and --org-role');
      const reason = classify(LIST_ACCOUNTS, e, region).reason;
      const hint = name === 'AccessDeniedException' || name === 'AccessDenied' ? ': run from the management account or a delegated administrator, or name the accounts with --accounts' : '';
      throw new SessionError(`--org: cannot list the organization's accounts (${reason})${hint}`);
    }
    for (const a of page.Accounts ?? []) {
      if (!a.Id) continue;
      organizationId ??= /:account\/(o-[a-z0-9]+)\//.exec(a.Arn ?? '')?.[1];
      // `Status` is retired in favour of `State` (September 2026); read whichever the answer has.
      const state = a.State ?? a.Status ?? 'ACTIVE';
      if (state === 'ACTIVE') accounts.push(a.Name ? { id: a.Id, name: a.Name } : { id: a.Id });
      else inactive.push(`${a.Id} (${state})`);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return { organizationId, accounts, inactive };
}

/** `NAME` or `path/NAME` → `arn:<partition>:iam::<account>:role/NAME`. */
export function memberRoleArn(partition: string, account: string, role: string): string {
  return `arn:${partition}:iam::${account}:role/${role.replace(/^\/+/, '')}`;
}

/** Why a role could not be assumed, in one line without secrets. */
export class AssumeRoleError extends Error {}

// Refresh a little before expiry, so a long audit never signs with credentials about to lapse.
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface AssumedRole {
  credentials: AwsCredentialIdentityProvider;
  /** The session's ARN (`arn:aws:sts::<account>:assumed-role/NAME/lexscribe-audit`). */
  principal: string;
}

/**
 * Assume `roleArn` with the caller's pool (sts:AssumeRole, the one non-read call the audit sends),
 * once now, to learn whether the account can be read at all, and again before the credentials
 * expire. Throws AssumeRoleError when the first attempt fails.
 */
export async function assumeRole(pool: ClientPool, region: string, roleArn: string, externalId: string | undefined): Promise<AssumedRole> {
  const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
  const sts = pool.get(STSClient, region);
  const fetch = async (): Promise<{ identity: AwsCredentialIdentity; principal: string }> => {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: SESSION_NAME, ...(externalId ? { ExternalId: externalId } : {}) }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('sts:AssumeRole returned no credentials');
    return {
      identity: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration },
      principal: out.AssumedRoleUser?.Arn ?? '',
    };
  };
  let first: { identity: AwsCredentialIdentity; principal: string };
  try {
    first = await fetch();
  } catch (e) {
    const failure = classify(ASSUME_ROLE, e, region);
    const hint = failure.kind === 'access-denied' ? ': check that the role exists, that its trust policy lets the caller in, and --external-id' : '';
    throw new AssumeRoleError(`cannot assume ${roleArn} (${failure.message.replace(/^was denied \((.*)\)$/, '$1')})${hint}`);
  }
  let current: Promise<AwsCredentialIdentity> = Promise.resolve(first.identity);
  const credentials: AwsCredentialIdentityProvider = async () => {
    const c = await current.catch(() => undefined);
    if (c && (!c.expiration || c.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS)) return c;
    current = fetch().then((f) => f.identity);
    return current;
  };
  return { credentials, principal: first.principal };
}
