import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBotAliasCommand, CreateBotCommand, CreateResourcePolicyCommand, DescribeBotCommand, LexModelsV2Client, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { StartTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { auditAccount, TEST_HOOKS_ENV } from '../lib/cli/audit';
import { Limiter } from '../lib/sources/account/limiter';
import { extraRequests, MotoRequestHandler } from '../test/integration/moto-adapter';
import { startMoto, type MotoServer } from '../test/integration/moto-server';
import type { Bench } from './run';
import { printTable } from './measure';

/**
 * `lexscribe audit` against moto: seed an account (bots with aliases, resource policies, roles, log
 * groups, keys, buckets, and Transcribe jobs), audit it, and compare the audit's request rate with
 * moto's own sustained rate measured in the same run. moto serves one request at a time, so it is
 * the ceiling: the audit should keep it busy (≥ 80 %) and make a constant number of calls per resource.
 *
 * Sizes: LEXSCRIBE_BENCH_SIZES="BOTSxJOBS,…" (default "50x250,200x1000"; the full size of the issue is
 * "50x1250,200x5000", which spends most of its time seeding jobs at moto's pace).
 */
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ALIASES_PER_BOT = 3;
const SEED_CONCURRENCY = 16;
const AUDIT_CONCURRENCY = 8;
const CREDENTIALS = { accessKeyId: 'AKIABENCHLEXSCRIBE01', secretAccessKey: 'bench' };

interface Size {
  bots: number;
  jobs: number;
}

function sizes(): Size[] {
  const spec = process.env.LEXSCRIBE_BENCH_SIZES ?? '50x250,200x1000';
  return spec.split(',').map((s) => {
    const m = /^\s*(\d+)x(\d+)\s*$/.exec(s);
    if (!m) throw new Error(`LEXSCRIBE_BENCH_SIZES: "${s}" is not BOTSxJOBS`);
    return { bots: Number(m[1]), jobs: Number(m[2]) };
  });
}

function clients(url: string) {
  const config = { region: REGION, endpoint: url, credentials: CREDENTIALS, maxAttempts: 3, forcePathStyle: true, requestHandler: new MotoRequestHandler({}) };
  return {
    lex: new LexModelsV2Client(config),
    iam: new IAMClient(config),
    kms: new KMSClient(config),
    logs: new CloudWatchLogsClient(config),
    s3: new S3Client(config),
    transcribe: new TranscribeClient(config),
    destroy() {
      for (const c of [this.lex, this.iam, this.kms, this.logs, this.s3, this.transcribe]) c.destroy();
    },
  };
}

type Clients = ReturnType<typeof clients>;

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

async function seedBot(c: Clients, i: number): Promise<void> {
  const role = await c.iam.send(new CreateRoleCommand({ RoleName: `LexBotRole${i}`, AssumeRolePolicyDocument: trust }));
  const key = await c.kms.send(new CreateKeyCommand({ Description: `bot ${i} logs` }));
  const keyArn = key.KeyMetadata!.Arn!;
  const logGroup = `/aws/lex/bot-${i}`;
  await c.logs.send(new CreateLogGroupCommand({ logGroupName: logGroup, kmsKeyId: keyArn }));
  await c.s3.send(new CreateBucketCommand({ Bucket: `lex-audio-${i}` }));
  const { botId } = await c.lex.send(
    new CreateBotCommand({ botName: `bot-${i}`, roleArn: role.Role!.Arn, dataPrivacy: { childDirected: i % 2 === 0 }, idleSessionTTLInSeconds: 300, botTags: { owner: 'bench' } }),
  );
  const botArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${botId}`;
  const policy = (resource: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'lex:RecognizeText', Resource: resource, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }],
    });
  await c.lex.send(new CreateResourcePolicyCommand({ resourceArn: botArn, policy: policy(botArn) }));
  for (let a = 0; a < ALIASES_PER_BOT; a++) {
    const alias = await c.lex.send(
      new CreateBotAliasCommand({
        botId,
        botAliasName: `alias-${a}`,
        botVersion: 'DRAFT',
        conversationLogSettings: {
          textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logGroup}`, logPrefix: 'text/' } } }],
          audioLogSettings: [{ enabled: a !== 0, destination: { s3Bucket: { s3BucketArn: `arn:aws:s3:::lex-audio-${i}`, logPrefix: 'audio/', kmsKeyArn: a === 2 ? undefined : keyArn } } }],
        },
      }),
    );
    const aliasArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${alias.botAliasId}`;
    await c.lex.send(new CreateResourcePolicyCommand({ resourceArn: aliasArn, policy: policy(aliasArn) }));
  }
}

/** Seed up to `size`, adding only what earlier (smaller) sizes did not create. */
async function seed(c: Clients, from: Size, to: Size): Promise<void> {
  const limiter = new Limiter(SEED_CONCURRENCY);
  if (from.jobs === 0 && to.jobs > 0) await c.s3.send(new CreateBucketCommand({ Bucket: 'transcripts' }));
  const bots = Array.from({ length: to.bots - from.bots }, (_, k) => from.bots + k);
  const jobs = Array.from({ length: to.jobs - from.jobs }, (_, k) => from.jobs + k);
  await limiter.map(bots, (i) => seedBot(c, i));
  await limiter.map(jobs, (i) =>
    c.transcribe.send(
      new StartTranscriptionJobCommand({
        TranscriptionJobName: `call-${i}`,
        LanguageCode: 'en-US',
        Media: { MediaFileUri: `s3://media/call-${i}.wav` },
        OutputBucketName: i % 3 === 0 ? undefined : 'transcripts',
        ContentRedaction: i % 2 === 0 ? { RedactionType: 'PII', RedactionOutput: 'redacted' } : undefined,
      }),
    ),
  );
}

/** One attempt per call: moto answers operations it lacks with HTTP 500, which the SDK would retry. */
function auditFlags(url: string) {
  return { region: [REGION], endpointUrl: url, concurrency: AUDIT_CONCURRENCY, maxAttempts: 1, timeout: 60 };
}

/** moto's sustained rate on a cheap read, with the audit's concurrency. */
async function motoRate(c: Clients, seconds = 3): Promise<number> {
  const { botSummaries } = await c.lex.send(new ListBotsCommand({ maxResults: 1 }));
  const botId = botSummaries?.[0]?.botId;
  if (!botId) throw new Error('no bot to describe');
  let done = 0;
  const end = Date.now() + seconds * 1000;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: AUDIT_CONCURRENCY }, async () => {
      while (Date.now() < end) {
        await c.lex.send(new DescribeBotCommand({ botId }));
        done++;
      }
    }),
  );
  return done / ((Date.now() - start) / 1000);
}

const bench: Bench = {
  async run() {
    let moto: MotoServer | undefined;
    const env = { ...process.env };
    try {
      moto = await startMoto();
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        [TEST_HOOKS_ENV]: require.resolve('../test/integration/moto-adapter'),
      });
      const c = clients(moto.url);
      // moto loads each service's backend on its first request (EC2's takes seconds): not the audit's time.
      await auditAccount(auditFlags(moto.url));
      const rows: string[][] = [];
      const points: Array<{ resources: number; requests: number }> = [];
      let seeded: Size = { bots: 0, jobs: 0 };
      for (const size of sizes().sort((a, b) => a.bots - b.bots || a.jobs - b.jobs)) {
        const t0 = Date.now();
        await seed(c, seeded, size);
        seeded = size;
        const seedSeconds = (Date.now() - t0) / 1000;
        const before = await motoRate(c);
        const extraBefore = extraRequests();
        const { stats } = await auditAccount(auditFlags(moto.url));
        // Measured on both sides of the audit, so a machine busy with something else skews both alike.
        const ceiling = (before + (await motoRate(c))) / 2;
        // Requests the test adapter added to bridge moto's alias listing reach moto too.
        const requests = stats.requests + (extraRequests() - extraBefore);
        const seconds = stats.durationMs / 1000;
        const rate = requests / seconds;
        points.push({ resources: stats.resources, requests });
        rows.push([
          `${size.bots} × ${ALIASES_PER_BOT}`,
          String(size.jobs),
          String(stats.resources),
          seconds.toFixed(1),
          String(requests),
          (requests / Math.max(1, stats.resources)).toFixed(2),
          rate.toFixed(0),
          ceiling.toFixed(0),
          `${Math.round((100 * rate) / ceiling)} %`,
          `${stats.meanInFlight.toFixed(1)} / ${AUDIT_CONCURRENCY}`,
          seedSeconds.toFixed(0),
        ]);
      }
      c.destroy();
      printTable(['bots × aliases', 'jobs', 'resources', 'audit s', 'API calls', 'calls/resource', 'calls/s', 'moto calls/s', 'of moto', 'in flight', 'seed s'], rows);
      // Account-wide calls (trails, Config, alarms…) are paid once; what each added resource costs is the slope.
      for (let k = 1; k < points.length; k++) {
        const [a, b] = [points[k - 1], points[k]];
        console.log(`\ncalls per added resource between the sizes: ${((b.requests - a.requests) / Math.max(1, b.resources - a.resources)).toFixed(2)}`);
      }
    } finally {
      await moto?.stop();
      process.env = env;
    }
  },
};

export default bench;
