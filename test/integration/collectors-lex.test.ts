import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateResourcePolicyCommand,
  LexModelsV2Client,
  type ConversationLogSettings,
  type CreateBotAliasCommandInput,
} from '@aws-sdk/client-lex-models-v2';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, PutObjectCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { lexBots } from '../../lib/sources/account/collectors/lex-bots';
import { Unknown } from '../../lib/model/values';
import { undeclared, type LiveAudit } from '../collectors/audit';
import { auditMoto } from '../collectors/moto-live';
import { ACCOUNT, REGION, useMoto } from './moto';

const moto = useMoto();
const COLLECTORS = [lexBots];
const BOT = 'bot/Support';
const ALIAS = 'bot/Support/alias/Prod';

async function createBot(props: { childDirected?: boolean; ttl?: number } = {}): Promise<string> {
  const bot = await moto.client(LexModelsV2Client).send(
    new CreateBotCommand({
      botName: 'Support',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X`,
      dataPrivacy: { childDirected: props.childDirected ?? false },
      idleSessionTTLInSeconds: props.ttl ?? 300,
    }),
  );
  return bot.botId!;
}

async function createAlias(botId: string, extra: Partial<CreateBotAliasCommandInput> = {}): Promise<string> {
  const alias = await moto.client(LexModelsV2Client).send(new CreateBotAliasCommand({ botId, botAliasName: 'Prod', botVersion: '1', ...extra }));
  return alias.botAliasId!;
}

/** A bot with one alias "Prod" logging as given, then the audit of it. */
async function auditAlias(logs: ConversationLogSettings, extra: Partial<CreateBotAliasCommandInput> = {}): Promise<LiveAudit> {
  const botId = await createBot();
  await createAlias(botId, { conversationLogSettings: logs, ...extra });
  return auditMoto(moto, COLLECTORS);
}

async function createKey(rotation: boolean): Promise<string> {
  const kms = moto.client(KMSClient);
  const key = await kms.send(new CreateKeyCommand({}));
  if (rotation) await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyMetadata!.KeyId }));
  return key.KeyMetadata!.Arn!;
}

async function createLogGroup(name: string, opts: { kmsKeyId?: string; retention?: number } = {}): Promise<string> {
  const logs = moto.client(CloudWatchLogsClient);
  await logs.send(new CreateLogGroupCommand({ logGroupName: name, kmsKeyId: opts.kmsKeyId }));
  if (opts.retention) await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: opts.retention }));
  return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}:*`;
}

/** A bucket as real AWS has it: default encryption always set (moto answers 404 until it is configured). */
async function createBucket(name: string, opts: { kmsKey?: string; hardened?: boolean } = {}): Promise<string> {
  const s3 = moto.client(S3Client);
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  const byDefault = opts.kmsKey ? { SSEAlgorithm: 'aws:kms' as const, KMSMasterKeyID: opts.kmsKey } : { SSEAlgorithm: 'AES256' as const };
  await s3.send(new PutBucketEncryptionCommand({ Bucket: name, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: byDefault }] } }));
  if (opts.hardened) {
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: name, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
    await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(policy) }));
  }
  return `arn:aws:s3:::${name}`;
}

/** LEX-DP-3 judges each fact of the key on the key itself (finding key `Rotation`). */
function rotationStatus(run: LiveAudit, keyArn: string): string | undefined {
  const id = `key/${keyArn.split('/').pop()}`;
  return run.result.findings.find((f) => f.checkId === 'LEX-DP-3' && f.resource.logicalId === id && f.findingKey === 'Rotation')?.status;
}

const text = (logGroupArn: string, selective?: boolean): ConversationLogSettings => ({
  textLogSettings: [{ enabled: true, selectiveLoggingEnabled: selective, destination: { cloudWatch: { cloudWatchLogGroupArn: logGroupArn, logPrefix: 'text/' } } }],
});
const audio = (s3BucketArn: string, kmsKeyArn?: string): ConversationLogSettings => ({
  audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn, kmsKeyArn, logPrefix: 'audio/' } } }],
});

describe('lex-bots collector against moto: bots, aliases and what they reference', () => {
  it('emits the bot and alias in CloudFormation shape, the alias BotId resolving to the bot', async () => {
    const logGroup = await createLogGroup('/lex/support');
    const run = await auditAlias({ ...text(logGroup, true) }, { sentimentAnalysisSettings: { detectSentiment: true } });
    const bot = run.resource('AWS::Lex::Bot', BOT)!;
    expect(run.props('AWS::Lex::Bot', BOT)).toMatchObject({ Name: 'Support', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 });
    expect(run.props('AWS::Lex::BotAlias', ALIAS)).toMatchObject({
      BotAliasName: 'Prod',
      BotVersion: '1',
      SentimentAnalysisSettings: { DetectSentiment: true },
      ConversationLogSettings: { TextLogSettings: [{ Enabled: true, SelectiveLoggingEnabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: logGroup, LogPrefix: 'text/' } } }] },
    });
    expect(run.graph.target(run.props('AWS::Lex::BotAlias', ALIAS).BotId, 'AWS::Lex::Bot')).toEqual({ resource: bot });
    expect(run.props('AWS::Logs::LogGroup', 'log-group//lex/support')).toMatchObject({ LogGroupName: '/lex/support' });
    expect(undeclared(run, COLLECTORS)).toEqual([]);
  });

  it('turns what moto cannot answer (ListBotLocales, ListBotReplicas) into unknown values, never into absence', async () => {
    await createBot();
    const run = await auditMoto(moto, COLLECTORS);
    const props = run.props('AWS::Lex::Bot', BOT);
    expect(props.BotLocales).toBeInstanceOf(Unknown);
    expect(props.Replication).toBeInstanceOf(Unknown);
    expect(run.statuses('LEX-DP-6')).toEqual({ [BOT]: 'UNKNOWN' });
    expect(run.statuses('LEX-RES-1')).toEqual({ [BOT]: 'UNKNOWN' });
  });

  it.each([
    ['FAIL', 'enabled audio logs without a KMS key', false],
    ['PASS', 'enabled audio logs with a KMS key', true],
  ])('LEX-DP-2 %s: %s', async (expected, _what, withKey) => {
    const key = withKey ? await createKey(true) : undefined;
    const run = await auditAlias(audio(await createBucket('audio-logs'), key));
    expect(run.statuses('LEX-DP-2')[ALIAS]).toBe(expected);
  });

  it.each([
    ['FAIL', 'rotation off', false],
    ['PASS', 'rotation on', true],
  ])('LEX-DP-3 %s: audio-log key with %s', async (expected, _what, rotation) => {
    const key = await createKey(rotation);
    const run = await auditAlias(audio(await createBucket('audio-logs'), key));
    expect(rotationStatus(run, key)).toBe(expected);
  });

  it.each([
    ['FAIL', 'a log group without a KMS key', false],
    ['PASS', 'a log group encrypted with a KMS key', true],
  ])('LEX-DP-4 %s: text logs to %s', async (expected, _what, withKey) => {
    const group = await createLogGroup('/lex/support', { kmsKeyId: withKey ? await createKey(true) : undefined });
    const run = await auditAlias(text(group));
    expect(run.statuses('LEX-DP-4')[ALIAS]).toBe(expected);
  });

  it.each([
    ['FAIL', 'a bucket without Block Public Access or TLS-only policy', false],
    ['PASS', 'an SSE-KMS bucket with Block Public Access and a TLS-only policy', true],
  ])('LEX-DP-5 %s: audio logs to %s', async (expected, _what, hardened) => {
    const key = await createKey(true);
    const bucket = await createBucket('audio-logs', hardened ? { kmsKey: key, hardened } : {});
    const run = await auditAlias(audio(bucket, key));
    const statuses = run.result.findings.filter((f) => f.checkId === 'LEX-DP-5' && f.resource.logicalId === ALIAS).map((f) => `${f.findingKey}:${f.status}`);
    expect(statuses).toEqual(expect.arrayContaining([`BlockPublicAccess:${expected}`, `TlsOnly:${expected}`, 'Location:PASS']));
  });

  it.each([
    ['FAIL', 'every conversation is logged', false],
    ['PASS', 'selective logging is on', true],
  ])('LEX-DP-11 %s: %s', async (expected, _what, selective) => {
    const run = await auditAlias(text(await createLogGroup('/lex/support'), selective));
    expect(run.statuses('LEX-DP-11')[ALIAS]).toBe(expected);
  });

  it.each([
    ['FAIL', 'no retention', undefined],
    ['PASS', 'a 30-day retention', 30],
  ])('LEX-MON-6 %s: text-log group with %s', async (expected, _what, retention) => {
    const run = await auditAlias(text(await createLogGroup('/lex/support', { retention })));
    expect(run.statuses('LEX-MON-6')).toMatchObject({ 'log-group//lex/support': expected });
  });

  it.each([
    ['FAIL', 'the DRAFT version', 'DRAFT'],
    ['PASS', 'numbered version 1', '1'],
  ])('LEX-RES-2 %s: the alias serves %s', async (expected, _what, botVersion) => {
    const botId = await createBot();
    await createAlias(botId, { botVersion });
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.statuses('LEX-RES-2')[ALIAS]).toBe(expected);
  });

  it.each([
    ['FAIL', 'a 3600 s idle session', 3600],
    ['PASS', 'a 300 s idle session', 300],
  ])('LEX-DP-8 %s: %s', async (expected, _what, ttl) => {
    await createBot({ ttl });
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.statuses('LEX-DP-8')[BOT]).toBe(expected);
  });

  it.each([
    ['FAIL', 'with text logs', true],
    ['PASS', 'without logs', false],
  ])('LEX-DP-10 %s: a child-directed bot %s', async (expected, _what, logs) => {
    const botId = await createBot({ childDirected: true });
    await createAlias(botId, logs ? { conversationLogSettings: text(await createLogGroup('/lex/support')) } : {});
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.statuses('LEX-DP-10')[ALIAS]).toBe(expected);
  });

  it.each([
    ['FAIL', 'anyone', '*'],
    ['PASS', 'the account root', { AWS: `arn:aws:iam::${ACCOUNT}:root` }],
  ])('LEX-IAM-1 %s: the bot resource policy allows %s', async (expected, _what, principal) => {
    const botId = await createBot();
    const botArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${botId}`;
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'lex:RecognizeText', Resource: botArn }] };
    await moto.client(LexModelsV2Client).send(new CreateResourcePolicyCommand({ resourceArn: botArn, policy: JSON.stringify(policy) }));
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.props('AWS::Lex::ResourcePolicy', `${BOT}/policy`)).toMatchObject({ ResourceArn: botArn });
    expect(run.statuses('LEX-IAM-1')[`${BOT}/policy`]).toBe(expected);
  });

  describe('code hooks', () => {
    async function hook(runtime: 'python3.7' | 'python3.12', sourceArn: (aliasArn: string) => string | undefined): Promise<LiveAudit> {
      const role = await moto.client(IAMClient).send(
        new CreateRoleCommand({
          RoleName: 'hook-role',
          AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
        }),
      );
      await moto.client(S3Client).send(new CreateBucketCommand({ Bucket: 'code' }));
      await moto.client(S3Client).send(new PutObjectCommand({ Bucket: 'code', Key: 'hook.zip', Body: 'code' }));
      const lambda = moto.client(LambdaClient);
      const fn = await lambda.send(new CreateFunctionCommand({ FunctionName: 'hook', Runtime: runtime, Role: role.Role!.Arn!, Handler: 'hook.handler', Code: { S3Bucket: 'code', S3Key: 'hook.zip' } }));
      const botId = await createBot();
      const aliasId = await createAlias(botId, {
        botAliasLocaleSettings: { en_US: { enabled: true, codeHookSpecification: { lambdaCodeHook: { lambdaARN: fn.FunctionArn!, codeHookInterfaceVersion: '1.0' } } } },
      });
      const source = sourceArn(`arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${aliasId}`);
      await lambda.send(new AddPermissionCommand({ FunctionName: 'hook', StatementId: 'lex', Action: 'lambda:InvokeFunction', Principal: 'lexv2.amazonaws.com', SourceArn: source }));
      return auditMoto(moto, COLLECTORS);
    }

    it('emits the function and its permissions in CloudFormation shape', async () => {
      const run = await hook('python3.12', (arn) => arn);
      expect(run.props('AWS::Lambda::Function', 'function/hook')).toMatchObject({ FunctionName: 'hook', Runtime: 'python3.12' });
      expect(run.props('AWS::Lambda::Permission', 'function/hook/permission/lex')).toMatchObject({
        Principal: 'lexv2.amazonaws.com',
        Action: 'lambda:InvokeFunction',
        SourceArn: expect.stringContaining(':bot-alias/'),
      });
      expect(run.props('AWS::Lex::BotAlias', ALIAS).BotAliasLocaleSettings).toEqual([
        { LocaleId: 'en_US', BotAliasLocaleSetting: { Enabled: true, CodeHookSpecification: { LambdaCodeHook: { LambdaArn: expect.stringContaining(':function:hook'), CodeHookInterfaceVersion: '1.0' } } } },
      ]);
    });

    it.each([
      ['FAIL', 'any Lex bot may invoke it (no SourceArn)', () => undefined],
      ['PASS', 'only this alias may invoke it', (arn: string) => arn],
    ])('LEX-IAM-8 %s: %s', async (expected, _what, source) => {
      const run = await hook('python3.12', source);
      expect(Object.values(run.statuses('LEX-IAM-8'))).toContain(expected);
      expect(Object.values(run.statuses('LEX-IAM-8'))).not.toContain(expected === 'PASS' ? 'FAIL' : 'PASS');
    });

    it.each([
      ['FAIL', 'python3.7', 'python3.7'],
      ['PASS', 'python3.12', 'python3.12'],
    ] as const)('LEX-VULN-1 %s: a code hook on %s', async (expected, _what, runtime) => {
      const run = await hook(runtime, (arn) => arn);
      expect(Object.values(run.statuses('LEX-VULN-1'))).toContain(expected);
    });
  });

  it('reads a KMS key referenced through an alias ARN as the key plus an AWS::KMS::Alias', async () => {
    const key = await createKey(true);
    await moto.client(KMSClient).send(new CreateAliasCommand({ AliasName: 'alias/lex-audio', TargetKeyId: key }));
    const run = await auditAlias(audio(await createBucket('audio-logs'), `arn:aws:kms:${REGION}:${ACCOUNT}:alias/lex-audio`));
    expect(run.props('AWS::KMS::Alias', 'alias/lex-audio')).toMatchObject({ AliasName: 'alias/lex-audio', TargetKeyId: key });
    expect(run.props('AWS::KMS::Key', `key/${key.split('/').pop()}`)).toMatchObject({ KeySpec: 'SYMMETRIC_DEFAULT', EnableKeyRotation: true, Enabled: true });
    expect(rotationStatus(run, key)).toBe('PASS');
  });
});
