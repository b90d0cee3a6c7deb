import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { piiIn } from '../checks/shared/pii';
import { scanLoaded } from '../lib/cli/scan';
import { renderReport } from '../lib/report/render';
import type { Report } from '../lib/report/report';
import { loadTemplates } from '../lib/sources/template/load';
import { emptyParameters } from '../lib/sources/template/parameters';
import { cpuTime, median, printTable } from './measure';
import type { Bench } from './run';

const STACKS = 20;
const RESOURCES = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BIN = resolve(__dirname, '../bin/lexscribe.js');
const ACCOUNT = '123456789012';

/**
 * One bot with what surrounds it in a real app, as CDK writes it: a key, the audio-log bucket with the
 * TLS-only policy `enforceSSL` adds, the text-log group, the bot role with its default policy, the bot
 * (one locale, an intent with a slot), a version and an alias. Every resource is one the checks read,
 * so the fixture is the worst case of a Lex app for finding density; real apps of this size hold many
 * resources no check looks at.
 */
function unit(stack: string, id: string, sharedKeyExport: string): Record<string, unknown> {
  const meta = (name: string) => ({ 'aws:cdk:path': `${stack}/${id}${name}/Resource` });
  const arn = (name: string) => ({ 'Fn::GetAtt': [`${id}${name}`, 'Arn'] });
  const statement = (effect: string, action: unknown, resource: unknown, extra: Record<string, unknown> = {}) => ({ Effect: effect, Action: action, Resource: resource, ...extra });
  return {
    [`${id}Key`]: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: [statement('Allow', 'kms:*', '*', { Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${ACCOUNT}:root`]] } } })] } }, Metadata: meta('Key') },
    [`${id}Audio`]: {
      Type: 'AWS::S3::Bucket',
      Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arn('Key') } }] }, PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } },
      Metadata: meta('Audio'),
    },
    [`${id}AudioPolicy`]: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: `${id}Audio` },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            statement('Deny', 's3:*', [arn('Audio'), { 'Fn::Join': ['', [arn('Audio'), '/*']] }], { Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            statement('Allow', 's3:PutObject', { 'Fn::Join': ['', [arn('Audio'), '/audio/*']] }, { Principal: { Service: 'lexv2.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }),
          ],
        },
      },
      Metadata: meta('AudioPolicy'),
    },
    [`${id}Text`]: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: arn('Key'), RetentionInDays: 30 }, Metadata: meta('Text') },
    [`${id}Role`]: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [statement('Allow', 'sts:AssumeRole', undefined, { Principal: { Service: 'lexv2.amazonaws.com' } })] } },
      Metadata: meta('Role'),
    },
    [`${id}RoleDefaultPolicy`]: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: `${id}RoleDefaultPolicy`,
        Roles: [{ Ref: `${id}Role` }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [statement('Allow', 'polly:SynthesizeSpeech', '*'), statement('Allow', ['comprehend:DetectSentiment'], '*'), statement('Allow', ['kms:Decrypt', 'kms:GenerateDataKey*'], arn('Key'))],
        },
      },
      Metadata: meta('Role/DefaultPolicy'),
    },
    [`${id}Bot`]: {
      Type: 'AWS::Lex::Bot',
      Properties: {
        Name: { 'Fn::Sub': `\${AWS::StackName}-${id}` },
        RoleArn: arn('Role'),
        DataPrivacy: { ChildDirected: false },
        IdleSessionTTLInSeconds: 300,
        BotLocales: [
          {
            LocaleId: 'en_US',
            NluConfidenceThreshold: 0.4,
            Intents: [
              {
                Name: 'OrderStatus',
                SampleUtterances: [{ Utterance: 'where is my order' }, { Utterance: 'track order {OrderNumber}' }],
                Slots: [
                  {
                    Name: 'OrderNumber',
                    SlotTypeName: 'AMAZON.AlphaNumeric',
                    ObfuscationSetting: { ObfuscationSettingType: 'DefaultObfuscation' },
                    ValueElicitationSetting: { SlotConstraint: 'Required', PromptSpecification: { MaxRetries: 2, MessageGroupsList: [{ Message: { PlainTextMessage: { Value: 'What is your order number?' } } }] } },
                  },
                ],
                SlotPriorities: [{ Priority: 1, SlotName: 'OrderNumber' }],
              },
              { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' },
            ],
          },
        ],
      },
      Metadata: meta('Bot'),
    },
    [`${id}Version`]: { Type: 'AWS::Lex::BotVersion', Properties: { BotId: { Ref: `${id}Bot` }, BotVersionLocaleSpecification: [{ LocaleId: 'en_US', BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' } }] }, Metadata: meta('Version') },
    [`${id}Alias`]: {
      Type: 'AWS::Lex::BotAlias',
      Properties: {
        BotId: { Ref: `${id}Bot` },
        BotAliasName: 'live',
        BotVersion: { 'Fn::GetAtt': [`${id}Version`, 'BotVersion'] },
        ConversationLogSettings: {
          TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: arn('Text'), LogPrefix: 'text/' } } }],
          AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: arn('Audio'), LogPrefix: 'audio/', KmsKeyArn: { 'Fn::ImportValue': sharedKeyExport } } } }],
        },
      },
      Metadata: meta('Alias'),
    },
  };
}

/** A cloud assembly of STACKS stacks and about RESOURCES resources, written as `cdk synth` writes one. */
export function generateAssembly(dir: string): number {
  const perStack = Math.round(RESOURCES / STACKS / Object.keys(unit('', '', '')).length);
  const artifacts: Record<string, unknown> = {};
  let count = 0;
  for (let s = 0; s < STACKS; s++) {
    const name = `Tenant${s}`;
    const resources: Record<string, unknown> = {};
    for (let u = 0; u < perStack; u++) Object.assign(resources, unit(name, `B${u}`, 'Tenant0:SharedKeyArn'));
    const outputs = s === 0 ? { SharedKeyArn: { Value: { 'Fn::GetAtt': ['B0Key', 'Arn'] }, Export: { Name: 'Tenant0:SharedKeyArn' } } } : undefined;
    count += Object.keys(resources).length;
    writeFileSync(join(dir, `${name}.template.json`), JSON.stringify({ Resources: resources, Outputs: outputs }, null, 1));
    artifacts[name] = { type: 'aws:cloudformation:stack', environment: `aws://${ACCOUNT}/eu-west-1`, properties: { templateFile: `${name}.template.json` } };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }, null, 1));
  return count;
}

/** Median wall time of a command, in ms; the first run only warms the file cache. Standard output goes to `stdout`, a file. */
function wall(args: string[], stdout = '/dev/null'): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const out = openSync(stdout, 'w');
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', out, 'pipe'] });
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
    closeSync(out);
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return median(times);
}

/** Median CPU time of each phase of a scan, in this process (the first round only warms up). */
function phases(dir: string, files: string[]): Array<[string, number]> {
  const times: Record<string, number[]> = {};
  const time = (name: string, fn: () => void) => (times[name] ??= []).push(cpuTime(fn));
  for (let round = 0; round <= RUNS; round++) {
    let loaded: ReturnType<typeof loadTemplates> | undefined;
    let report: Report | undefined;
    time('JSON.parse of the templates (baseline)', () => files.forEach((f) => JSON.parse(readFileSync(f, 'utf8'))));
    time('read, parse and locate (`lib/sources/template`)', () => (loaded = loadTemplates([dir], { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) })));
    time('graph and checks', () => (report = scanLoaded(loaded!, {})));
    for (const format of ['text', 'json', 'sarif'] as const) time(`${format} report`, () => renderReport(report!, format));
    if (round === 0) for (const list of Object.values(times)) list.pop();
  }
  return Object.entries(times).map(([name, list]) => [name, median(list)]);
}

/** The personal-data scan (LEX-DP-16, TR-DP-11) over strings made to defeat backtracking patterns, against one linear pass. */
function adversarial(): string[][] {
  const MB = 2 ** 20;
  const cases: Array<[string, string]> = [
    ['1 MiB of letters without @', 'a'.repeat(MB)],
    ['x@ then 1 MiB of "a."', `x@${'a.'.repeat(MB / 2)}`],
    ['1 MiB of "1-"', '1-'.repeat(MB / 2)],
  ];
  return cases.map(([label, text]) => {
    const scan = median(Array.from({ length: RUNS }, () => cpuTime(() => piiIn(text))));
    const floor = median(Array.from({ length: RUNS }, () => cpuTime(() => text.indexOf('\u0000'))));
    return [label, `${scan.toFixed(1)} ms`, `${(scan / Math.max(floor, 0.01)).toFixed(0)}×`];
  });
}

/**
 * Cold start of `lexscribe --help`, and `lexscribe scan` of a generated cdk.out (10,000 resources in
 * 20 stacks, cross-stack imports), as a pipeline runs them: a new process each time, wall-clock. The
 * scan is timed with each report a pipeline asks for, alone: the default text on standard output (to
 * a file, as a CI log), the JSON report, the SARIF report. Each figure is also given as a ratio to a
 * baseline measured in the same run (Node's own start-up; a process that only reads and JSON.parses
 * the same templates), which a busy machine stretches alike.
 */
const bench: Bench = {
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'lexscribe-bench-scan-'));
    try {
      const resources = generateAssembly(dir);
      const files = readdirSync(dir).map((f) => join(dir, f));
      const node = wall(['-e', '0']);
      const parse = wall(['-e', `for (const f of ${JSON.stringify(files)}) JSON.parse(require('fs').readFileSync(f, 'utf8'))`]);
      const help = wall([BIN, '--help']);
      const out = join(dir, 'report');
      const scan = (...args: string[]) => wall([BIN, 'scan', dir, ...args], args.length === 0 ? `${out}.txt` : '/dev/null');
      const what = `\`lexscribe scan\` of ${resources.toLocaleString('en')} resources in ${STACKS} stacks`;
      const row = (label: string, ms: number, target: number, base: string, baseMs: number) => [label, `${ms.toFixed(0)} ms`, `< ${target} ms`, `${base}: ${baseMs.toFixed(0)} ms (${(ms / baseMs).toFixed(1)}×)`];
      const parsed = 'read + JSON.parse of the same files';
      const rows = [
        row('`lexscribe --help`', help, 300, '`node -e 0`', node),
        row(`${what}, text report on standard output`, scan(), 1000, parsed, parse),
        row(`${what}, \`-f json -o report.json\``, scan('-f', 'json', '-o', `${out}.json`), 1000, parsed, parse),
        row(`${what}, \`-f sarif -o report.sarif\``, scan('-f', 'sarif', '-o', `${out}.sarif`), 1000, parsed, parse),
      ];
      const report = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as Report;
      const mib = (file: string) => `${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`;
      console.log(`Wall-clock medians of ${RUNS} runs, each in a new process; Node ${process.version}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores.\n`);
      printTable(['what', 'time', 'target', 'baseline in the same run'], rows);
      console.log(`\n${report.summary.total.toLocaleString('en')} findings without --verbose (text ${mib(`${out}.txt`)}, JSON ${mib(`${out}.json`)}, SARIF ${mib(`${out}.sarif`)}).`);
      const split = phases(dir, files.filter((f) => f.endsWith('.template.json')));
      const base = split[0][1];
      console.log(`\nWhere the scan's time goes: CPU medians of ${RUNS} runs in one process (warm: a new process pays more).\n`);
      printTable(['phase', 'CPU', 'vs JSON.parse'], split.map(([name, ms]) => [name, `${ms.toFixed(0)} ms`, `${(ms / base).toFixed(1)}×`]));
      console.log(`\nText scanning on adversarial input (1 MiB strings; linear time: a backtracking pattern took minutes here):\n`);
      printTable(['string', 'personal-data scan (CPU)', 'vs one pass of String.indexOf'], adversarial());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
