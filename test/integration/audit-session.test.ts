import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SessionError } from '../../lib/sources/account/credentials';
import { SERVICE_REGIONS } from '../../lib/sources/account/regions';
import { openSession, type SessionOptions } from '../../lib/sources/account/session';
import * as adapter from './moto-adapter';
import { ACCOUNT, DUMMY_CREDENTIALS, useMoto } from './moto';
import { tempDir } from '../helpers/temp';

const moto = useMoto();
const saved = { ...process.env };

const options = (extra: Partial<SessionOptions>): SessionOptions => ({
  regions: ['us-east-1'],
  allRegions: false,
  endpoint: moto.url,
  maxAttempts: 1,
  requestTimeoutMs: 5000,
  concurrency: 2,
  hooks: adapter,
  ...extra,
});

async function open(extra: Partial<SessionOptions>) {
  const session = await openSession(options(extra));
  session.pool.close();
  return session;
}

/** Only what a test sets: no developer profile, no instance metadata lookups. */
function cleanEnv(vars: Record<string, string>): void {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', ...vars });
}

afterEach(() => {
  process.env = { ...saved };
});

describe('audit session: credentials, account and Regions', () => {
  it('takes the account and partition from sts:GetCallerIdentity', async () => {
    cleanEnv({ AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey });
    const s = await open({});
    expect([s.account, s.partition, s.regions]).toEqual([ACCOUNT, 'aws', ['us-east-1']]);
  });

  it('reads a named profile from the shared files', async () => {
    const dir = tempDir('lexscribe-profile-');
    writeFileSync(join(dir, 'credentials'), `[auditor]\naws_access_key_id = ${DUMMY_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DUMMY_CREDENTIALS.secretAccessKey}\n`);
    writeFileSync(join(dir, 'config'), '[profile auditor]\nregion = eu-west-1\n');
    cleanEnv({ AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') });
    const s = await open({ profile: 'auditor', regions: [] });
    expect([s.account, s.regions]).toEqual([ACCOUNT, ['eu-west-1']]);
  });

  it('audits through an assumed role (--role-arn, --external-id)', async () => {
    cleanEnv({ AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey });
    await moto.client(IAMClient).send(new CreateRoleCommand({ RoleName: 'Auditor', AssumeRolePolicyDocument: '{}' }));
    const s = await open({ roleArn: `arn:aws:iam::${ACCOUNT}:role/Auditor`, externalId: 'ci' });
    expect(s.principal).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/lexscribe-audit$`));
  });

  it('--all-regions: the Lex/Transcribe Regions the account has enabled', async () => {
    cleanEnv({ AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey, AWS_REGION: 'us-east-1' });
    const s = await open({ regions: [], allRegions: true });
    expect(s.regions).toContain('us-east-1');
    expect(s.regions).toContain('eu-west-1');
    expect(s.regions.every((r) => SERVICE_REGIONS.includes(r))).toBe(true);
    // Other partitions have their own accounts and credentials.
    expect(s.regions.some((r) => r.startsWith('cn-') || r.startsWith('us-gov-'))).toBe(false);
  });

  it('without credentials: a SessionError of one line, no stack, no secrets', async () => {
    cleanEnv({});
    const e = await openSession(options({})).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SessionError);
    expect((e as Error).message).toMatch(/^no AWS credentials found in the environment, shared config files, SSO or instance\/container roles: .*$/);
  });

  it('without any Region: says how to give one', async () => {
    cleanEnv({ AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey });
    await expect(openSession(options({ regions: [] }))).rejects.toThrow('no Region: pass --region (repeatable, or a comma list), --all-regions, or set AWS_REGION');
  });
});
