import { CreateBotAliasCommand, CreateBotCommand, CreateResourcePolicyCommand, DeleteBotAliasCommand, LexModelsV2Client, UpdateResourcePolicyCommand } from '@aws-sdk/client-lex-models-v2';
import { EnableSecurityHubCommand, GetFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { ACCOUNT, REGION, useMoto } from './moto';

const moto = useMoto();

/** A bot whose alias logs audio without a KMS key and whose resource policy lets anyone in. */
async function seed(): Promise<{ botId: string; aliasId: string; botArn: string; revisionId: string }> {
  const lex = moto.client(LexModelsV2Client);
  await moto.client(S3Client).send(new CreateBucketCommand({ Bucket: 'lex-audio' }));
  const { botId } = await lex.send(new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
  const { botAliasId } = await lex.send(
    new CreateBotAliasCommand({
      botId,
      botAliasName: 'Prod',
      botVersion: 'DRAFT',
      conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::lex-audio', logPrefix: 'audio/' } } }] },
    }),
  );
  const botArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${botId}`;
  const { revisionId } = await lex.send(new CreateResourcePolicyCommand({ resourceArn: botArn, policy: policy('*') }));
  return { botId: botId!, aliasId: botAliasId!, botArn, revisionId: revisionId! };
}

const policy = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'lex:RecognizeText', Resource: '*' }] });

const audit = (...args: string[]) => moto.cli(['audit', '--endpoint-url', moto.url, '--region', REGION, '--max-attempts', '1', '-q', '-f', 'json', ...args]);

async function inSecurityHub(): Promise<AwsSecurityFinding[]> {
  const client = moto.client(SecurityHubClient);
  const found: AwsSecurityFinding[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new GetFindingsCommand({ MaxResults: 100, NextToken }));
    found.push(...(page.Findings ?? []));
    NextToken = page.NextToken || undefined;
  } while (NextToken);
  return found;
}

const byCheck = (findings: AwsSecurityFinding[], checkId: string, resource: string) => findings.filter((f) => f.GeneratorId === `lexscribe/${checkId}` && f.Resources?.[0]?.Id === resource);

describe('lexscribe audit --security-hub (against moto)', () => {
  it('imports the findings; a second run updates them instead of adding more; what passes is resolved and what is gone archived', async () => {
    const { botId, aliasId, botArn, revisionId } = await seed();
    await moto.client(SecurityHubClient).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
    const aliasArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${aliasId}`;

    const first = await audit('--security-hub');
    // -q: only the gate's line; the import went through, so no other line and exit code 1 (the gate's).
    expect(first.stderr).toMatch(/^lexscribe: gate failed: [^\n]*\n$/);
    expect(first.code).toBe(1);
    const imported = await inSecurityHub();
    expect(imported.length).toBeGreaterThan(5);
    expect(new Set(imported.map((f) => f.Id)).size).toBe(imported.length);
    for (const f of imported) {
      expect(f).toMatchObject({
        SchemaVersion: '2018-10-08',
        ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:product/${ACCOUNT}/default`,
        AwsAccountId: ACCOUNT,
        GeneratorId: expect.stringMatching(/^lexscribe\/[A-Z]+-[A-Z]+-\d+$/),
        Severity: { Label: expect.stringMatching(/^(INFORMATIONAL|LOW|MEDIUM|HIGH|CRITICAL)$/) },
        Compliance: { Status: expect.stringMatching(/^(FAILED|WARNING|NOT_AVAILABLE)$/) },
      });
    }
    const [dp2] = byCheck(imported, 'LEX-DP-2', aliasArn);
    expect(dp2).toMatchObject({ Compliance: { Status: 'FAILED' }, RecordState: 'ACTIVE', Resources: [{ Type: 'Other', Id: aliasArn, Region: REGION, Partition: 'aws' }] });
    expect(dp2.Remediation?.Recommendation?.Url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const iam1 = imported.filter((f) => f.GeneratorId === 'lexscribe/LEX-IAM-1' && f.Compliance?.Status === 'FAILED');
    expect(iam1.length).toBeGreaterThan(0);

    // Nothing changed: the same findings, updated in place.
    const second = await audit('--security-hub');
    expect(second.code).toBe(1);
    const again = await inSecurityHub();
    expect(again.map((f) => f.Id).sort()).toEqual(imported.map((f) => f.Id).sort());
    const dp2Again = byCheck(again, 'LEX-DP-2', aliasArn)[0];
    expect(dp2Again.CreatedAt).toBe(dp2.CreatedAt);
    expect(Date.parse(dp2Again.UpdatedAt!)).toBeGreaterThan(Date.parse(dp2.UpdatedAt!));

    // The policy is fixed and the alias deleted: LEX-IAM-1 now passes (resolved), the alias's findings are archived.
    const lex = moto.client(LexModelsV2Client);
    await lex.send(new UpdateResourcePolicyCommand({ resourceArn: botArn, policy: policy({ Service: 'connect.amazonaws.com' }), expectedRevisionId: revisionId }));
    await lex.send(new DeleteBotAliasCommand({ botId, botAliasId: aliasId }));
    const third = await audit('--security-hub', '--fail-on', 'critical');
    expect(third.stderr).toBe('');
    expect(third.code).toBe(0);
    const after = await inSecurityHub();
    expect(after.length).toBeGreaterThanOrEqual(imported.length);
    for (const f of after.filter((x) => x.Id && iam1.some((i) => i.Id === x.Id))) expect(f.Compliance?.Status).toBe('PASSED');
    const gone = byCheck(after, 'LEX-DP-2', aliasArn)[0];
    expect(gone).toMatchObject({ Id: dp2.Id, RecordState: 'ARCHIVED' });
  }, 120_000);

  it('says what it imported, Region by Region; without the flag nothing is written', async () => {
    await seed();
    await moto.client(SecurityHubClient).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
    expect((await audit()).code).toBe(1);
    expect(await inSecurityHub()).toEqual([]);
    const run = await moto.cli(['audit', '--endpoint-url', moto.url, '--region', REGION, '--max-attempts', '1', '-f', 'json', '-o', '/dev/null', '--security-hub']);
    expect(run.stderr).toMatch(new RegExp(`^lexscribe: Security Hub ${REGION}: \\d+ findings imported \\(0 now passing, 0 archived\\)$`, 'm'));
    expect(moto.commandsSent()).toContain('securityhub:BatchImportFindings');
  }, 60_000);
});
