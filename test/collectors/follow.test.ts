import { CloudWatchLogsClient, DescribeLogGroupsCommand, GetDataProtectionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetFunctionConfigurationCommand, GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DescribeBotAliasCommand, DescribeBotCommand, LexModelsV2Client, ListBotAliasesCommand, ListBotsCommand, type DescribeBotAliasCommandOutput } from '@aws-sdk/client-lex-models-v2';
import { GetBucketEncryptionCommand, GetBucketLocationCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { lexBots } from '../../lib/sources/account/collectors/lex-bots';
import { Unknown } from '../../lib/model/values';
import { ACCOUNT, REGION, audit } from './audit';
import { awsError, denied } from './sdk-mock';

/**
 * What the Lex collector follows from an alias (log group, bucket, key, code hook), where moto falls
 * short (GetDataProtectionPolicy, inherited account policies, other Regions) or a read fails.
 */
const lex = mockClient(LexModelsV2Client);
const logs = mockClient(CloudWatchLogsClient);
const s3 = mockClient(S3Client);
const kms = mockClient(KMSClient);
const lambda = mockClient(LambdaClient);
const ALIAS = 'bot/Support/alias/Prod';
const LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/lex/support:*`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
const HOOK = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:hook`;

function alias(settings: Partial<DescribeBotAliasCommandOutput>): void {
  // Every call answers an empty response unless a test says otherwise, as for a fresh account.
  lex.reset().onAnyCommand().resolves({});
  logs.reset().onAnyCommand().resolves({});
  s3.reset().onAnyCommand().resolves({});
  kms.reset().onAnyCommand().resolves({});
  lambda.reset().onAnyCommand().resolves({});
  lex.on(ListBotsCommand).resolves({ botSummaries: [{ botId: 'BOT1', botName: 'Support' }] });
  lex.on(DescribeBotCommand).resolves({ botId: 'BOT1', dataPrivacy: { childDirected: false } });
  lex.on(ListBotAliasesCommand).resolves({ botAliasSummaries: [{ botAliasId: 'PROD' }] });
  lex.on(DescribeBotAliasCommand).resolves({ botAliasId: 'PROD', botAliasName: 'Prod', botVersion: '1', ...settings });
}

const textLogs = { conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: LOG_GROUP, logPrefix: 't/' } } }] } };
const audioLogs = (kmsKeyArn?: string) => ({
  conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::audio-logs', kmsKeyArn, logPrefix: 'a/' } } }] },
});

afterAll(() => {
  for (const m of [lex, logs, s3, kms, lambda]) m.restore();
});

describe('followed log groups', () => {
  it.each([
    ['FAIL', 'no data-protection policy', {}, undefined],
    ['PASS', 'a data-protection policy of its own', {}, '{"Name":"mask","Version":"2021-06-01","Statement":[]}'],
    ['PASS', 'an account-wide data-protection policy (InheritedProperties)', { inheritedProperties: ['ACCOUNT_DATA_PROTECTION' as const] }, undefined],
  ])('LEX-DP-7 %s: a text-log group with %s', async (expected, _what, extra, policy) => {
    alias(textLogs);
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/lex/support', ...extra }] });
    logs.on(GetDataProtectionPolicyCommand).resolves({ policyDocument: policy });
    const run = await audit([lexBots]);
    expect(logs.commandCalls(DescribeLogGroupsCommand)[0].args[0].input.logGroupNamePrefix).toBe('/lex/support');
    expect(Object.values(run.statuses('LEX-DP-7'))).toContain(expected);
  });

  it('LEX-DP-7 UNKNOWN: GetDataProtectionPolicy denied', async () => {
    alias(textLogs);
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/lex/support' }] });
    logs.on(GetDataProtectionPolicyCommand).rejects(denied());
    const run = await audit([lexBots]);
    expect(run.props('AWS::Logs::LogGroup', 'log-group//lex/support').DataProtectionPolicy).toBeInstanceOf(Unknown);
    expect(run.statuses('LEX-DP-7')[ALIAS]).toBe('UNKNOWN');
  });
});

describe('followed KMS keys', () => {
  it('a key that cannot be described is emitted with unknown properties: LEX-DP-3 UNKNOWN, not PASS', async () => {
    alias(audioLogs(KEY));
    kms.on(DescribeKeyCommand).rejects(denied());
    const run = await audit([lexBots]);
    expect(run.props('AWS::KMS::Key', 'key/11111111-2222-3333-4444-555555555555').EnableKeyRotation).toBeInstanceOf(Unknown);
    const statuses = run.result.findings.filter((f) => f.checkId === 'LEX-DP-3').map((f) => f.status);
    expect(statuses).toContain('UNKNOWN');
    expect(statuses).not.toContain('PASS');
  });

  it('an AWS-managed key says so (KeyManager), and its policy is read only in its own account', async () => {
    alias(audioLogs(`arn:aws:kms:${REGION}:999999999999:key/abc`));
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'abc', Arn: `arn:aws:kms:${REGION}:999999999999:key/abc`, AWSAccountId: '999999999999', KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT' } });
    const run = await audit([lexBots]);
    const key = run.props('AWS::KMS::Key', 'key/abc');
    expect(key.KeyManager).toBe('AWS');
    expect(key.KeyPolicy).toBeInstanceOf(Unknown);
  });
});

describe('followed buckets', () => {
  it('reads a bucket of another Region with a client of that Region, and records the Region (LEX-DP-5 Location FAIL)', async () => {
    alias(audioLogs());
    s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: 'eu-west-1' });
    s3.on(GetBucketEncryptionCommand).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
    const run = await audit([lexBots]);
    const encryptionCall = s3.commandCalls(GetBucketEncryptionCommand)[0];
    expect(await (encryptionCall.thisValue as S3Client).config.region()).toBe('eu-west-1');
    expect(run.props('AWS::S3::Bucket', 'bucket/audio-logs')).toMatchObject({ BucketName: 'audio-logs', Region: 'eu-west-1', OwnerAccount: ACCOUNT });
    const location = run.result.findings.find((f) => f.checkId === 'LEX-DP-5' && f.findingKey === 'Location');
    expect(location).toMatchObject({ status: 'FAIL', resource: { logicalId: ALIAS } });
  });

  it('a bucket without default encryption configured has no BucketEncryption; an unreadable one has an unknown BucketEncryption', async () => {
    alias(audioLogs());
    s3.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 404));
    let run = await audit([lexBots]);
    expect(run.props('AWS::S3::Bucket', 'bucket/audio-logs').BucketEncryption).toBeUndefined();

    s3.on(GetBucketEncryptionCommand).rejects(awsError('AccessDenied', 403));
    run = await audit([lexBots]);
    expect(run.props('AWS::S3::Bucket', 'bucket/audio-logs').BucketEncryption).toBeInstanceOf(Unknown);
  });
});

describe('followed code hooks', () => {
  const hook = { botAliasLocaleSettings: { en_US: { enabled: true, codeHookSpecification: { lambdaCodeHook: { lambdaARN: HOOK, codeHookInterfaceVersion: '1.0' } } } } };

  it('LEX-IAM-8 UNKNOWN: a function policy that cannot be read is not taken as "no grant"', async () => {
    alias(hook);
    lambda.on(GetFunctionConfigurationCommand).resolves({ FunctionName: 'hook', FunctionArn: HOOK, Runtime: 'python3.12' });
    lambda.on(GetPolicyCommand).rejects(denied());
    const run = await audit([lexBots]);
    expect(run.props('AWS::Lambda::Permission', 'function/hook/permission').Principal).toBeInstanceOf(Unknown);
    const statuses = Object.values(run.statuses('LEX-IAM-8')).join(',');
    expect(statuses).toContain('UNKNOWN');
    expect(statuses).not.toContain('PASS');
  });
});
