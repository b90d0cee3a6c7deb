import { App, CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LexscribeSuppressions } from '../lib/cdk/suppressions';

/** A compliant app (a team's main branch) or a failing one (a branch under review, with many real findings). */
export type AppKind = 'compliant' | 'failing';

/** Units per stack: 495 resources, under CloudFormation's 500 per stack (which CDK enforces), as a real app must stay. */
export const UNITS_PER_STACK = 55;
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
 * One bot with everything around it (key, audio bucket, text-log group, role, bot, version, alias).
 * A compliant unit is configured as lexscribe recommends; a failing one as a first draft often is:
 * a role any Lex bot of any account could assume with `lex:*` on everything, audio logs without a
 * key in a bucket without TLS enforcement or versioning, a log group without a key or retention, a
 * long idle session and no error logs, so its role and its alias fail several checks each.
 */
function addUnit(stack: Stack, id: string, failing: boolean): void {
  const key = new kms.Key(stack, `${id}Key`, { enableKeyRotation: !failing, removalPolicy: RemovalPolicy.DESTROY });
  const bucket = new s3.Bucket(stack, `${id}Audio`, {
    encryption: failing ? s3.BucketEncryption.S3_MANAGED : s3.BucketEncryption.KMS,
    encryptionKey: failing ? undefined : key,
    enforceSSL: !failing,
    versioned: !failing,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
  const group = new logs.LogGroup(stack, `${id}Text`, {
    encryptionKey: failing ? undefined : key,
    retention: failing ? logs.RetentionDays.INFINITE : logs.RetentionDays.ONE_MONTH,
    dataProtectionPolicy: failing ? undefined : new logs.DataProtectionPolicy({ identifiers: [logs.DataIdentifier.EMAILADDRESS] }),
  });
  const role = new iam.Role(stack, `${id}Role`, {
    assumedBy: failing
      ? new iam.ServicePrincipal('lexv2.amazonaws.com')
      : new iam.ServicePrincipal('lexv2.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': `arn:aws:lex:${stack.region}:${stack.account}:bot/*` } },
        }),
  });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [group.logGroupArn] }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('audio/*')] }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [key.keyArn] }));
  if (failing) {
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lex:*', 'polly:SynthesizeSpeech'], resources: ['*'] }));
    // A bucket policy all the same (one without the TLS-only statement), so both apps have as many resources.
    bucket.addToResourcePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], principals: [role], resources: [bucket.arnForObjects('audio/*')] }));
  }
  const bot = new lex.CfnBot(stack, `${id}Bot`, {
    name: `${stack.stackName}-${id}`,
    roleArn: role.roleArn,
    dataPrivacy: { ChildDirected: false },
    idleSessionTtlInSeconds: Duration.minutes(failing ? 60 : 5).toSeconds(),
    errorLogSettings: failing ? undefined : { enabled: true },
    replication: failing ? undefined : { replicaRegions: ['eu-central-1'] },
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
      audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'audio/', kmsKeyArn: failing ? undefined : key.keyArn } } }],
    },
  });
}

/** Account-wide controls (trail, Config, Security Hub, alarms, AI opt-out) belong to a baseline, as in the example app. */
const BASELINE = ['LEX-MON-1', 'LEX-MON-3', 'LEX-MON-4', 'LEX-MON-7', 'LEX-COMP-2', 'LEX-DP-9'].map((id) => ({ id, reason: 'Provided by the organization baseline' }));

/** Whether unit `u` of a `kind` app is a failing one: every other unit of the failing app (half its roles and aliases). */
export function isFailingUnit(kind: AppKind, u: number): boolean {
  return kind === 'failing' && u % 2 === 0;
}

/** Resources one unit synthesizes to (measured, so the app sizes stay right when constructs change). */
export function resourcesPerUnit(): number {
  const stack = new Stack(new App(), 'Probe', { env: ENV });
  addUnit(stack, 'U', false);
  return stack.node.findAll().filter(CfnResource.isCfnResource).length;
}

/** The generated app: `units` bots, 55 to a stack. `props` are the App's own (validation plugins). */
export function generateApp(kind: AppKind, units: number, outdir: string, props: Record<string, unknown> = {}): App {
  const app = new App({ outdir, context: CLI_CONTEXT, builtinCloudFormationValidation: false, ...props } as never);
  for (let s = 0; s * UNITS_PER_STACK < units; s++) {
    const stack = new Stack(app, `Tenant${s}`, { env: ENV });
    LexscribeSuppressions.addStackSuppressions(stack, BASELINE);
    for (let u = s * UNITS_PER_STACK; u < Math.min(units, (s + 1) * UNITS_PER_STACK); u++) addUnit(stack, `B${u}`, isFailingUnit(kind, u));
  }
  return app;
}
