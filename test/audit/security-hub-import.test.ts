import { BatchImportFindingsCommand, GetFindingsCommand, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Finding } from '../../lib/model/finding';
import { asffId } from '../../lib/report/asff';
import { buildReport } from '../../lib/report/report';
import { BATCH_SIZE, importFindings, type ImportOptions } from '../../lib/sources/account/security-hub-import';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-11-22T09:30:00.000Z');

function finding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    checkId: 'LEX-DP-2',
    title: 'Enabled audio logs are encrypted with a customer-managed KMS key',
    severity: 'MEDIUM',
    status: 'FAIL',
    reason: `alias ${i} logs audio without a key`,
    resource: { type: 'AWS::Lex::BotAlias', logicalId: `B/A${i}`, arn: `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/B/A${i}`, region: 'us-east-1', account: ACCOUNT },
    remediation: 'Set KmsKeyArn.',
    docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-encrypting.html',
    topic: 'Data protection',
    service: 'lex',
    ...over,
  };
}

/** A Security Hub client that records what it is sent and answers as told. */
function fakeHub(opts: { earlier?: AwsSecurityFinding[]; fail?: (ids: string[], call: number) => string[] | Error } = {}) {
  const batches: AwsSecurityFinding[][] = [];
  const client = {
    async send(command: unknown) {
      if (command instanceof GetFindingsCommand) return { Findings: opts.earlier ?? [] };
      if (command instanceof BatchImportFindingsCommand) {
        const findings = command.input.Findings ?? [];
        batches.push(findings);
        const failed = opts.fail?.(findings.map((f) => f.Id!), batches.length) ?? [];
        if (failed instanceof Error) throw failed;
        return { SuccessCount: findings.length - failed.length, FailedCount: failed.length, FailedFindings: failed.map((Id) => ({ Id, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding too large' })) };
      }
      throw new Error(`unexpected ${String(command)}`);
    },
  };
  const options: ImportOptions = { pool: { get: () => client as never }, account: ACCOUNT, partition: 'aws', home: 'us-east-1', regions: ['us-east-1'], checks: new Set(['LEX-DP-2', 'LEX-IAM-1']), now: NOW };
  return { batches, options };
}

describe('Security Hub import', () => {
  test('batches of 100, in order; each call failure and each refused finding reported with its Id', async () => {
    const findings = Array.from({ length: 250 }, (_, i) => finding(i));
    const report = buildReport(findings, [], 'audit', { startedAt: NOW });
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const { batches, options } = fakeHub({ fail: (ids, call) => (call === 2 ? throttled : call === 3 ? ids.slice(0, 2) : []) });
    const [result] = await importFindings(report, options);
    expect(batches.map((b) => b.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 50]);
    expect(result).toMatchObject({ region: 'us-east-1', imported: 148, resolved: 0, archived: 0 });
    expect(result.failed).toHaveLength(102);
    expect(result.failed[0]).toEqual({ region: 'us-east-1', id: batches[1][0].Id, code: 'ThrottlingException', message: 'Rate exceeded' });
    expect(result.failed[101]).toEqual({ region: 'us-east-1', id: batches[2][1].Id, code: 'InvalidInput', message: 'Finding too large' });
  });

  test('earlier findings: kept creation time; now passing is PASSED; gone is ARCHIVED; other checks and other products untouched', async () => {
    const still = finding(1);
    const fixed = finding(2, { findingKey: 'Destination::S3' });
    const gone = finding(3);
    const otherCheck = finding(4, { checkId: 'LEX-MON-6' });
    const earlier = (f: Finding, over: Partial<AwsSecurityFinding> = {}): AwsSecurityFinding => ({
      SchemaVersion: '2018-10-08',
      Id: asffId(f, ACCOUNT, 'us-east-1'),
      ProductArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:product/${ACCOUNT}/default`,
      GeneratorId: `lexscribe/${f.checkId}`,
      AwsAccountId: ACCOUNT,
      CreatedAt: '2026-10-01T00:00:00.000Z',
      UpdatedAt: '2026-10-01T00:00:00.000Z',
      Severity: { Label: 'MEDIUM', Original: 'MEDIUM' },
      Title: f.title,
      Description: f.reason!,
      Types: ['Software and Configuration Checks/AWS Security Best Practices'],
      Resources: [{ Type: 'Other', Id: f.resource.arn! }],
      RecordState: 'ACTIVE',
      Compliance: { Status: 'FAILED' },
      Workflow: { Status: 'NOTIFIED' },
      ProductFields: { 'aws/securityhub/FindingId': 'x', 'lexscribe/CheckId': f.checkId },
      ...over,
    });
    const foreign = earlier(finding(5), { ProductArn: `arn:aws:securityhub:us-east-1::product/aws/guardduty`, GeneratorId: 'lexscribe/LEX-DP-2' });
    const report = buildReport([still, { ...fixed, status: 'PASS', findingKey: undefined, reason: 'encrypted' }], [], 'audit', { startedAt: NOW });
    const { batches, options } = fakeHub({ earlier: [earlier(still), earlier(fixed), earlier(gone), earlier(otherCheck), foreign] });
    const [result] = await importFindings(report, options);
    expect(result).toMatchObject({ imported: 3, resolved: 1, archived: 1, failed: [] });
    const sent = new Map(batches.flat().map((f) => [f.Id, f]));
    expect(sent.get(asffId(still, ACCOUNT, 'us-east-1'))).toMatchObject({ CreatedAt: '2026-10-01T00:00:00.000Z', UpdatedAt: NOW.toISOString(), Compliance: { Status: 'FAILED' } });
    expect(sent.get(asffId(fixed, ACCOUNT, 'us-east-1'))).toMatchObject({ Compliance: { Status: 'PASSED' }, Severity: { Label: 'INFORMATIONAL' }, RecordState: 'ACTIVE', UpdatedAt: NOW.toISOString() });
    const archived = sent.get(asffId(gone, ACCOUNT, 'us-east-1'))!;
    expect(archived).toMatchObject({ RecordState: 'ARCHIVED', UpdatedAt: NOW.toISOString(), CreatedAt: '2026-10-01T00:00:00.000Z' });
    // Fields only Security Hub and its users write are not sent back.
    expect(archived.Workflow).toBeUndefined();
    expect(archived.ProductFields).toEqual({ 'lexscribe/CheckId': 'LEX-DP-2' });
    expect(sent.has(asffId(otherCheck, ACCOUNT, 'us-east-1'))).toBe(false);
    expect(sent.has(foreign.Id)).toBe(false);
  });

  test('a suppressed finding is sent archived, with its reason; global findings go to the home Region', async () => {
    const suppressed = finding(1, { status: 'SUPPRESSED', suppression: { reason: 'Test alias; synthetic calls only', source: 'config' } });
    const global = finding(2, { checkId: 'LEX-IAM-1', resource: { type: 'AWS::IAM::Role', logicalId: 'R', arn: `arn:aws:iam::${ACCOUNT}:role/R`, region: 'global', account: ACCOUNT } });
    const { batches, options } = fakeHub();
    const results = await importFindings(buildReport([suppressed, global], [], 'audit', { startedAt: NOW }), { ...options, regions: ['us-east-1', 'eu-west-1'] });
    expect(results.map((r) => [r.region, r.imported])).toEqual([
      ['us-east-1', 2],
      ['eu-west-1', 0],
    ]);
    const [sup, iam] = batches[0];
    expect(sup).toMatchObject({ RecordState: 'ARCHIVED', Workflow: { Status: 'SUPPRESSED' }, Note: { Text: 'Suppressed in lexscribe (config): Test alias; synthetic calls only', UpdatedBy: 'lexscribe' } });
    expect(iam).toMatchObject({ Region: 'us-east-1', ProductArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:product/${ACCOUNT}/default` });
  });
});
