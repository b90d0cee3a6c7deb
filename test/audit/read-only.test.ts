import { DeleteBotCommand, LexModelsV2Client, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { BatchImportFindingsCommand, BatchUpdateFindingsCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { ClientPool } from '../../lib/sources/account/clients';
import { ALL_COLLECTORS } from '../../lib/sources/account/collectors';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CREDENTIAL_OPERATIONS, declaredOperations, isCredentialOperation, isReadOnly, operationName, ORGANIZATION_OPERATIONS, SECURITY_HUB_IMPORT, SECURITY_HUB_WRITES } from '../../lib/sources/account/operations';
import { auditorPolicy } from '../../lib/sources/account/policy';
import { TEST_COLLECTORS } from './fixtures';

/** SDK packages behind each IAM prefix the audit may use, to prove each declaration names a real command. */
const PACKAGES: Record<string, string[]> = {
  account: ['@aws-sdk/client-account'],
  cloudtrail: ['@aws-sdk/client-cloudtrail'],
  cloudwatch: ['@aws-sdk/client-cloudwatch'],
  config: ['@aws-sdk/client-config-service'],
  ec2: ['@aws-sdk/client-ec2'],
  events: ['@aws-sdk/client-eventbridge'],
  iam: ['@aws-sdk/client-iam'],
  kms: ['@aws-sdk/client-kms'],
  lambda: ['@aws-sdk/client-lambda'],
  lex: ['@aws-sdk/client-lex-models-v2', '@aws-sdk/client-lex-model-building-service'],
  logs: ['@aws-sdk/client-cloudwatch-logs'],
  organizations: ['@aws-sdk/client-organizations'],
  s3: ['@aws-sdk/client-s3'],
  securityhub: ['@aws-sdk/client-securityhub'],
  auditmanager: ['@aws-sdk/client-auditmanager'],
  sts: ['@aws-sdk/client-sts'],
  transcribe: ['@aws-sdk/client-transcribe'],
};

const declared = declaredOperations([...ALL_COLLECTORS, ...TEST_COLLECTORS]);

/** A pool whose handler never reaches the network: what a client sends is recorded, then refused or rejected. */
async function offlinePool(writes?: typeof SECURITY_HUB_WRITES) {
  const sent: string[] = [];
  const pool = new ClientPool({
    credentials: async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }),
    endpoint: 'http://127.0.0.1:9',
    maxAttempts: 1,
    requestTimeoutMs: 1000,
    concurrency: 1,
    writes,
    hooks: { createRequestHandler: () => ({ handle: async () => Promise.reject(new Error('network reached')) }) as never, commandSent: (s, c) => sent.push(`${s}:${c}`) },
  });
  await pool.open();
  return { pool, sent };
}

describe('the audit is read-only', () => {
  it.each([
    ['lex:ListBots', true],
    ['s3:HeadBucket', true],
    ['kms:GetKeyPolicy', true],
    ['ec2:DescribeVpcEndpoints', true],
    ['cloudtrail:LookupEvents', true],
    ['iam:GenerateCredentialReport', false],
    ['lex:DeleteBot', false],
    ['lex:CreateExport', false],
    ['logs:StartQuery', false],
    ['transcribe:StartTranscriptionJob', false],
    ['lex:Listen', false],
  ])('%s is allowed: %s', (name, allowed) => {
    const [service, action] = name.split(':');
    expect(isReadOnly({ service, action })).toBe(allowed);
  });

  it('every operation a collector or the runner declares is a List/Describe/Get/Head/Lookup read', () => {
    expect(declared.filter((op) => !isReadOnly(op)).map(operationName)).toEqual([]);
    expect(declared.map(operationName)).not.toContain('iam:GenerateCredentialReport');
  });

  it('every declaration names a command the SDK really has (so the interception below can match it)', () => {
    const missing = declared.filter((op) => {
      const packages = PACKAGES[op.service];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return !packages || !packages.some((p) => typeof (require(p) as Record<string, unknown>)[`${op.action}Command`] === 'function');
    });
    expect(missing.map(operationName)).toEqual([]);
  });

  it('a client of the audit refuses to send anything but a read, before it reaches the network', async () => {
    const sent: string[] = [];
    const pool = new ClientPool({
      credentials: async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }),
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
      requestTimeoutMs: 1000,
      concurrency: 1,
      hooks: { createRequestHandler: () => ({ handle: async () => Promise.reject(new Error('network reached')) }) as never, commandSent: (s, c) => sent.push(`${s}:${c}`) },
    });
    await pool.open();
    const lex = pool.get(LexModelsV2Client, 'us-east-1');
    await expect(lex.send(new DeleteBotCommand({ botId: 'B' }))).rejects.toThrow('refused to send lex:DeleteBot: the audit is read-only');
    await expect(lex.send(new ListBotsCommand({}))).rejects.toThrow('network reached');
    expect(sent).toEqual(['lex:ListBots']);
    expect(pool.requests).toBe(1);
    pool.close();
  });

  it('an organization audit adds one non-read call, sts:AssumeRole, and nothing else', () => {
    expect(ORGANIZATION_OPERATIONS.filter((op) => !isReadOnly(op)).map(operationName)).toEqual(['sts:AssumeRole']);
    expect(ORGANIZATION_OPERATIONS.filter((op) => !isReadOnly(op)).every(isCredentialOperation)).toBe(true);
    expect(CREDENTIAL_OPERATIONS.map(operationName)).toEqual(['sts:AssumeRole']);
    // The member role's policy stays read-only: listing and assuming are the caller's.
    const memberActions = auditorPolicy(ALL_COLLECTORS).Statement.flatMap((st) => st.Action);
    expect(memberActions).not.toContain('sts:AssumeRole');
    expect(memberActions).not.toContain('organizations:ListAccounts');
  });

  it('AssumeRole leaves only the caller\'s pool of an organization audit; every other pool refuses it', async () => {
    const sent: string[] = [];
    const pool = (allow?: typeof CREDENTIAL_OPERATIONS) =>
      new ClientPool({
        credentials: async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }),
        endpoint: 'http://127.0.0.1:9',
        maxAttempts: 1,
        requestTimeoutMs: 1000,
        concurrency: 1,
        allow,
        hooks: { createRequestHandler: () => ({ handle: async () => Promise.reject(new Error('network reached')) }) as never, commandSent: (s, c) => sent.push(`${s}:${c}`) },
      });
    const assume = new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Auditor', RoleSessionName: 'lexscribe-audit' });
    const member = pool();
    await member.open();
    await expect(member.get(STSClient, 'us-east-1').send(assume)).rejects.toThrow('refused to send sts:AssumeRole: the audit is read-only');
    const caller = pool(CREDENTIAL_OPERATIONS);
    await caller.open();
    await expect(caller.get(STSClient, 'us-east-1').send(assume)).rejects.toThrow('network reached');
    await expect(caller.get(LexModelsV2Client, 'us-east-1').send(new DeleteBotCommand({ botId: 'B' }))).rejects.toThrow('refused to send lex:DeleteBot');
    expect(sent).toEqual(['sts:AssumeRole']);
    member.close();
    caller.close();
  });

  it('the Security Hub import declares one write and one read, both real SDK commands', () => {
    expect(Object.values(SECURITY_HUB_IMPORT).map(operationName).sort()).toEqual(['securityhub:BatchImportFindings', 'securityhub:GetFindings']);
    expect(SECURITY_HUB_WRITES.map(operationName)).toEqual(['securityhub:BatchImportFindings']);
    expect(Object.values(SECURITY_HUB_IMPORT).filter((op) => !isReadOnly(op)).map(operationName)).toEqual(['securityhub:BatchImportFindings']);
    for (const op of Object.values(SECURITY_HUB_IMPORT)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(typeof (require('@aws-sdk/client-securityhub') as Record<string, unknown>)[`${op.action}Command`]).toBe('function');
    }
  });

  it('BatchImportFindings is refused unless the run was opened with --security-hub; with it, every other write still is', async () => {
    const plain = await offlinePool();
    const hub = plain.pool.get(SecurityHubClient, 'us-east-1');
    await expect(hub.send(new BatchImportFindingsCommand({ Findings: [] }))).rejects.toThrow('refused to send securityhub:BatchImportFindings: the audit is read-only');
    await expect(hub.send(new GetFindingsCommand({}))).rejects.toThrow('network reached');
    plain.pool.close();

    const importing = await offlinePool(SECURITY_HUB_WRITES);
    const client = importing.pool.get(SecurityHubClient, 'us-east-1');
    await expect(client.send(new BatchImportFindingsCommand({ Findings: [] }))).rejects.toThrow('network reached');
    await expect(client.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: [] }))).rejects.toThrow('refused to send securityhub:BatchUpdateFindings: the audit is read-only');
    await expect(importing.pool.get(LexModelsV2Client, 'us-east-1').send(new DeleteBotCommand({ botId: 'B' }))).rejects.toThrow('refused to send lex:DeleteBot');
    expect(importing.sent).toEqual(['securityhub:BatchImportFindings']);
    importing.pool.close();
  });
});
