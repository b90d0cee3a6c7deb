import { CreateVpcCommand, CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand, type RecordingGroup } from '@aws-sdk/client-config-service';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AttachRolePolicyCommand,
  CreateServiceLinkedRoleCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient, type Runtime } from '@aws-sdk/client-lambda';
import { CreateAliasCommand, CreateKeyCommand, EnableKeyRotationCommand, KMSClient, type KeySpec } from '@aws-sdk/client-kms';
import {
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateResourcePolicyCommand,
  LexModelsV2Client,
  type ConversationLogSettings,
  type CreateBotAliasCommandInput,
  type CreateBotCommandInput,
} from '@aws-sdk/client-lex-models-v2';
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateMedicalVocabularyCommand,
  CreateVocabularyCommand,
  GetMedicalTranscriptionJobCommand,
  GetTranscriptionJobCommand,
  StartMedicalTranscriptionJobCommand,
  StartTranscriptionJobCommand,
  TranscribeClient,
} from '@aws-sdk/client-transcribe';
import type { Seed } from './types';

/**
 * Small builders of real resources in moto, for the live cases of the tester tables. Each takes the
 * case's `aws` and returns what the next one needs (an id or an ARN). Where moto differs from AWS,
 * the builder makes moto hold what AWS would (a bucket always has default encryption).
 */

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const SLR_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_Support`;

export const doc = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** A trust policy letting `service` assume the role, with optional conditions. */
export const trustPolicy = (service: string | string[], condition?: Record<string, unknown>) =>
  doc([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }]);

export interface BotProps {
  name?: string;
  roleArn?: string;
  childDirected?: boolean;
  ttl?: number;
  tags?: Record<string, string>;
  extra?: Partial<CreateBotCommandInput>;
}

/** A Lex V2 bot (moto adds its own alias "test", which the adapter hides as AWS has none). Returns its id. */
export async function lexBot(aws: Seed, p: BotProps = {}): Promise<string> {
  const bot = await aws.client(LexModelsV2Client).send(
    new CreateBotCommand({
      botName: p.name ?? 'Support',
      roleArn: p.roleArn ?? SLR_ARN,
      dataPrivacy: { childDirected: p.childDirected ?? false },
      idleSessionTTLInSeconds: p.ttl ?? 300,
      botTags: p.tags,
      ...p.extra,
    }),
  );
  return bot.botId!;
}

/** An alias "Prod" on version 1 of `botId` unless told otherwise. Returns its id. */
export async function lexAlias(aws: Seed, botId: string, p: Partial<CreateBotAliasCommandInput> = {}): Promise<string> {
  const alias = await aws.client(LexModelsV2Client).send(new CreateBotAliasCommand({ botId, botAliasName: 'Prod', botVersion: '1', ...p }));
  return alias.botAliasId!;
}

export const botArn = (botId: string) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${botId}`;
export const aliasArn = (botId: string, aliasId: string) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${aliasId}`;

/** A resource policy on a bot or alias ARN. */
export async function lexPolicy(aws: Seed, resourceArn: string, statements: unknown[]): Promise<void> {
  await aws.client(LexModelsV2Client).send(new CreateResourcePolicyCommand({ resourceArn, policy: doc(statements) }));
}

/** Enabled text logs to a log group. */
export const textLogs = (logGroupArn: string, selective?: boolean): ConversationLogSettings => ({
  textLogSettings: [{ enabled: true, selectiveLoggingEnabled: selective, destination: { cloudWatch: { cloudWatchLogGroupArn: logGroupArn, logPrefix: 'text/' } } }],
});

/** Enabled audio logs to a bucket, with a KMS key when given. */
export const audioLogs = (s3BucketArn: string, kmsKeyArn?: string, selective?: boolean): ConversationLogSettings => ({
  audioLogSettings: [{ enabled: true, selectiveLoggingEnabled: selective, destination: { s3Bucket: { s3BucketArn, kmsKeyArn, logPrefix: 'audio/' } } }],
});

export interface KeyProps {
  rotation?: boolean;
  spec?: KeySpec;
  policy?: unknown[];
  alias?: string;
}

/** A KMS key (symmetric unless `spec` says otherwise). Returns its ARN. */
export async function kmsKey(aws: Seed, p: KeyProps = {}): Promise<string> {
  const kms = aws.client(KMSClient);
  const asymmetric = p.spec && p.spec !== 'SYMMETRIC_DEFAULT';
  const key = await kms.send(new CreateKeyCommand({ KeySpec: p.spec, KeyUsage: asymmetric ? 'SIGN_VERIFY' : undefined, Policy: p.policy ? doc(p.policy) : undefined }));
  if (p.rotation) await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyMetadata!.KeyId }));
  if (p.alias) await kms.send(new CreateAliasCommand({ AliasName: p.alias, TargetKeyId: key.KeyMetadata!.KeyId }));
  return key.KeyMetadata!.Arn!;
}

export interface BucketProps {
  /** Default encryption with this KMS key; SSE-S3 otherwise (AWS always has one; moto answers 404 until set). */
  kmsKey?: string;
  /** Full Block Public Access and a TLS-only bucket policy. */
  hardened?: boolean;
  versioning?: boolean;
  /** The bucket's Region (default us-east-1). */
  region?: string;
}

/** A bucket as real AWS has it: default encryption always set. Returns its ARN. */
export async function bucket(aws: Seed, name: string, p: BucketProps = {}): Promise<string> {
  const s3 = aws.client(S3Client, p.region);
  const elsewhere = p.region && p.region !== REGION;
  await s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: elsewhere ? { LocationConstraint: p.region as never } : undefined }));
  const byDefault = p.kmsKey ? { SSEAlgorithm: 'aws:kms' as const, KMSMasterKeyID: p.kmsKey } : { SSEAlgorithm: 'AES256' as const };
  await s3.send(new PutBucketEncryptionCommand({ Bucket: name, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: byDefault }] } }));
  if (p.hardened) {
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: name, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
    const tlsOnly = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: doc([tlsOnly]) }));
  }
  if (p.versioning) await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }));
  return `arn:aws:s3:::${name}`;
}

/** A log group, optionally KMS-encrypted and with a retention. Returns its ARN as Lex names it (`…:*`). */
export async function logGroup(aws: Seed, name: string, p: { kmsKeyId?: string; retention?: number } = {}): Promise<string> {
  const logs = aws.client(CloudWatchLogsClient);
  await logs.send(new CreateLogGroupCommand({ logGroupName: name, kmsKeyId: p.kmsKeyId }));
  if (p.retention) await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: p.retention }));
  return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}:*`;
}

export interface RoleProps {
  path?: string;
  /** Inline policies: name → statements. */
  inline?: Record<string, unknown[]>;
  /** Managed policies to attach (ARNs). */
  managed?: string[];
}

/** An IAM role with a trust policy (JSON text), inline and attached policies. Returns its ARN. */
export async function role(aws: Seed, name: string, trust: string, p: RoleProps = {}): Promise<string> {
  const iam = aws.client(IAMClient);
  const r = await iam.send(new CreateRoleCommand({ RoleName: name, Path: p.path, AssumeRolePolicyDocument: trust }));
  for (const [policyName, statements] of Object.entries(p.inline ?? {})) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: doc(statements) }));
  for (const arn of p.managed ?? []) await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
  return r.Role!.Arn!;
}

/** An IAM user with inline and attached policies, and an access key when `accessKey`. Returns its ARN. */
export async function user(aws: Seed, name: string, p: Omit<RoleProps, 'path'> & { accessKey?: boolean } = {}): Promise<string> {
  const iam = aws.client(IAMClient);
  const u = await iam.send(new CreateUserCommand({ UserName: name }));
  for (const [policyName, statements] of Object.entries(p.inline ?? {})) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: policyName, PolicyDocument: doc(statements) }));
  for (const arn of p.managed ?? []) await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: arn }));
  if (p.accessKey) await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return u.User!.Arn!;
}

/** A customer-managed policy. Returns its ARN. */
export async function managedPolicy(aws: Seed, name: string, statements: unknown[]): Promise<string> {
  const p = await aws.client(IAMClient).send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: doc(statements) }));
  return p.Policy!.Arn!;
}

export type Sse = 'AES256' | { kmsKey: string };

/** The transcript Transcribe would have written to a customer bucket (moto's Transcribe writes none). */
export async function putTranscript(aws: Seed, bucketName: string, key: string, encryption: Sse): Promise<void> {
  const sse = encryption === 'AES256' ? { ServerSideEncryption: 'AES256' as const } : { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: encryption.kmsKey };
  await aws.client(S3Client).send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: '{"results":{}}', ...sse }));
}

export interface JobProps {
  /** Customer bucket; none = the service-managed bucket. */
  bucket?: string;
  kmsKey?: string;
  /** Media bucket (default `media`). */
  media?: string;
  /**
   * PII redaction with this RedactionOutput. moto never echoes ContentRedaction: it goes into
   * `aws.echoes`, and the case must say so (`bridged`).
   */
  redaction?: 'redacted' | 'redacted_and_unredacted';
  /** Data-access role (JobExecutionSettings, echoed through `aws.echoes` too). */
  role?: string;
}

/** moto moves a job one state per read and writes its transcript URI on the last step; audited jobs are long finished. */
async function finish(read: () => Promise<string | undefined>): Promise<void> {
  for (let i = 0; i < 5 && (await read()) !== 'COMPLETED'; i++);
}

/** A finished standard transcription job. */
export async function transcriptionJob(aws: Seed, name: string, p: JobProps = {}): Promise<void> {
  const ContentRedaction = p.redaction ? { RedactionType: 'PII' as const, RedactionOutput: p.redaction } : undefined;
  const JobExecutionSettings = p.role ? { DataAccessRoleArn: p.role, AllowDeferredExecution: false } : undefined;
  const client = aws.client(TranscribeClient);
  await client.send(
    new StartTranscriptionJobCommand({
      TranscriptionJobName: name,
      LanguageCode: 'en-US',
      Media: { MediaFileUri: `s3://${p.media ?? 'media'}/${name}.wav` },
      OutputBucketName: p.bucket,
      OutputEncryptionKMSKeyId: p.kmsKey,
      ContentRedaction,
      JobExecutionSettings,
    }),
  );
  if (ContentRedaction || JobExecutionSettings) {
    aws.echoes.jobs.set(name, { ContentRedaction, JobExecutionSettings });
    aws.echoes.summaries.set(name, { ContentRedaction });
  }
  await finish(() => client.send(new GetTranscriptionJobCommand({ TranscriptionJobName: name })).then((r) => r.TranscriptionJob?.TranscriptionJobStatus));
}

/** A finished medical transcription job to bucket `transcripts`; PHI identification goes into `aws.echoes` (moto drops it). */
export async function medicalJob(aws: Seed, name: string, p: { phi?: boolean; bucket?: string; kmsKey?: string } = {}): Promise<void> {
  const ContentIdentificationType = p.phi ? ('PHI' as const) : undefined;
  const client = aws.client(TranscribeClient);
  await client.send(
    new StartMedicalTranscriptionJobCommand({
      MedicalTranscriptionJobName: name,
      LanguageCode: 'en-US',
      Media: { MediaFileUri: `s3://media/${name}.wav` },
      OutputBucketName: p.bucket ?? 'transcripts',
      OutputEncryptionKMSKeyId: p.kmsKey,
      Specialty: 'PRIMARYCARE',
      Type: 'CONVERSATION',
      ContentIdentificationType,
    }),
  );
  if (ContentIdentificationType) {
    aws.echoes.jobs.set(name, { ContentIdentificationType });
    aws.echoes.summaries.set(name, { ContentIdentificationType });
  }
  await finish(() => client.send(new GetMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName: name })).then((r) => r.MedicalTranscriptionJob?.TranscriptionJobStatus));
}

/** A custom vocabulary; its tags go into `aws.echoes` (moto has no transcribe ListTagsForResource). */
export async function vocabulary(aws: Seed, name: string, p: { tags?: Record<string, string> } = {}): Promise<void> {
  await aws.client(TranscribeClient).send(new CreateVocabularyCommand({ VocabularyName: name, LanguageCode: 'en-US', Phrases: ['lexscribe'] }));
  if (p.tags) aws.echoes.tags.set(`arn:aws:transcribe:${REGION}:${ACCOUNT}:vocabulary/${name}`, Object.entries(p.tags).map(([Key, Value]) => ({ Key, Value })));
}

/** A medical vocabulary. */
export async function medicalVocabulary(aws: Seed, name: string, fileUri = 'https://s3.us-east-1.amazonaws.com/terms/terms.txt'): Promise<void> {
  await aws.client(TranscribeClient).send(new CreateMedicalVocabularyCommand({ VocabularyName: name, LanguageCode: 'en-US', VocabularyFileUri: fileUri }));
}

/** A Lambda function (code in bucket `code`). Returns its ARN. */
export async function lambdaFunction(aws: Seed, name: string, runtime: Runtime = 'python3.12'): Promise<string> {
  const r = await role(aws, `${name}-role`, trustPolicy('lambda.amazonaws.com'));
  const s3 = aws.client(S3Client);
  await s3.send(new CreateBucketCommand({ Bucket: 'code' })).catch(() => undefined);
  await s3.send(new PutObjectCommand({ Bucket: 'code', Key: `${name}.zip`, Body: 'code' }));
  const fn = await aws.client(LambdaClient).send(new CreateFunctionCommand({ FunctionName: name, Runtime: runtime, Role: r, Handler: 'hook.handler', Code: { S3Bucket: 'code', S3Key: `${name}.zip` } }));
  return fn.FunctionArn!;
}

/** A permission for the Lex V2 service to invoke a function, scoped by `sourceArn` when given. */
export async function lexInvokePermission(aws: Seed, functionName: string, sourceArn?: string): Promise<void> {
  await aws.client(LambdaClient).send(new AddPermissionCommand({ FunctionName: functionName, StatementId: 'lex', Action: 'lambda:InvokeFunction', Principal: 'lexv2.amazonaws.com', SourceArn: sourceArn }));
}

/** A bot with alias Prod whose en_US code hook is the function `hook` (made with `runtime`). Returns the alias ARN. */
export async function codeHookAlias(aws: Seed, runtime: Runtime = 'python3.12'): Promise<{ aliasArn: string; functionArn: string }> {
  const functionArn = await lambdaFunction(aws, 'hook', runtime);
  const botId = await lexBot(aws);
  const aliasId = await lexAlias(aws, botId, {
    botAliasLocaleSettings: { en_US: { enabled: true, codeHookSpecification: { lambdaCodeHook: { lambdaARN: functionArn, codeHookInterfaceVersion: '1.0' } } } },
  });
  return { aliasArn: aliasArn(botId, aliasId), functionArn };
}

export interface TrailProps {
  logging?: boolean;
  multiRegion?: boolean;
  validation?: boolean;
  /** Encrypt with a new KMS key. */
  kms?: boolean;
  /** Management events of these sources are left out (ExcludeManagementEventSources). */
  excludeSources?: string[];
}

/** A CloudTrail trail `main` (multi-Region, validated, KMS-encrypted, logging unless told otherwise) into bucket trail-logs. */
export async function trail(aws: Seed, p: TrailProps = {}): Promise<void> {
  await bucket(aws, 'trail-logs');
  const key = p.kms === false ? undefined : await kmsKey(aws);
  const trails = aws.client(CloudTrailClient);
  await trails.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs', IsMultiRegionTrail: p.multiRegion ?? true, EnableLogFileValidation: p.validation ?? true, KmsKeyId: key }));
  if (p.excludeSources) {
    await trails.send(new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: p.excludeSources }] }));
  }
  if (p.logging ?? true) await trails.send(new StartLoggingCommand({ Name: 'main' }));
}

/** A metric alarm on `namespace`/`metric`, notifying an SNS topic unless `actions` is false. */
export async function metricAlarm(aws: Seed, name: string, namespace: string, metric: string, actions = true): Promise<void> {
  await aws.client(CloudWatchClient).send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: namespace,
      MetricName: metric,
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: actions ? [`arn:aws:sns:${REGION}:${ACCOUNT}:ops`] : [],
    }),
  );
}

/** An AWS Config recorder `default` with `group` (all supported types by default), recording when `started` (with a delivery channel). */
export async function configRecorder(aws: Seed, started: boolean, group: RecordingGroup = { allSupported: true, includeGlobalResourceTypes: true }): Promise<void> {
  const config = aws.client(ConfigServiceClient);
  await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${ACCOUNT}:role/config`, recordingGroup: group } }));
  if (!started) return;
  await bucket(aws, 'config-history');
  await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-history' } }));
  await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
}

/** An EventBridge rule with an event pattern, targeting an SNS topic unless `target` is false. */
export async function eventRule(aws: Seed, name: string, pattern: Record<string, unknown>, p: { target?: boolean; enabled?: boolean } = {}): Promise<void> {
  const events = aws.client(EventBridgeClient);
  await events.send(new PutRuleCommand({ Name: name, EventPattern: JSON.stringify(pattern), State: p.enabled === false ? 'DISABLED' : 'ENABLED' }));
  if (p.target !== false) await events.send(new PutTargetsCommand({ Rule: name, Targets: [{ Id: 'ops', Arn: `arn:aws:sns:${REGION}:${ACCOUNT}:ops` }] }));
}

/** An interface VPC endpoint for `service` (`runtime-v2-lex`, `transcribe`) in a new VPC, with `policy` (the default allow-all when none). Returns its id. */
export async function vpcEndpoint(aws: Seed, service: string, p: { privateDns?: boolean; policy?: unknown[] } = {}): Promise<string> {
  const ec2 = aws.client(EC2Client);
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
  const endpoint = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: vpc.Vpc!.VpcId,
      ServiceName: `com.amazonaws.${REGION}.${service}`,
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: p.privateDns ?? true,
      PolicyDocument: p.policy ? doc(p.policy) : undefined,
    }),
  );
  return endpoint.VpcEndpoint!.VpcEndpointId!;
}

/** A Lex V2 service-linked role (moto names it AWSServiceRoleForlexv2_<suffix>; AWS: AWSServiceRoleForLexV2Bots_<suffix>; the path is what checks read). Returns its ARN. */
export async function lexServiceLinkedRole(aws: Seed, suffix: string): Promise<string> {
  const r = await aws.client(IAMClient).send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'lexv2.amazonaws.com', CustomSuffix: suffix }));
  return r.Role!.Arn!;
}
