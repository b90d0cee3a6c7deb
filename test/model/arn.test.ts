import { isArn, nameProperty, namesInArn, parseArn } from '../../lib/model/arn';

const A = '123456789012';

describe('parseArn', () => {
  test.each([
    ['arn:aws:s3:::app-logs', { partition: 'aws', service: 's3', region: '', account: '', resource: 'app-logs' }],
    ['arn:aws:s3:::app-logs/audio/*', { partition: 'aws', service: 's3', region: '', account: '', resource: 'app-logs/audio/*' }],
    [`arn:aws:logs:us-east-1:${A}:log-group:/aws/lex/app:*`, { partition: 'aws', service: 'logs', region: 'us-east-1', account: A, resource: 'log-group:/aws/lex/app:*' }],
    [`arn:aws:iam::${A}:role/service/app-role`, { partition: 'aws', service: 'iam', region: '', account: A, resource: 'role/service/app-role' }],
    [`arn:aws:lex:us-east-1:${A}:bot-alias/BOTID/ALIASID`, { partition: 'aws', service: 'lex', region: 'us-east-1', account: A, resource: 'bot-alias/BOTID/ALIASID' }],
    [`arn:aws-cn:kms:cn-north-1:${A}:key/abcd`, { partition: 'aws-cn', service: 'kms', region: 'cn-north-1', account: A, resource: 'key/abcd' }],
    [`arn:aws-us-gov:lambda:us-gov-west-1:${A}:function:fn:live`, { partition: 'aws-us-gov', service: 'lambda', region: 'us-gov-west-1', account: A, resource: 'function:fn:live' }],
    ['arn:aws-iso-b:s3:::isob-logs', { partition: 'aws-iso-b', service: 's3', region: '', account: '', resource: 'isob-logs' }],
    ['arn:aws:kms:*:*:key/*', { partition: 'aws', service: 'kms', region: '*', account: '*', resource: 'key/*' }],
  ])('%s', (text, expected) => {
    expect(parseArn(text)).toEqual(expected);
  });

  test.each([
    ['a name', 'app-logs'],
    ['empty', ''],
    ['only the prefix', 'arn:'],
    ['too few fields', 'arn:aws:s3'],
    ['four fields', 'arn:aws:s3::app-logs'],
    ['no partition', 'arn::s3:::app-logs'],
    ['no service', 'arn:aws::::app-logs'],
    ['no resource', 'arn:aws:s3:::'],
    ['upper-case prefix', 'ARN:aws:s3:::app-logs'],
    ['a leading space', ' arn:aws:s3:::app-logs'],
    ['an alias name', 'alias/app'],
  ])('%s is not an ARN', (_what, text) => {
    expect(parseArn(text)).toBeUndefined();
  });
});

describe('isArn', () => {
  test.each([
    ['arn:aws:s3:::app-logs', true],
    [`arn:aws-cn:kms:cn-north-1:${A}:key/abcd`, true],
    [`arn:aws-us-gov:iam::${A}:role/x`, true],
    ['arn:', true],
    ['app-logs', false],
    ['alias/app', false],
    ['1111-2222-3333', false],
    ['/aws/lex/app', false],
    ['ARN:aws:s3:::app-logs', false],
    [' arn:aws:s3:::app-logs', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isArn(text)).toBe(expected);
  });
});

describe('namesInArn', () => {
  test.each([
    ['a log group', `arn:aws:logs:us-east-1:${A}:log-group:/aws/lex/app`, [['AWS::Logs::LogGroup', '/aws/lex/app']]],
    ['a log group with :*', `arn:aws:logs:us-east-1:${A}:log-group:/aws/lex/app:*`, [['AWS::Logs::LogGroup', '/aws/lex/app']]],
    ['a log group in aws-us-gov', `arn:aws-us-gov:logs:us-gov-west-1:${A}:log-group:/gov/app:*`, [['AWS::Logs::LogGroup', '/gov/app']]],
    ['every log group', `arn:aws:logs:us-east-1:${A}:log-group:*`, [['AWS::Logs::LogGroup', '*']]],
    ['a bucket', 'arn:aws:s3:::app-logs', [['AWS::S3::Bucket', 'app-logs']]],
    ['objects of a bucket', 'arn:aws:s3:::app-logs/*', [['AWS::S3::Bucket', 'app-logs']]],
    ['one object', 'arn:aws:s3:::app-logs/audio/2026/call.wav', [['AWS::S3::Bucket', 'app-logs']]],
    ['a bucket in aws-cn', 'arn:aws-cn:s3:::cn-logs', [['AWS::S3::Bucket', 'cn-logs']]],
    ['a KMS key', `arn:aws:kms:us-east-1:${A}:key/1111-2222`, [['AWS::KMS::Key', '1111-2222']]],
    ['a multi-Region KMS key', `arn:aws:kms:us-east-1:${A}:key/mrk-abc`, [['AWS::KMS::Key', 'mrk-abc']]],
    ['a KMS key in aws-cn', `arn:aws-cn:kms:cn-north-1:${A}:key/abcd`, [['AWS::KMS::Key', 'abcd']]],
    ['a KMS alias', `arn:aws:kms:us-east-1:${A}:alias/app`, [['AWS::KMS::Alias', 'alias/app']]],
    ['an AWS managed alias', `arn:aws:kms:us-east-1:${A}:alias/aws/s3`, [['AWS::KMS::Alias', 'alias/aws/s3']]],
    ['a role', `arn:aws:iam::${A}:role/app-role`, [['AWS::IAM::Role', 'app-role']]],
    ['a role with a path', `arn:aws:iam::${A}:role/service/team/app-role`, [['AWS::IAM::Role', 'app-role']]],
    ['a service-linked role (also a role)', `arn:aws:iam::${A}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X`, [['AWS::IAM::Role', 'AWSServiceRoleForLexV2Bots_X'], ['AWS::IAM::ServiceLinkedRole', 'AWSServiceRoleForLexV2Bots_X']]],
    ['a role in aws-us-gov', `arn:aws-us-gov:iam::${A}:role/gov-role`, [['AWS::IAM::Role', 'gov-role']]],
    ['a user with a path', `arn:aws:iam::${A}:user/ops/deployer`, [['AWS::IAM::User', 'deployer']]],
    ['a user', `arn:aws:iam::${A}:user/deployer`, [['AWS::IAM::User', 'deployer']]],
    ['a function', `arn:aws:lambda:us-east-1:${A}:function:app-fn`, [['AWS::Lambda::Function', 'app-fn']]],
    ['a function version', `arn:aws:lambda:us-east-1:${A}:function:app-fn:7`, [['AWS::Lambda::Function', 'app-fn']]],
    ['a function alias', `arn:aws:lambda:us-east-1:${A}:function:app-fn:live`, [['AWS::Lambda::Function', 'app-fn']]],
    ['a function $LATEST', `arn:aws:lambda:us-east-1:${A}:function:app-fn:$LATEST`, [['AWS::Lambda::Function', 'app-fn']]],
    ['a Lex bot', `arn:aws:lex:us-east-1:${A}:bot/BOTID`, [['AWS::Lex::Bot', 'BOTID']]],
    ['a Lex bot alias', `arn:aws:lex:us-east-1:${A}:bot-alias/BOTID/ALIASID`, [['AWS::Lex::BotAlias', 'BOTID/ALIASID']]],
    ['a Lex bot alias in aws-cn', `arn:aws-cn:lex:cn-north-1:${A}:bot-alias/B/AL`, [['AWS::Lex::BotAlias', 'B/AL']]],
    ['every alias of a bot', `arn:aws:lex:us-east-1:${A}:bot-alias/BOTID/*`, [['AWS::Lex::BotAlias', 'BOTID/*']]],

    ['a Lex bot with something after its id', `arn:aws:lex:us-east-1:${A}:bot/BOTID/extra`, []],
    ['a Lex bot alias without an alias id', `arn:aws:lex:us-east-1:${A}:bot-alias/BOTID`, []],
    ['a Lex V1 bot', `arn:aws:lex:us-east-1:${A}:bot:OrderFlowers:prod`, []],
    ['a Lambda layer', `arn:aws:lambda:us-east-1:${A}:layer:shared:3`, []],
    ['an IAM policy', `arn:aws:iam::${A}:policy/app-policy`, []],
    ['an assumed-role session', `arn:aws:sts::${A}:assumed-role/app-role/session`, []],
    ['a Transcribe vocabulary', `arn:aws:transcribe:us-east-1:${A}:vocabulary/terms`, []],
    ['a log-group path under another service', `arn:aws:sqs:us-east-1:${A}:log-group:x`, []],
    ['a key path under another service', `arn:aws:secretsmanager:us-east-1:${A}:key/x`, []],
    ['an object in a bucket named role', `arn:aws:s3:::role/app-role`, [['AWS::S3::Bucket', 'role']]],
    ['a KMS ARN that is neither key nor alias', `arn:aws:kms:us-east-1:${A}:custom-key-store/cks-1`, []],
    ['a name', 'app-logs', []],
    ['not quite an ARN', 'arn:aws:s3', []],
  ])('%s', (_what, arn, expected) => {
    expect(namesInArn(arn)).toEqual(expected.map(([type, name]) => ({ type, name })));
  });

  // Log group names have no `:`: a log stream ARN names its log group.
  test('a log stream ARN names its log group', () => {
    expect(namesInArn(`arn:aws:logs:us-east-1:${A}:log-group:/aws/lex/app:log-stream:abc`)).toEqual([{ type: 'AWS::Logs::LogGroup', name: '/aws/lex/app' }]);
  });

  // Only bucket ARNs (no Region, no account) name a bucket: access points, jobs and Regional S3 ARNs do not.
  test.each([
    ['an access point', `arn:aws:s3:us-east-1:${A}:accesspoint/reports`],
    ['a batch job', `arn:aws:s3:us-east-1:${A}:job/abc-123`],
    ['a Storage Lens configuration', `arn:aws:s3:us-east-1:${A}:storage-lens/default`],
  ])('%s names no bucket', (_what, arn) => {
    expect(namesInArn(arn)).toEqual([]);
  });
});

describe('nameProperty', () => {
  test.each([
    ['AWS::Logs::LogGroup', 'LogGroupName'],
    ['AWS::S3::Bucket', 'BucketName'],
    ['AWS::KMS::Alias', 'AliasName'],
    ['AWS::IAM::Role', 'RoleName'],
    ['AWS::IAM::User', 'UserName'],
    ['AWS::Lambda::Function', 'FunctionName'],
    ['AWS::KMS::Key', undefined],
    ['AWS::IAM::ServiceLinkedRole', undefined],
    ['AWS::Lex::Bot', undefined],
    ['AWS::Lex::BotAlias', undefined],
    ['AWS::SNS::Topic', undefined],
    ['aws::s3::bucket', undefined],
    ['', undefined],
    ['constructor', undefined],
    ['__proto__', undefined],
    ['toString', undefined],
  ])('%s → %s', (type, expected) => {
    expect(nameProperty(type)).toBe(expected);
  });
});
