import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { piiIn } from '../checks/shared/pii';
import { scanLoaded } from '../lib/cli/scan';
import { renderChunks } from '../lib/report/render';
import type { Report } from '../lib/report/report';
import { parseReport } from '../lib/report/shape';
import { loadTemplates } from '../lib/sources/template/load';
import { emptyParameters } from '../lib/sources/template/parameters';
import { cpuTime, median, medianCost, printTable, processCost, type ProcessCost } from './measure';
import type { Bench } from './run';

const STACKS = 20;
const RESOURCES = 10_000;
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

/** Median CPU time of each phase of a scan, in this process (the first round only warms up). */
function phases(dir: string, files: string[], RUNS: number): Array<[string, number]> {
  const times: Record<string, number[]> = {};
  const time = (name: string, fn: () => void) => (times[name] ??= []).push(cpuTime(fn));
  for (let round = 0; round <= RUNS; round++) {
    let loaded: ReturnType<typeof loadTemplates> | undefined;
    let report: Report | undefined;
    time('JSON.parse of the templates (baseline)', () => files.forEach((f) => JSON.parse(readFileSync(f, 'utf8'))));
    time('read, parse and locate (`lib/sources/template`)', () => (loaded = loadTemplates([dir], { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) })));
    time('graph and checks', () => (report = scanLoaded(loaded!, {})));
    for (const [label, format, shape] of [['text', 'text'], ['JSON (indexed)', 'json'], ['JSON (flat)', 'json', 'flat'], ['SARIF', 'sarif'], ['JUnit', 'junit']] as const) {
      time(`${label} report`, () => {
        for (const piece of renderChunks(report!, format, { shape })) void piece;
      });
    }
    if (round === 0) for (const list of Object.values(times)) list.pop();
  }
  return Object.entries(times).map(([name, list]) => [name, median(list)]);
}

/** The personal-data scan (LEX-DP-16, TR-DP-11) over strings made to defeat backtracking patterns, against one linear pass. */
function adversarial(RUNS: number): string[][] {
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

/** cfn-lint runs on this many of the assembly's templates: one 500-resource template costs it about 16 s of CPU here. */
const CFN_LINT_TEMPLATES = Number(process.env.BENCH_CFN_LINT_TEMPLATES ?? 1);
const CFN_LINT_RUNS = Number(process.env.BENCH_CFN_LINT_RUNS ?? 1);

function hasCommand(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mib = (n: number) => `${n.toFixed(0)} MiB`;
const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

/**
 * Cold start of `lexscribe --help`, and `lexscribe scan` of a generated cdk.out (10,000 resources in 20
 * stacks, cross-stack imports), as a pipeline runs them: a new process each time, with wall-clock, CPU
 * and peak memory (medians). The scan is timed with each report a pipeline asks for, alone. Each figure
 * is set against a floor measured in the same run (a process that only reads and JSON.parses the same
 * templates), which a busy machine stretches alike, and against cfn-lint on the same templates.
 */
const bench: Bench = {
  async run() {
    const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
    const dir = mkdtempSync(join(tmpdir(), 'lexscribe-bench-scan-'));
    const node = process.execPath;
    try {
      const resources = generateAssembly(dir);
      const files = readdirSync(dir).map((f) => join(dir, f));
      const templates = files.filter((f) => f.endsWith('.template.json')).sort();
      const load = loadavg()[0];
      const cost = (args: string[], stdout?: string) => medianCost(RUNS, () => processCost(node, args, { stdout }));
      const nodeStart = cost(['-e', '0']);
      const parse = cost(['-e', `for (const f of ${JSON.stringify(files)}) JSON.parse(require('fs').readFileSync(f, 'utf8'))`]);
      const help = cost([BIN, '--help']);
      const out = join(dir, 'report');
      const scan = (...args: string[]) => cost([BIN, 'scan', dir, ...args], args.length === 0 ? `${out}.txt` : undefined);
      const what = `scan of ${resources.toLocaleString('en')} resources in ${STACKS} stacks`;
      const measured: Array<[string, ProcessCost, ProcessCost, string]> = [
        ['`lexscribe --help`', help, nodeStart, '`node -e 0`'],
        [`${what}, text report on standard output`, scan(), parse, 'parse floor'],
        [`${what}, \`-f json -o report.json\` (indexed, schema 2)`, scan('-f', 'json', '-o', `${out}.json`), parse, 'parse floor'],
        [`${what}, \`-f json --json-shape flat\` (schema 1)`, scan('-f', 'json', '--json-shape', 'flat', '-o', `${out}.flat.json`), parse, 'parse floor'],
        [`${what}, \`-f sarif -o report.sarif\``, scan('-f', 'sarif', '-o', `${out}.sarif`), parse, 'parse floor'],
        [`${what}, \`-f junit -o junit.xml\``, scan('-f', 'junit', '-o', `${out}.xml`), parse, 'parse floor'],
        ['read + JSON.parse of the same files (the parse floor)', parse, parse, 'itself'],
      ];
      const report = parseReport(JSON.parse(readFileSync(`${out}.json`, 'utf8')));
      const size = (file: string) => mib(statSync(file).size / 2 ** 20);
      console.log(`Medians of ${RUNS} runs, each in a new process (CPU is user + system; peak memory is the maximum resident set); Node ${process.version}; load average ${load.toFixed(1)} at the start on ${availableParallelism()} cores (other work stretches wall-clock, far less CPU).\n`);
      printTable(
        ['what', 'wall', 'CPU', 'peak memory', 'target', 'vs floor (wall / CPU)'],
        measured.map(([label, c, base, baseName]) => [label, ms(c.wall), ms(c.cpu), mib(c.peakMiB), label.startsWith('`lexscribe --help`') ? '< 300 ms' : label.startsWith('read') ? '' : '< 1000 ms wall or ≤ 5× floor; ≤ 250 MiB', `${baseName}: ${times(c.wall, base.wall)} / ${times(c.cpu, base.cpu)}`]),
      );
      console.log(`\n${report.summary.total.toLocaleString('en')} findings without --verbose (text ${size(`${out}.txt`)}, JSON ${size(`${out}.json`)} indexed / ${size(`${out}.flat.json`)} flat, SARIF ${size(`${out}.sarif`)}, JUnit ${size(`${out}.xml`)}).`);

      if (hasCommand('cfn-lint')) {
        const subset = templates.slice(0, CFN_LINT_TEMPLATES);
        const share = subset.length / templates.length;
        const count = subset.reduce((n, f) => n + Object.keys((JSON.parse(readFileSync(f, 'utf8')) as { Resources: object }).Resources).length, 0);
        // cfn-lint exits with a bit mask of what it found (2 errors, 4 warnings, 8 informational).
        const lint = medianCost(CFN_LINT_RUNS, () => processCost('cfn-lint', ['--', ...subset], { okCodes: [0, 2, 4, 6, 8, 10, 12, 14] }), { warm: false });
        const ours = medianCost(RUNS, () => processCost(node, [BIN, 'scan', ...subset, '-f', 'json', '-o', `${out}.subset.json`]));
        const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).stdout.trim();
        console.log(`\nPeer: ${version} on ${subset.length} of the ${templates.length} templates (${count.toLocaleString('en')} resources; one template costs it ~16 s of CPU, so it runs on a subset, ${CFN_LINT_RUNS} time${CFN_LINT_RUNS === 1 ? '' : 's'}: BENCH_CFN_LINT_TEMPLATES and BENCH_CFN_LINT_RUNS raise both), against \`lexscribe scan\` of the same files (medians of ${RUNS}). The whole-assembly estimate scales cfn-lint's time by ${(1 / share).toFixed(0)} (its templates are alike and it lints each on its own).\n`);
        printTable(
          ['what', 'wall', 'CPU', 'peak memory', 'cfn-lint ÷ lexscribe (wall / CPU / memory)'],
          [
            [`cfn-lint on ${subset.length} template${subset.length === 1 ? '' : 's'}`, ms(lint.wall), ms(lint.cpu), mib(lint.peakMiB), `${times(lint.wall, ours.wall)} / ${times(lint.cpu, ours.cpu)} / ${times(lint.peakMiB, ours.peakMiB)}`],
            [`\`lexscribe scan\` of the same, \`-f json\``, ms(ours.wall), ms(ours.cpu), mib(ours.peakMiB), ''],
            [`cfn-lint on all ${templates.length} (estimate)`, ms(lint.wall / share), ms(lint.cpu / share), '', `vs lexscribe on all: ${times(lint.wall / share, measured[2][1].wall)} / ${times(lint.cpu / share, measured[2][1].cpu)}`],
          ],
        );
      } else console.log('\ncfn-lint is not installed here: the peer comparison is skipped.');

      const split = phases(dir, templates, RUNS);
      const base = split[0][1];
      console.log(`\nWhere the scan's time goes: CPU medians of ${RUNS} runs in one process (warm: a new process pays more).\n`);
      printTable(['phase', 'CPU', 'vs JSON.parse'], split.map(([name, t]) => [name, ms(t), times(t, base)]));
      console.log(`\nText scanning on adversarial input (1 MiB strings; linear time: a backtracking pattern took minutes here):\n`);
      printTable(['string', 'personal-data scan (CPU)', 'vs one pass of String.indexOf'], adversarial(RUNS));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
