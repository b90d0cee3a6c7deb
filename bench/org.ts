import { CreateBotAliasCommand, CreateBotCommand, CreateResourcePolicyCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { auditAccount, TEST_HOOKS_ENV, type AuditStats } from '../lib/cli/audit';
import type { AuditFlags } from '../lib/cli/audit-command';
import { Limiter } from '../lib/sources/account/limiter';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { extraRequests, MotoRequestHandler } from '../test/integration/moto-adapter';
import { startMoto } from '../test/integration/moto-server';
import { printTable } from './measure';
import type { Bench } from './run';

/**
 * `lexscribe audit --accounts … --org-role …` against one moto holding an organization: ACCOUNTS member
 * accounts with BOTS bots each (an alias writing audio logs, a resource policy), seeded through the real
 * SDK with each member's OrganizationAccountAccessRole. It audits 5 and then every member at
 * --account-concurrency 4, and every member at 1, and prints wall time and calls per resource (flat
 * from 5 to 20 accounts: nothing is paid per organization but the listing) and the speed-up of 4
 * accounts at once over 1.
 *
 * moto serves one request at a time on this machine with no network between, so on moto alone the
 * audit is bound by moto's rate and accounts at once change little. Real API calls take tens of
 * milliseconds each, during which an account's collectors wait: the same runs are repeated through a
 * proxy (a process of its own) that holds every request for LEXSCRIBE_BENCH_LATENCY_MS (default 100)
 * before moto sees it.
 *
 * Sizes: LEXSCRIBE_BENCH_ORG="ACCOUNTSxBOTS" (default "20x10").
 */
const REGION = 'us-east-1';
const ROLE = 'OrganizationAccountAccessRole';
const CREDENTIALS = { accessKeyId: 'AKIABENCHLEXSCRIBE02', secretAccessKey: 'bench' };
const PER_ACCOUNT_CONCURRENCY = 8;

function size(): { accounts: number; bots: number } {
  const spec = process.env.LEXSCRIBE_BENCH_ORG ?? '20x10';
  const m = /^\s*(\d+)x(\d+)\s*$/.exec(spec);
  if (!m || Number(m[1]) < 5) throw new Error(`LEXSCRIBE_BENCH_ORG: "${spec}" is not ACCOUNTSxBOTS with at least 5 accounts`);
  return { accounts: Number(m[1]), bots: Number(m[2]) };
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

function client<T>(ctor: new (config: Record<string, unknown>) => T, url: string, credentials: Credentials = CREDENTIALS): T {
  return new ctor({ region: REGION, endpoint: url, credentials, maxAttempts: 3, forcePathStyle: true, requestHandler: new MotoRequestHandler({}) });
}

async function seedAccount(url: string, account: string, credentials: Credentials, bots: number): Promise<void> {
  const lex = client(LexModelsV2Client, url, credentials);
  const limiter = new Limiter(4);
  await limiter.map(
    Array.from({ length: bots }, (_, i) => i),
    async (i) => {
      const { botId } = await lex.send(new CreateBotCommand({ botName: `bot-${i}`, roleArn: `arn:aws:iam::${account}:role/LexBotRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
      await lex.send(
        new CreateBotAliasCommand({
          botId,
          botAliasName: 'Prod',
          botVersion: 'DRAFT',
          conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: `arn:aws:s3:::audio-${account}`, logPrefix: 'audio/' } } }] },
        }),
      );
      const botArn = `arn:aws:lex:${REGION}:${account}:bot/${botId}`;
      await lex.send(
        new CreateResourcePolicyCommand({
          resourceArn: botArn,
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'lex:RecognizeText', Resource: botArn }] }),
        }),
      );
    },
  );
  lex.destroy();
}

/** The organization: its members' ids, each seeded with `bots` bots. */
async function seed(url: string, accounts: number, bots: number): Promise<string[]> {
  const org = client(OrganizationsClient, url);
  const sts = client(STSClient, url);
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const ids: string[] = [];
  for (let k = 0; k < accounts; k++) {
    const { CreateAccountStatus } = await org.send(new CreateAccountCommand({ AccountName: `member-${k}`, Email: `member-${k}@example.com` }));
    ids.push(CreateAccountStatus!.AccountId!);
  }
  await new Limiter(4).map(ids, async (id) => {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${id}:role/${ROLE}`, RoleSessionName: 'seed' }));
    await seedAccount(url, id, { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken }, bots);
  });
  org.destroy();
  sts.destroy();
  return ids.sort();
}

function flags(url: string, accounts: string[], accountConcurrency: number): AuditFlags {
  return { region: [REGION], endpointUrl: url, concurrency: PER_ACCOUNT_CONCURRENCY, maxAttempts: 1, timeout: 60, accounts: [accounts.join(',')], orgRole: ROLE, accountConcurrency };
}

interface Run {
  endpoint: string;
  label: string;
  accounts: number;
  concurrency: number;
  stats: AuditStats;
  /** Requests the test adapter sent on its own to bridge moto's alias listing (they reach moto too). */
  adapter: number;
}

async function audit(endpoint: { name: string; url: string }, label: string, accounts: string[], concurrency: number): Promise<Run> {
  const { stats } = await auditAccount(flags(endpoint.url, accounts, concurrency));
  // A multi-account audit makes one request handler (the adapter) for its run: its count is this run's.
  return { endpoint: endpoint.name, label, accounts: accounts.length, concurrency, stats, adapter: extraRequests() };
}

/** The latency proxy in its own process, and its URL. */
function latencyProxy(target: string, delayMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, 'latency-proxy.js'), target, String(delayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (d: Buffer) => resolve({ url: d.toString().trim(), child }));
  });
}

const bench: Bench = {
  async run() {
    const { accounts, bots } = size();
    const latency = Number(process.env.LEXSCRIBE_BENCH_LATENCY_MS ?? 100);
    const moto = await startMoto();
    const proxy = await latencyProxy(moto.url, latency);
    const env = { ...process.env };
    try {
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        [TEST_HOOKS_ENV]: require.resolve('../test/integration/moto-adapter'),
      });
      const t0 = Date.now();
      const members = await seed(moto.url, accounts, bots);
      const seedSeconds = (Date.now() - t0) / 1000;
      const plain = { name: 'moto', url: moto.url };
      const slow = { name: `moto + ${latency} ms per call`, url: proxy.url };
      // moto loads each service's backend on its first request (EC2's takes seconds): not the audit's time.
      await audit(plain, 'warm-up', members.slice(0, 1), 1);
      const runs: Run[] = [];
      for (const endpoint of [plain, slow]) {
        runs.push(await audit(endpoint, `5 accounts`, members.slice(0, 5), 4));
        runs.push(await audit(endpoint, `${accounts} accounts`, members, 4));
        runs.push(await audit(endpoint, `${accounts} accounts`, members, 1));
      }
      printTable(
        ['endpoint', 'run', '--account-concurrency', 'resources', 'wall s', 'API calls', 'calls/resource', 'adapter calls', 'calls/s to moto', 'in flight', 's/account (mean)'],
        runs.map((r) => [
          r.endpoint,
          r.label,
          String(r.concurrency),
          String(r.stats.resources),
          (r.stats.durationMs / 1000).toFixed(1),
          String(r.stats.requests),
          (r.stats.requests / Math.max(1, r.stats.resources)).toFixed(2),
          String(r.adapter),
          ((r.stats.requests + r.adapter) / (r.stats.durationMs / 1000)).toFixed(0),
          r.stats.meanInFlight.toFixed(1),
          (r.stats.perAccount.reduce((n, a) => n + a.durationMs, 0) / 1000 / r.stats.perAccount.length).toFixed(1),
        ]),
      );
      console.log(`\n${accounts} accounts × ${bots} bots, seeded in ${seedSeconds.toFixed(0)} s; at most ${PER_ACCOUNT_CONCURRENCY} requests in flight per account`);
      for (let k = 0; k < runs.length; k += 3) {
        const [five, all4, all1] = runs.slice(k, k + 3);
        const perAdded = (all4.stats.requests - five.stats.requests) / Math.max(1, all4.stats.resources - five.stats.resources);
        console.log(`${five.endpoint}: calls per added resource from 5 to ${accounts} accounts ${perAdded.toFixed(2)}; speed-up of --account-concurrency 4 over 1: ${(all1.stats.durationMs / all4.stats.durationMs).toFixed(2)}×`);
      }
    } finally {
      proxy.child.kill('SIGTERM');
      await moto.stop();
      process.env = env;
    }
  },
};

export default bench;
