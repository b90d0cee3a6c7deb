import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBotAliasCommand, CreateBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { StartTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { runPipeline } from '../../lib/engine/pipeline';
import type { Finding } from '../../lib/model/finding';
import { Unknown } from '../../lib/model/values';
import { collect, coverageWarnings } from '../../lib/sources/account/runner';
import { openSession } from '../../lib/sources/account/session';
import { TEST_CHECKS, TEST_COLLECTORS } from '../audit/fixtures';
import { startFaultProxy, type FaultProxy, type FaultRule } from './fault-proxy';
import { lexBots as realLexBots } from '../../lib/sources/account/collectors/lex-bots';
import * as adapter from './moto-adapter';
import { ACCOUNT, DUMMY_CREDENTIALS, useMoto } from './moto';

const moto = useMoto();
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(moto.url);
  process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;
});
afterAll(() => proxy.stop());

async function seed(): Promise<void> {
  const lex = moto.client(LexModelsV2Client);
  for (const [botName, childDirected] of [
    ['Kids', true],
    ['Billing', false],
  ] as const) {
    await lex.send(new CreateBotCommand({ botName, roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected }, idleSessionTTLInSeconds: 300 }));
  }
  await moto.client(TranscribeClient).send(
    new StartTranscriptionJobCommand({ TranscriptionJobName: 'call-1', LanguageCode: 'en-US', Media: { MediaFileUri: 's3://media/call-1.wav' }, OutputBucketName: 'transcripts' }),
  );
  await moto.client(IAMClient).send(new CreateRoleCommand({ RoleName: 'LexRole', AssumeRolePolicyDocument: '{}' }));
}

/** Audit moto through the fault proxy with the framework's test collectors and checks, in-process. */
async function audit(rules: FaultRule[], maxAttempts = 2, collectors = TEST_COLLECTORS) {
  proxy.setRules(rules);
  proxy.served.clear();
  const session = await openSession({
    regions: ['us-east-1'],
    allRegions: false,
    endpoint: proxy.url,
    maxAttempts,
    requestTimeoutMs: 1000,
    concurrency: 4,
    hooks: adapter,
  });
  try {
    const collected = await collect({ account: session.account, partition: session.partition, regions: session.regions, collectors, pool: session.pool, concurrency: 4 });
    const { findings } = runPipeline([{ stacks: collected.stacks }], { checks: TEST_CHECKS, mode: 'live' });
    return { findings, collected, warnings: coverageWarnings(collected).map((w) => w.message), roles: collected.stacks.find((s) => s.stack.name.endsWith('/global'))?.resources.length };
  } finally {
    session.pool.close();
  }
}

const statuses = (findings: Finding[], checkId: string) =>
  findings
    .filter((f) => f.checkId === checkId)
    .map((f) => `${f.status} ${f.resource.arn?.split(':').slice(5).join(':')}`)
    .sort();

describe('audit fault containment (moto behind a fault proxy)', () => {
  beforeEach(seed);

  it('evaluates everything when nothing fails', async () => {
    const { findings, warnings, roles } = await audit([]);
    expect(statuses(findings, 'TEST-LEX-1')).toEqual([expect.stringMatching(/^PASS bot\//), expect.stringMatching(/^PASS bot\//)]);
    expect(statuses(findings, 'TEST-TR-1')).toEqual(['PASS transcription-job/call-1']);
    expect(roles).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('a throttling storm on Lex makes the Lex checks UNKNOWN and leaves the rest evaluated', async () => {
    const { findings, warnings } = await audit([{ service: 'lex', fault: 'throttle' }]);
    const lex = findings.filter((f) => f.checkId === 'TEST-LEX-1');
    expect(lex.map((f) => [f.status, f.reason])).toEqual([
      ['UNKNOWN', 'AWS::Lex::Bot could not be read: lex:ListBots was throttled after 2 attempts (ThrottlingException)'],
    ]);
    expect(lex[0].resource.arn).toBe(`arn:aws:iam::${ACCOUNT}:root`);
    expect(statuses(findings, 'TEST-TR-1')).toEqual(['PASS transcription-job/call-1']);
    // Retries really happened: the proxy answered each attempt (the path is the test adapter's, for moto).
    expect(proxy.served.get('lex:POST /bots/')).toBe(2);
    expect(warnings.some((w) => w.includes('AWS::Lex::Bot not evaluated'))).toBe(true);
  });

  it('a failed Describe of one resource makes only that resource UNKNOWN', async () => {
    const { findings } = await audit([{ service: 'lex', path: /^GET \/bots\/[^/]+\/$/, fault: 'throttle' }]);
    const lex = findings.filter((f) => f.checkId === 'TEST-LEX-1');
    expect(lex).toHaveLength(2);
    expect(lex.every((f) => f.status === 'UNKNOWN' && f.reason === 'lex:DescribeBot was throttled after 2 attempts (ThrottlingException)')).toBe(true);
    expect(lex.every((f) => f.resource.arn?.includes(':bot/'))).toBe(true);
  });

  it.each<[string, FaultRule, string]>([
    ['AccessDenied on Transcribe (awsJson)', { service: 'transcribe', fault: 'deny' }, 'transcribe:ListTranscriptionJobs was denied (AccessDeniedException)'],
    ['a body that is not JSON', { service: 'transcribe', fault: 'garbage' }, 'transcribe:ListTranscriptionJobs returned a response that could not be read'],
    ['a request that never answers', { service: 'transcribe', fault: 'timeout' }, 'transcribe:ListTranscriptionJobs timed out'],
  ])('%s: Transcribe checks are UNKNOWN, Lex and IAM still evaluated', async (_label, rule, reason) => {
    const { findings, roles } = await audit([rule], 1);
    expect(findings.filter((f) => f.checkId === 'TEST-TR-1').map((f) => [f.status, f.reason])).toEqual([['UNKNOWN', `Live::Transcribe::TranscriptionJob could not be read: ${reason}`]]);
    expect(statuses(findings, 'TEST-LEX-1')).toHaveLength(2);
    expect(findings.filter((f) => f.checkId === 'TEST-LEX-1').every((f) => f.status === 'PASS')).toBe(true);
    expect(roles).toBe(1);
  });

  it('AccessDenied on IAM (query protocol) leaves the global scope with a gap, Regions evaluated', async () => {
    const { collected } = await audit([{ service: 'iam', fault: 'deny' }], 1);
    const global = collected.stacks.find((s) => s.stack.name === `${ACCOUNT}/global`)!;
    expect(global.gaps).toEqual([{ types: ['AWS::IAM::Role'], reason: 'iam:ListRoles was denied (AccessDenied)' }]);
    expect(collected.stacks.find((s) => s.stack.name === `${ACCOUNT}/us-east-1`)!.resources).toHaveLength(3);
  });

  describe('the moto adapter passes faults through instead of hiding them', () => {
    async function withAlias(): Promise<void> {
      const lex = moto.client(LexModelsV2Client);
      const { botId } = await lex.send(new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
      await lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'Prod', botVersion: 'DRAFT' }));
    }
    const aliases = (collected: Awaited<ReturnType<typeof audit>>['collected']) => collected.stacks.flatMap((s) => s.resources).filter((r) => r.type === 'AWS::Lex::BotAlias');

    it('an alias whose bot the adapter could not look up fails the list call (retried), never vanishes', async () => {
      await withAlias();
      // The adapter's own lookup of the alias's bot is throttled once: the list answer fails, the SDK tries again.
      const { collected } = await audit([{ service: 'lex', path: /^GET \/bots\/[^/]+\/botaliases\/[^/]+\/$/, fault: 'throttle', times: 1 }], 2, [realLexBots]);
      expect(aliases(collected).map((r) => r.logicalId)).toEqual([expect.stringMatching(/Prod$|bot-alias\//)]);
    });

    it('a resource policy call that is refused is UNKNOWN, not "no policy"', async () => {
      await withAlias();
      const { collected } = await audit([{ service: 'lex', path: /^GET \/policy\//, fault: 'deny' }], 1, [realLexBots]);
      const policies = collected.stacks.flatMap((s) => s.resources).filter((r) => r.type === 'AWS::Lex::ResourcePolicy');
      // One per bot (and alias), each a policy that cannot be known: the checks say UNKNOWN, never "no policy".
      expect(policies.length).toBeGreaterThanOrEqual(3);
      for (const p of policies) expect(p.properties.Policy).toEqual(new Unknown('lex:DescribeResourcePolicy was denied (AccessDeniedException)'));
    });
  });
});
