import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, CfnResource, Duration, RemovalPolicy, Stack, type IAspect } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LexscribeChecks } from '../lib/cdk/aspect';
import { LexscribeSuppressions } from '../lib/cdk/suppressions';
import { cpuAndWallTime, median, printTable } from './measure';
import type { Bench } from './run';

const SIZES = [50, 500, 2000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Units per stack: keeps each stack under CloudFormation's 500-resource limit, as a real app must. */
const UNITS_PER_STACK = 40;
const ENV = { account: '123456789012', region: 'eu-west-1' };
/** The context `cdk synth` gives an app, so metadata costs what it costs under the CLI. */
const CLI_CONTEXT = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': true,
};

const TAGS = [
  { key: 'data-classification', value: 'internal' },
  { key: 'owner', value: 'bench' },
];

/**
 * One bot with everything around it (key, audio bucket, text-log group, role, bot, version, alias),
 * configured as lexscribe recommends, like a team's app on its main branch: the cost measured is
 * checking, not annotating thousands of findings.
 */
function addUnit(stack: Stack, id: string): void {
  const key = new kms.Key(stack, `${id}Key`, { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
  const bucket = new s3.Bucket(stack, `${id}Audio`, {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
  const group = new logs.LogGroup(stack, `${id}Text`, {
    encryptionKey: key,
    retention: logs.RetentionDays.ONE_MONTH,
    dataProtectionPolicy: new logs.DataProtectionPolicy({ identifiers: [logs.DataIdentifier.EMAILADDRESS] }),
  });
  const role = new iam.Role(stack, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': `arn:aws:lex:${stack.region}:${stack.account}:bot/*` } },
    }),
  });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [group.logGroupArn] }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('audio/*')] }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [key.keyArn] }));
  const bot = new lex.CfnBot(stack, `${id}Bot`, {
    name: `${stack.stackName}-${id}`,
    roleArn: role.roleArn,
    dataPrivacy: { ChildDirected: false },
    idleSessionTtlInSeconds: Duration.minutes(5).toSeconds(),
    errorLogSettings: { enabled: true },
    replication: { replicaRegions: ['eu-central-1'] },
    botTags: TAGS,
    testBotAliasTags: TAGS,
  });
  const version = new lex.CfnBotVersion(stack, `${id}Version`, { botId: bot.attrId, botVersionLocaleSpecification: [] });
  new lex.CfnBotAlias(stack, `${id}Alias`, {
    botId: bot.attrId,
    botAliasName: 'live',
    botVersion: version.attrBotVersion,
    botAliasTags: TAGS,
    conversationLogSettings: {
      textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 'text/' } } }],
      audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'audio/', kmsKeyArn: key.keyArn } } }],
    },
  });
}

/** Account-wide controls (trail, Config, Security Hub, alarms, AI opt-out) belong to a baseline, as in the example app. */
const BASELINE = ['LEX-MON-1', 'LEX-MON-3', 'LEX-MON-4', 'LEX-MON-7', 'LEX-COMP-2', 'LEX-DP-9'].map((id) => ({ id, reason: 'Provided by the organization baseline' }));

/** Resources one unit synthesizes to (measured, so the app sizes stay right when constructs change). */
function resourcesPerUnit(): number {
  const stack = new Stack(new App(), 'Probe', { env: ENV });
  addUnit(stack, 'U');
  return stack.node.findAll().filter(CfnResource.isCfnResource).length;
}

function synthApp(units: number, aspect?: () => IAspect): { cpu: number; wall: number } {
  const outdir = mkdtempSync(join(tmpdir(), 'lexscribe-bench-'));
  try {
    return cpuAndWallTime(() => {
      const app = new App({ outdir, context: CLI_CONTEXT, builtinCloudFormationValidation: false } as never);
      for (let s = 0; s * UNITS_PER_STACK < units; s++) {
        const stack = new Stack(app, `Tenant${s}`, { env: ENV });
        LexscribeSuppressions.addStackSuppressions(stack, BASELINE);
        for (let u = s * UNITS_PER_STACK; u < Math.min(units, (s + 1) * UNITS_PER_STACK); u++) addUnit(stack, `B${u}`);
      }
      if (aspect) Aspects.of(app).add(aspect());
      app.synth();
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `lexscribe, no checks` is the integration alone (render, graph, report): what is left is the checks' own cost. */
const VARIANTS: Array<[string, (() => IAspect) | undefined]> = [
  ['plain', undefined],
  ['lexscribe', () => new LexscribeChecks()],
  ['lexscribe, no checks', () => new LexscribeChecks({ checks: [] })],
  ['cdk-nag AwsSolutions', () => new AwsSolutionsChecks()],
];

/**
 * Synthesis time of generated apps, plain and with each aspect, as `cdk synth` runs them: building
 * the construct tree, aspects, validation and writing the assembly. Variants alternate within each
 * round so drift (GC, CPU frequency) hits them alike; the first round only warms up.
 */
const bench: Bench = {
  async run() {
    const perUnit = resourcesPerUnit();
    const rows = { cpu: [] as string[][], wall: [] as string[][] };
    for (const size of SIZES) {
      const units = Math.max(1, Math.round(size / perUnit));
      const times = VARIANTS.map(() => ({ cpu: [] as number[], wall: [] as number[] }));
      for (let round = 0; round <= RUNS; round++) {
        VARIANTS.forEach(([, aspect], i) => {
          const t = synthApp(units, aspect);
          if (round > 0) {
            times[i].cpu.push(t.cpu);
            times[i].wall.push(t.wall);
          }
        });
      }
      for (const kind of ['cpu', 'wall'] as const) {
        const [plain, ...others] = times.map((t) => median(t[kind]));
        rows[kind].push([String(units * perUnit), `${plain.toFixed(0)} ms`, ...others.map((ms) => `${ms.toFixed(0)} ms (${(ms / plain).toFixed(2)}×)`)]);
      }
    }
    const header = ['resources', ...VARIANTS.map(([name]) => name)];
    console.log(`Median of ${RUNS} runs each; CDK's built-in template validation off; Node ${process.version}.\n\nCPU time (user + system):\n`);
    printTable(header, rows.cpu);
    console.log('\nWall time:\n');
    printTable(header, rows.wall);
  },
};

export default bench;
