import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

export interface CredentialOptions {
  /** Named profile of the shared config/credentials files (SSO profiles included). */
  profile?: string;
  /** Audit through this role, assumed with the base credentials. */
  roleArn?: string;
  externalId?: string;
  /** Region of the STS client that assumes the role. */
  region: string;
  /** Emulator endpoint, for the STS client too. */
  endpoint?: string;
}

/**
 * The audit cannot start: no usable credentials, no Region, an account that cannot be identified. The
 * message is one line for the user, without secrets.
 */
export class SessionError extends Error {}

// Refresh a little before expiry, so a long audit never signs with credentials about to lapse.
const REFRESH_MARGIN_MS = 5 * 60_000;

/** One credential fetch shared by every client of the run, renewed only near expiry. */
function memoize(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (current) {
      const c = await current.catch(() => undefined);
      if (c && (!c.expiration || c.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS)) return c;
    }
    current = provider();
    return current;
  };
}

/**
 * The SDK's default chain (environment, shared config and SSO profiles, web identity, container and
 * instance roles), optionally through an assumed role. Loaded lazily so `--help` stays fast.
 */
export async function credentialProvider(opts: CredentialOptions): Promise<AwsCredentialIdentityProvider> {
  const { fromNodeProviderChain, fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  const base = fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {});
  if (!opts.roleArn) return base;
  return memoize(
    fromTemporaryCredentials({
      masterCredentials: base,
      params: { RoleArn: opts.roleArn, RoleSessionName: 'lexscribe-audit', ...(opts.externalId ? { ExternalId: opts.externalId } : {}) },
      clientConfig: { region: opts.region, ...(opts.endpoint ? { endpoint: opts.endpoint } : {}) },
    }),
  );
}

/** A one-line explanation of why the run could not identify itself, or undefined when the error is something else. */
export function credentialProblem(error: unknown, opts: Pick<CredentialOptions, 'profile' | 'roleArn'>): string | undefined {
  const e = error as { name?: string; message?: string; Code?: string };
  const name = e?.name ?? '';
  if (name === 'CredentialsProviderError' || /could not load credentials|unable to load credentials|profile .* could not be found|token is expired|sso session/i.test(e?.message ?? '')) {
    const where = opts.profile ? `profile "${opts.profile}"` : 'the environment, shared config files, SSO or instance/container roles';
    return `no AWS credentials found in ${where}: configure credentials (aws configure, aws sso login, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) or pass --profile`;
  }
  if (['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'UnrecognizedClientException', 'InvalidAccessKeyId'].includes(name)) {
    return `AWS rejected the credentials (${name}): they are invalid or expired`;
  }
  if (opts.roleArn && (name === 'AccessDenied' || name === 'AccessDeniedException')) {
    return `cannot assume ${opts.roleArn} (AccessDenied): check its trust policy and --external-id`;
  }
  return undefined;
}
