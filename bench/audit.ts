import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBotAliasCommand, CreateBotCommand, CreateResourcePolicyCommand, DescribeBotCommand, LexModelsV2Client, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { StartTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { TEST_HOOKS_ENV } from '../lib/cli/audit';
import { Limiter } from '../lib/sources/account/limiter';
import { MotoRequestHandler, type SentRequest } from '../test/integration/moto-adapter';
import { startMoto, type MotoServer } from '../test/integration/moto-server';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay, type Replayed } from './replay';
import type { Bench } from './run';
import { median, printTable, procCpuMs } from './measure';

/**
 * `lexscribe audit` against moto: seed an account (bots with aliases, resource policies, roles, log
 * groups, keys, buckets, and Transcribe jobs), audit it, and compare the audit's request rate with
 * moto's own sustained rate measured in the same run. moto serves one request at a time, so it is
 * the ceiling: the audit should keep it busy (≥ 80 %) and make a constant number of calls per resource.
 *
 * Each audit runs in a process of its own (its CPU time and peak memory are the audit's alone), at
 * least 3 times per size; the table shows medians. Every run's report is hashed (without `startedAt`):
 * the runs of one size must agree, whatever the timing of moto's answers.
 *
 * Sizes: LEXSCRIBE_BENCH_SIZES="BOTSxJOBS,…" (default "50x1250,200x5000", the issue's size; "50x250,200x1000"
 * is quicker). Runs: LEXSCRIBE_BENCH_RUNS (default 3). LEXSCRIBE_BENCH_REPORTS=DIR writes each size's
 * first report there as JSON, to compare the reports of two versions of the audit.
 */
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ALIASES_PER_BOT = 3;
const SEED_CONCURRENCY = 16;
const RUNS = Math.max(3, Number(process.env.LEXSCRIBE_BENCH_RUNS ?? 3) || 3);
const AUDIT_CONCURRENCY = 8;
const CREDENTIALS = { accessKeyId: 'AKIABENCHLEXSCRIBE01', secretAccessKey: 'bench' };

export interface Size {
  bots: number;
  jobs: number;
}

function sizes(): Size[] {
  const spec = process.env.LEXSCRIBE_BENCH_SIZES ?? '50x1250,200x5000';
  return spec.split(',').map((s) => {
    const m = /^\s*(\d+)x(\d+)\s*$/.exec(s);
    if (!m) throw new Error(`LEXSCRIBE_BENCH_SIZES: "${s}" is not BOTSxJOBS`);
    return { bots: Number(m[1]), jobs: Number(m[2]) };
  });
}

export function clients(url: string) {
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

export type Clients = ReturnType<typeof clients>;

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
export async function seed(c: Clients, from: Size, to: Size): Promise<void> {
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

/** What moto did over a stretch of time: calls answered and CPU used (undefined without /proc). */
interface MotoWork {
  calls: number;
  wallMs: number;
  motoCpuMs?: number;
}

/** moto's CPU time so far (its process's user + system time), undefined where /proc cannot tell. */
const motoCpu = (moto: MotoServer) => (moto.pid === undefined ? undefined : procCpuMs(`/proc/${moto.pid}/stat`));

/** The CPU moto used while `work` ran, attached to what `work` returns. */
async function withMotoCpu<T extends Omit<MotoWork, 'motoCpuMs'>>(moto: MotoServer, work: () => Promise<T>): Promise<T & MotoWork> {
  const before = motoCpu(moto);
  const done = await work();
  const after = motoCpu(moto);
  return { ...done, motoCpuMs: before === undefined || after === undefined ? undefined : after - before };
}

/** moto's sustained rate on a cheap read, with the audit's concurrency. */
async function motoLoop(c: Clients, seconds = 3): Promise<Omit<MotoWork, 'motoCpuMs'>> {
  const { botSummaries } = await c.lex.send(new ListBotsCommand({ maxResults: 1 }));
  const botId = botSummaries?.[0]?.botId;
  if (!botId) throw new Error('no bot to describe');
  let calls = 0;
  const end = Date.now() + seconds * 1000;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: AUDIT_CONCURRENCY }, async () => {
      while (Date.now() < end) {
        await c.lex.send(new DescribeBotCommand({ botId }));
        calls++;
      }
    }),
  );
  return { calls, wallMs: Date.now() - start };
}

/** An audit's requests sent again: at most this many (every k-th, in order: the same mix of calls). */
const REPLAY_MAX = 3000;

const rateOf = (w: MotoWork) => w.calls / (w.wallMs / 1000);
/** The share of one core moto's process used: moto answers one request at a time, so 1 is its limit. */
const busyOf = (w: MotoWork) => (w.motoCpuMs === undefined ? undefined : w.motoCpuMs / w.wallMs);
/** moto's CPU per call: what the calls asked of it. */
const costOf = (w: MotoWork) => (w.motoCpuMs === undefined ? undefined : w.motoCpuMs / w.calls);

/** Two stretches as one (the loop before and after an audit). */
const both = (a: MotoWork, b: MotoWork): MotoWork => ({
  calls: a.calls + b.calls,
  wallMs: a.wallMs + b.wallMs,
  motoCpuMs: a.motoCpuMs === undefined || b.motoCpuMs === undefined ? undefined : a.motoCpuMs + b.motoCpuMs,
});

import type { AuditRun } from './audit-child';

function auditInChild(url: string, keepReport: boolean, record?: string): Promise<AuditRun> {
  const env = {
    ...process.env,
    ...(record ? { LEXSCRIBE_BENCH_RECORD: record } : {}),
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    [TEST_HOOKS_ENV]: require.resolve('../test/integration/moto-adapter'),
    LEXSCRIBE_BENCH_CONCURRENCY: String(AUDIT_CONCURRENCY),
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [require.resolve('./audit-child'), url, keepReport ? 'keep' : ''], { env, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`audit run failed: ${stderr.trim().split('\n').pop() ?? error.message}`));
      else resolve(JSON.parse(stdout) as AuditRun);
    });
  });
}

/** One audit and moto's loop around it: the ratio of their rates is moto's busy share in the audit against the loop's, times the loop's CPU per call against the audit's. */
interface Run extends AuditRun {
  ceiling: number;
  audit: MotoWork;
  loop: MotoWork;
  /** moto on the audit's own requests sent again (the size's first audit's, after each audit). */
  replay: MotoWork & Replayed;
}

interface SizeResult {
  size: Size;
  runs: Run[];
  seedSeconds: number;
  load: number[];
}

const bench: Bench = {
  async run() {
    let moto: MotoServer | undefined;
    const scratch = mkdtempSync(join(tmpdir(), 'lexscribe-bench-audit-'));
    const record = join(scratch, 'requests.json');
    try {
      moto = await startMoto();
      // moto moves a job from IN_PROGRESS to COMPLETED as it is read: with that, each audit would see
      // another account. Jobs complete at once instead, as those of a real account mostly have.
      const res = await fetch(`${moto.url}/moto-api/state-manager/set-transition`, {
        method: 'POST',
        body: JSON.stringify({ model_name: 'transcribe::transcriptionjob', transition: { progression: 'immediate' } }),
      });
      if (!res.ok) throw new Error(`moto set-transition failed: HTTP ${res.status}`);
      const c = clients(moto.url);
      // moto loads each service's backend on its first request (EC2's takes seconds): not the audit's time.
      await auditInChild(moto.url, false);
      const results: SizeResult[] = [];
      let seeded: Size = { bots: 0, jobs: 0 };
      for (const size of sizes().sort((a, b) => a.bots - b.bots || a.jobs - b.jobs)) {
        const t0 = Date.now();
        await seed(c, seeded, size);
        seeded = size;
        const result: SizeResult = { size, runs: [], seedSeconds: (Date.now() - t0) / 1000, load: [loadavg()[0]] };
        let sent: SentRequest[] = [];
        for (let r = 0; r < RUNS; r++) {
          const server = moto;
          const before = await withMotoCpu(server, () => motoLoop(c));
          const audit = await withMotoCpu(server, async () => {
            const run = await auditInChild(server.url, r === 0 && !!process.env.LEXSCRIBE_BENCH_REPORTS, r === 0 ? record : undefined);
            return { run, calls: run.requests, wallMs: run.wallMs };
          });
          // Measured on both sides of the audit, so a machine busy with something else skews both alike.
          const after = await withMotoCpu(server, () => motoLoop(c));
          if (r === 0) {
            sent = JSON.parse(readFileSync(record, 'utf8')) as SentRequest[];
            // The audit counts the account's requests after its session's sts:GetCallerIdentity; the record has that one too.
            if (Math.abs(sent.length - audit.run.requests) > 1) throw new Error(`the audit counted ${audit.run.requests} requests but ${sent.length} were recorded`);
          }
          const again = await withMotoCpu(server, () => replay(server.url, sent, AUDIT_CONCURRENCY, Math.ceil(sent.length / REPLAY_MAX)));
          result.runs.push({ ...audit.run, ceiling: (rateOf(before) + rateOf(after)) / 2, audit, loop: both(before, after), replay: again });
        }
        result.load.push(loadavg()[0]);
        const dir = process.env.LEXSCRIBE_BENCH_REPORTS;
        if (dir && result.runs[0].report) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `audit-${size.bots}x${size.jobs}.json`), result.runs[0].report);
        }
        results.push(result);
      }
      c.destroy();
      print(results);
    } finally {
      await moto?.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

/** The median of a moto measure in the audits and in the loops (or `against`), as "audit / loop" ("n/a" without /proc). */
function pair(runs: readonly Run[], f: (w: MotoWork) => number | undefined, digits: number, against: (r: Run) => MotoWork = (r) => r.loop): string {
  const of = (pick: (r: Run) => MotoWork) => {
    const values = runs.map((r) => f(pick(r)));
    return values.every((v): v is number => v !== undefined) ? median(values).toFixed(digits) : 'n/a';
  };
  return `${of((r) => r.audit)} / ${of(against)}`;
}

/**
 * Why an audit's rate is what it is against moto's loop: rate = busy share ÷ CPU per call, so the ratio
 * of the two rates is (the audit's busy share ÷ the loop's) × (the loop's CPU per call ÷ the audit's).
 * The first factor is how well the audit keeps moto working; the second, what its mix of calls asks of
 * moto against a DescribeBot.
 */
function decomposition(runs: readonly Run[]): string | undefined {
  const busy = runs.map((r) => [busyOf(r.audit), busyOf(r.loop)]);
  const cost = runs.map((r) => [costOf(r.audit), costOf(r.loop)]);
  if ([...busy, ...cost].some(([a, b]) => a === undefined || b === undefined)) return undefined;
  const b = median(busy.map(([a, l]) => a! / l!));
  const k = median(cost.map(([a, l]) => a! / l!));
  return `moto was busy ${b.toFixed(2)}× its share in the loop, and each call cost it ${k.toFixed(2)}× the loop's DescribeBot: ${b.toFixed(2)} / ${k.toFixed(2)} = ${Math.round((100 * b) / k)} % (medians of the runs' factors)`;
}

function print(results: readonly SizeResult[]): void {
  const m = (runs: SizeResult['runs'], f: (r: SizeResult['runs'][number]) => number) => median(runs.map(f));
  console.log(`Medians of ${RUNS} audits per size, each in a process of its own, ${AUDIT_CONCURRENCY} requests in flight. moto's rate two ways, each at the same concurrency: a loop of lex:DescribeBot just before and after each audit ("of moto"), and the audit's own requests sent again by a bare HTTP client after it ("of moto on the same calls": up to ${REPLAY_MAX} of them, every k-th in order). Node ${process.version}, ${availableParallelism()} cores.\n`);
  printTable(
    ['bots × aliases', 'jobs', 'resources', 'API calls', 'calls/resource', 'audit wall s', 'audit CPU s', 'peak MiB', 'lexscribe calls/s', 'moto calls/s', 'of moto', 'moto on the same calls/s', 'of moto on the same calls', 'moto busy: audit / loop', 'moto ms per call: audit / loop', 'in flight', 'load avg', 'seed s'],
    results.map(({ size, runs, seedSeconds, load }) => {
      const rate = m(runs, (r) => r.requests / (r.wallMs / 1000));
      const ceiling = m(runs, (r) => r.ceiling);
      return [
        `${size.bots} × ${ALIASES_PER_BOT}`,
        String(size.jobs),
        String(m(runs, (r) => r.resources)),
        String(m(runs, (r) => r.requests)),
        m(runs, (r) => r.requests / Math.max(1, r.resources)).toFixed(2),
        (m(runs, (r) => r.wallMs) / 1000).toFixed(1),
        (m(runs, (r) => r.cpuMs) / 1000).toFixed(1),
        m(runs, (r) => r.maxRssMiB).toFixed(0),
        rate.toFixed(0),
        ceiling.toFixed(0),
        `${m(runs, (r) => (100 * r.requests) / (r.wallMs / 1000) / r.ceiling).toFixed(0)} %`,
        m(runs, (r) => rateOf(r.replay)).toFixed(0),
        `${m(runs, (r) => (100 * r.requests) / (r.wallMs / 1000) / rateOf(r.replay)).toFixed(0)} %`,
        pair(runs, busyOf, 2),
        pair(runs, costOf, 2),
        `${m(runs, (r) => r.meanInFlight).toFixed(1)} / ${AUDIT_CONCURRENCY}`,
        load.map((l) => l.toFixed(1)).join('→'),
        seedSeconds.toFixed(0),
      ];
    }),
  );
  console.log('');
  for (const { size, runs } of results) {
    const ratios = runs.map((r) => `${Math.round((100 * r.requests) / (r.wallMs / 1000) / r.ceiling)} %`).join(', ');
    const changed = runs.reduce((n, r) => n + r.replay.changed, 0);
    const same = runs.map((r) => `${Math.round((100 * r.requests) / (r.wallMs / 1000) / rateOf(r.replay))} %`).join(', ');
    const digests = new Set(runs.map((r) => r.digest));
    console.log(`${size.bots}x${size.jobs}: of moto per run ${ratios}; on the same calls ${same} (moto's CPU per call: audit / replay ${pair(runs, costOf, 2, (r) => r.replay)} ms; ${changed === 0 ? 'every replayed answer had its recorded status' : `${changed} replayed answers had another status than recorded`}); reports ${digests.size === 1 ? `identical across the ${runs.length} runs (${[...digests][0]})` : `DIFFER between runs (${[...digests].join(', ')})`}`);
    const why = decomposition(runs);
    if (why) console.log(`${size.bots}x${size.jobs}: ${why}`);
  }
  // Account-wide calls (trails, Config, alarms…) are paid once; what each added resource costs is the slope.
  for (let k = 1; k < results.length; k++) {
    const at = (i: number) => ({ resources: median(results[i].runs.map((r) => r.resources)), requests: median(results[i].runs.map((r) => r.requests)) });
    const [a, b] = [at(k - 1), at(k)];
    console.log(`calls per added resource between the sizes: ${((b.requests - a.requests) / Math.max(1, b.resources - a.resources)).toFixed(2)}`);
  }
}

export default bench;
