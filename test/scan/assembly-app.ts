import { App, Aspects, NestedStack, Stack, Stage, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import type { Finding } from '../../lib/model/finding';
import { tempDir } from '../helpers/temp';

const ENV = { account: '123456789012', region: 'us-east-1' };

function bot(scope: Stack, id: string): lex.CfnBot {
  const role = new iam.Role(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com') });
  return new lex.CfnBot(scope, id, { name: id, roleArn: role.roleArn, dataPrivacy: { ChildDirected: false }, idleSessionTtlInSeconds: 300 });
}

function alias(scope: Stack, id: string, botId: string, bucket: s3.IBucket, kmsKeyArn?: string): lex.CfnBotAlias {
  return new lex.CfnBotAlias(scope, id, {
    botId,
    botAliasName: id.toLowerCase(),
    conversationLogSettings: {
      audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'audio/', kmsKeyArn } } }],
    },
  });
}

/** Stacks of a contact centre: shared keys in one stack, bots using them (cross-stack) in another, a nested stack, a Stage. */
function build(app: App, aspect: LexscribeChecks): void {
  const shared = new Stack(app, 'Shared', { env: ENV });
  const key = new kms.Key(shared, 'LogKey', { enableKeyRotation: true });
  const bucket = new s3.Bucket(shared, 'Logs', { encryptionKey: key });

  const bots = new Stack(app, 'Bots', { env: ENV });
  const support = bot(bots, 'Support');
  alias(bots, 'WithSharedKey', support.attrId, bucket, key.keyArn);
  alias(bots, 'WithoutKey', support.attrId, bucket);
  const suppressed = alias(bots, 'Suppressed', support.attrId, bucket);
  suppressed.addMetadata('lexscribe', { suppressions: [{ id: 'LEX-DP-2', reason: 'test alias, no customer data is ever logged' }] });

  const nested = new NestedStack(bots, 'Regional');
  const nestedBucket = new s3.Bucket(nested, 'NestedLogs');
  alias(nested, 'NestedAlias', bot(nested as unknown as Stack, 'NestedBot').attrId, nestedBucket);

  const prod = new Stage(app, 'Prod', { env: ENV });
  // CDK does not apply an App's aspects inside a Stage.
  Aspects.of(prod).add(aspect);
  const prodStack = new Stack(prod, 'Service', { env: ENV } as StackProps);
  const prodKey = new kms.Key(prodStack, 'Key');
  alias(prodStack, 'ProdAlias', bot(prodStack, 'ProdBot').attrId, new s3.Bucket(prodStack, 'ProdLogs'), prodKey.keyArn);
}

export interface SynthesizedAssembly {
  /** The cloud assembly directory (`cdk.out`). */
  dir: string;
  /** Findings of the aspect over every stage, NOT_APPLICABLE included. */
  findings: Finding[];
}

/**
 * Synthesize the contact-centre app with the aspect into a temporary `cdk.out`, with the metadata the
 * CDK CLI adds (construct paths; asset paths when `assetMetadata`).
 */
export function synthAssembly(opts: { assetMetadata?: boolean } = {}): SynthesizedAssembly {
  const dir = tempDir('lexscribe-cdkout-');
  const app = new App({
    outdir: dir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': !!opts.assetMetadata },
  } as never);
  const aspect = new LexscribeChecks({ reports: false, failOn: 'CRITICAL', verbose: true });
  build(app, aspect);
  Aspects.of(app).add(aspect);
  app.synth();
  return { dir, findings: [...aspect.results.values()].flatMap((r) => r.findings) };
}
