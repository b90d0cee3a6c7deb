import { ResourceGraph, type Target } from '../../lib/model/graph';
import type { StackInput } from '../../lib/model/resource';
import { Choice, Composite, Pseudo, Reference, Unknown } from '../../lib/model/values';

/** `ResourceGraph.target()`: what a resolved value points at. */

type Input = StackInput['resources'][number];
const named = (logicalId: string, type: string, properties: Record<string, unknown> = {}, extra: Partial<Input> = {}): Input => ({ logicalId, type, properties, metadata: {}, provenance: {}, ...extra });
const live = (logicalId: string, type: string, arn: string, properties: Record<string, unknown> = {}): Input => ({ logicalId, type, properties, metadata: {}, provenance: { arn } });

const ACCOUNT = '123456789012';
const graph = new ResourceGraph([
  {
    stack: { name: 'App', account: ACCOUNT, region: 'us-east-1' },
    resources: [
      named('LogGroup', 'AWS::Logs::LogGroup', { LogGroupName: '/aws/lex/app' }),
      named('Bucket', 'AWS::S3::Bucket', { BucketName: 'app-logs' }),
      named('OtherBucket', 'AWS::S3::Bucket', { BucketName: 'other-logs' }),
      named('Unnamed', 'AWS::S3::Bucket'),
      named('SubNamed', 'AWS::S3::Bucket', { BucketName: { 'Fn::Sub': 'reports-${AWS::AccountId}' } }),
      named('Gone', 'AWS::S3::Bucket', { BucketName: 'gone-logs' }, { condition: 'Never' }),
      named('Key', 'AWS::KMS::Key'),
      named('Alias', 'AWS::KMS::Alias', { AliasName: 'alias/app', TargetKeyId: { Ref: 'Key' } }),
      named('Role', 'AWS::IAM::Role', { RoleName: 'app-role' }),
      named('User', 'AWS::IAM::User', { UserName: 'deployer' }),
      named('Fn', 'AWS::Lambda::Function', { FunctionName: 'app-fn' }),
    ],
    conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
  },
  {
    stack: { name: `${ACCOUNT}/us-east-1`, account: ACCOUNT, region: 'us-east-1' },
    resources: [
      live('LiveKey', 'AWS::KMS::Key', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111-2222`),
      live('LiveBot', 'AWS::Lex::Bot', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`),
      live('LiveAlias', 'AWS::Lex::BotAlias', `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/ALIASID`),
      live('LiveGroup', 'AWS::Logs::LogGroup', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lex/live`),
      live('LinkedRole', 'AWS::IAM::ServiceLinkedRole', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X`),
    ],
  },
]);

const LIVE = `${ACCOUNT}/us-east-1`;
const at = (logicalId: string, stack = 'App') => graph.get(stack, logicalId)!;
const ref = (logicalId: string, attribute = 'Ref') => new Reference(at(logicalId), attribute);
/** A target as a short text: `App/Bucket`, `external arn:…`, `unknown: reason`, `undefined`. */
function show(t: Target): string {
  if (t === undefined) return 'undefined';
  if (t instanceof Unknown) return `unknown: ${t.reason}`;
  if ('resource' in t) return t.resource.key;
  return `external ${t.external}`;
}

describe('ResourceGraph.target', () => {
  test.each<[string, unknown, string[], string]>([
    ['undefined', undefined, [], 'undefined'],
    ['null', null, [], 'undefined'],
    ['a number', 42, [], 'unknown: expected a reference, found 42'],
    ['an object', { A: 1 }, [], 'unknown: expected a reference, found {"A":1}'],
    ['a list', ['arn:aws:s3:::app-logs'], [], 'unknown: expected a reference, found ["arn:aws:s3:::app-logs"]'],
    ['an Unknown', new Unknown('parameter X has no value'), [], 'unknown: parameter X has no value'],
    ['a Pseudo', new Pseudo('AWS::AccountId'), [], 'unknown: AWS::AccountId is not known here'],

    ['a Ref', ref('Bucket'), [], 'App/Bucket'],
    ['a Fn::GetAtt', ref('Key', 'Arn'), ['AWS::KMS::Key'], 'App/Key'],
    ['a Reference to a type that is not wanted (it is what the value names)', ref('Bucket'), ['AWS::KMS::Key'], 'App/Bucket'],

    ['a Composite around one reference', new Composite([`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:`, ref('LogGroup'), ':*']), [], 'App/LogGroup'],
    ['a Composite with one reference twice', new Composite([ref('Bucket', 'Arn'), '|', ref('Bucket', 'Arn'), '/*']), [], 'App/Bucket'],
    ['a Composite: the reference of the wanted type', new Composite([ref('Key', 'Arn'), '/', ref('Bucket')]), ['AWS::S3::Bucket'], 'App/Bucket'],
    ['a Composite around references to several wanted resources', new Composite([ref('Bucket'), '/', ref('OtherBucket')]), ['AWS::S3::Bucket'], 'unknown: <Bucket>/<OtherBucket> refers to several resources'],
    ['a Composite around several references, no type wanted', new Composite([ref('Key', 'Arn'), '/', ref('Bucket')]), [], 'unknown: <Key.Arn>/<Bucket> refers to several resources'],
    ['a Composite with unknown parts: their reasons', new Composite(['x-', new Unknown('a'), '-', new Unknown('b')]), [], 'unknown: a; b'],
    ['a Composite with a reference and an unknown part: the reference', new Composite([ref('Bucket'), new Unknown('a')]), [], 'App/Bucket'],
    ['a Composite with pseudo parameters: a name in the ARN', new Composite(['arn:aws:kms:', new Pseudo('AWS::Region'), ':', new Pseudo('AWS::AccountId'), ':alias/app']), ['AWS::KMS::Alias'], 'App/Alias'],
    ['a Composite with pseudo parameters, no type wanted', new Composite(['arn:', new Pseudo('AWS::Partition'), ':s3:::app-logs/*']), [], 'App/Bucket'],

    ['a literal ARN of a live resource', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111-2222`, [], `${LIVE}/LiveKey`],
    ['a literal ARN of a live resource, of a type not wanted', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111-2222`, ['AWS::KMS::Alias'], `external arn:aws:kms:us-east-1:${ACCOUNT}:key/1111-2222`],
    ['a log group ARN with :*', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lex/app:*`, [], 'App/LogGroup'],
    ['a log group ARN without :*', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lex/app`, ['AWS::Logs::LogGroup'], 'App/LogGroup'],
    ['a live log group by its ARN with :*', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lex/live:*`, ['AWS::Logs::LogGroup'], `${LIVE}/LiveGroup`],
    ['a bucket ARN', 'arn:aws:s3:::app-logs', ['AWS::S3::Bucket'], 'App/Bucket'],
    ['an object ARN: its bucket', 'arn:aws:s3:::app-logs/audio/*', ['AWS::S3::Bucket'], 'App/Bucket'],
    ['an alias ARN', `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`, [], 'App/Alias'],
    ['a role ARN with a path', `arn:aws:iam::${ACCOUNT}:role/service/team/app-role`, ['AWS::IAM::Role'], 'App/Role'],
    ['a user ARN with a path', `arn:aws:iam::${ACCOUNT}:user/ops/deployer`, ['AWS::IAM::User'], 'App/User'],
    ['a service-linked role ARN', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X`, ['AWS::IAM::ServiceLinkedRole'], `${LIVE}/LinkedRole`],
    ['a Lambda ARN with a qualifier', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:app-fn:live`, ['AWS::Lambda::Function'], 'App/Fn'],
    ['a Lex bot ARN', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`, [], `${LIVE}/LiveBot`],
    ['a Lex bot alias ARN', `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/ALIASID`, ['AWS::Lex::BotAlias'], `${LIVE}/LiveAlias`],
    ['a bucket ARN when a key is wanted', 'arn:aws:s3:::app-logs', ['AWS::KMS::Key'], 'external arn:aws:s3:::app-logs'],
    ['an ARN of nothing in the graph', 'arn:aws:s3:::elsewhere', ['AWS::S3::Bucket'], 'external arn:aws:s3:::elsewhere'],

    ['a bucket name', 'app-logs', ['AWS::S3::Bucket'], 'App/Bucket'],
    ['a bucket name among several types', 'app-logs', ['AWS::KMS::Key', 'AWS::S3::Bucket'], 'App/Bucket'],
    ['an alias name', 'alias/app', ['AWS::KMS::Alias'], 'App/Alias'],
    ['a key id (from a live ARN)', '1111-2222', ['AWS::KMS::Key'], `${LIVE}/LiveKey`],
    ['a bot id (from a live ARN)', 'BOTID', ['AWS::Lex::Bot'], `${LIVE}/LiveBot`],
    ['a name without a wanted type', 'app-logs', [], 'external app-logs'],
    ['a name of another type', 'app-logs', ['AWS::Logs::LogGroup'], 'external app-logs'],
    ['the name of a resource whose condition is false (checked as deployed when it is true)', 'gone-logs', ['AWS::S3::Bucket'], 'App/Gone'],

    ['a Choice with the same resource both ways', new Choice('IsProd', [ref('Bucket', 'Arn'), 'app-logs']), ['AWS::S3::Bucket'], 'App/Bucket'],
    ['a Choice with the same external both ways', new Choice('IsProd', ['arn:aws:s3:::x', 'arn:aws:s3:::x']), [], 'external arn:aws:s3:::x'],
    ['a Choice between two resources', new Choice('IsProd', [ref('Bucket'), ref('OtherBucket')]), [], 'unknown: depends on condition IsProd'],
    ['a Choice between a resource and an external', new Choice('IsProd', [ref('Bucket'), 'arn:aws:s3:::x']), [], 'unknown: depends on condition IsProd'],
    ['a Choice with an AWS::NoValue branch', new Choice('IsProd', [ref('Bucket'), undefined]), [], 'unknown: depends on condition IsProd'],
    ['a Choice between two unknowns', new Choice('IsProd', [new Unknown('a'), new Unknown('a')]), [], 'unknown: depends on condition IsProd'],
  ])('%s', (_what, value, types, expected) => {
    expect(show(graph.target(value, ...types))).toBe(expected);
  });

  test('an Unknown is returned as it is', () => {
    const u = new Unknown('x');
    expect(graph.target(u)).toBe(u);
  });

  test('a resource target is the graph resource itself', () => {
    const t = graph.target('arn:aws:s3:::app-logs', 'AWS::S3::Bucket');
    expect(t && 'resource' in t && t.resource).toBe(graph.get('App', 'Bucket'));
  });

  // Pseudo parameters match anything in the lookup; the external is the value as written, not a wildcard.
  test('a Composite with pseudo parameters that names nothing in the graph is that value, external', () => {
    const value = new Composite(['arn:aws:kms:', new Pseudo('AWS::Region'), ':', new Pseudo('AWS::AccountId'), ':key/abcd']);
    expect(show(graph.target(value, 'AWS::KMS::Key'))).toBe('external arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/abcd');
  });

  // "Preferring resources of types": a string around a reference of another type points at it, as a bare Reference does.
  test('a Composite around a reference of a type not wanted is that resource, as a bare Reference is', () => {
    expect(show(graph.target(new Composite(['arn:aws:s3:::', ref('Bucket'), '/*']), 'AWS::KMS::Key'))).toBe('App/Bucket');
  });

  // A name built with Fn::Sub from values the graph knows is indexed too.
  test('a name given with Fn::Sub of known pseudo parameters is found', () => {
    expect(show(graph.target(`reports-${ACCOUNT}`, 'AWS::S3::Bucket'))).toBe('App/SubNamed');
  });

  // A name matches only in the ARN's partition, account and Region: another account's `app-role` is not this stack's role.
  test.each([
    ['a role of another account', 'arn:aws:iam::999999999999:role/app-role', 'AWS::IAM::Role'],
    ['a log group of another Region', `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/lex/app:*`, 'AWS::Logs::LogGroup'],
    ['a key of another Region', `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1111-2222`, 'AWS::KMS::Key'],
    ['a function of another account', 'arn:aws:lambda:us-east-1:999999999999:function:app-fn', 'AWS::Lambda::Function'],
    ['a bucket of another partition', 'arn:aws-cn:s3:::app-logs', 'AWS::S3::Bucket'],
  ])('%s is external', (_what, arn, type) => {
    expect(show(graph.target(arn, type))).toBe(`external ${arn}`);
  });

  // A `{{resolve:…}}` dynamic reference is read at deploy time; it is not the name of an external resource.
  test.each([['{{resolve:ssm:/app/bucket-name}}'], ['arn:aws:kms:us-east-1:123456789012:key/{{resolve:ssm:/app/key-id}}']])('%s is unknown', (text) => {
    expect(graph.target(text, 'AWS::S3::Bucket', 'AWS::KMS::Key')).toBeInstanceOf(Unknown);
  });
});
