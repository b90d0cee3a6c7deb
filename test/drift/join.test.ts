import { computeDrift } from '../../lib/drift/drift';
import { JOIN_RULES } from '../../lib/drift/identity';
import { defineCheck, fail, pass, unknown, type Check } from '../../lib/engine/check';
import { Pipeline } from '../../lib/engine/pipeline';
import type { StackInput } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { templateToStackInput, type CfnTemplate } from '../../lib/sources/template';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

/** A check on one property, the same on both sides: `Encrypted: true` passes, false fails, an Unknown is UNKNOWN. */
function encrypted(id: string, ...types: string[]): Check {
  return defineCheck({
    id,
    title: `${id} title`,
    service: 'lex',
    topic: 'data-protection',
    severity: 'MEDIUM',
    rationale: 'r',
    remediation: 'encrypt it',
    docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/what-is.html',
    modes: ['synth', 'live'],
    resourceTypes: types,
    evaluate(resource, { graph }) {
      const v = graph.props(resource).Encrypted;
      if (v instanceof Unknown) return unknown(v.reason);
      return v === true ? pass('encrypted') : fail('not encrypted');
    },
  });
}
const CHECKS = [encrypted('TEST-DP-1', ...Object.keys(JOIN_RULES)), defineCheck({ ...encrypted('TEST-LIVE-1', 'AWS::Lex::Bot'), id: 'TEST-LIVE-1', modes: ['live'] } as never)];

function code(resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>, env: { account?: string; region?: string } = { account: ACCOUNT, region: REGION }, extra: Partial<CfnTemplate> = {}): StackInput {
  const stack = { name: 'App', file: 'app.yaml', ...env };
  return templateToStackInput({ Resources: resources, ...extra } as CfnTemplate, { stack });
}

interface Live {
  type: string;
  id: string;
  arn?: string;
  props: Record<string, unknown>;
  scope?: string;
}

function live(resources: Live[], opts: { account?: string; gaps?: StackInput['gaps'] } = {}): StackInput[] {
  const account = opts.account ?? ACCOUNT;
  const scopes = new Map<string, { stack: StackInput['stack']; resources: Array<StackInput['resources'][number]>; gaps?: StackInput['gaps'] }>();
  for (const r of resources) {
    const scope = r.scope ?? REGION;
    let s = scopes.get(scope);
    if (!s) scopes.set(scope, (s = { stack: { name: `${account}/${scope}`, account, region: scope }, resources: [] }));
    s.resources.push({ type: r.type, logicalId: r.id, properties: r.props, metadata: {}, provenance: { arn: r.arn, api: 'test' } });
  }
  if (!scopes.has(REGION)) scopes.set(REGION, { stack: { name: `${account}/${REGION}`, account, region: REGION }, resources: [], gaps: opts.gaps });
  else if (opts.gaps) scopes.get(REGION)!.gaps = opts.gaps;
  return [...scopes.values()];
}

function run(codeStacks: StackInput[], liveStacks: StackInput[][], regionsOf = new Map([[ACCOUNT, [REGION]]])) {
  const c = new Pipeline({ checks: CHECKS, mode: 'synth' });
  const codeApp = c.add({ stacks: codeStacks });
  c.finish();
  const l = new Pipeline({ checks: CHECKS, mode: 'live' });
  const liveApps = liveStacks.map((stacks) => l.add({ stacks }));
  l.finish();
  return computeDrift({ apps: [codeApp] }, { apps: liveApps, regionsOf }, CHECKS);
}

const bot = (name: unknown, encryptedValue = true) => ({ Type: 'AWS::Lex::Bot', Properties: { Name: name, Encrypted: encryptedValue } });
const liveBot = (name: string, id: string, encryptedValue = true, account = ACCOUNT): Live => ({ type: 'AWS::Lex::Bot', id: `bot/${name}`, arn: `arn:aws:lex:${REGION}:${account}:bot/${id}`, props: { Name: name, Encrypted: encryptedValue } });
const liveAlias = (bot: string, botId: string, name: string, aliasId: string, encryptedValue = true): Live => ({
  type: 'AWS::Lex::BotAlias',
  id: `bot/${bot}/alias/${name}`,
  arn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/${botId}/${aliasId}`,
  props: { BotId: botId, BotAliasName: name, Encrypted: encryptedValue },
});

describe('drift: how each type is joined', () => {
  test('a bot by its name; a check that passes in code and fails live is drift, a live-only check is not compared', () => {
    const r = run([code({ Support: bot('Support', true) })], [live([liveBot('Support', 'B1', false)])]);
    expect(r.drift.map((e) => [e.checkId, e.resource.name, e.resource.logicalId, e.resource.arn, e.code, e.live, e.codeReason, e.liveReason])).toEqual([
      ['TEST-DP-1', 'Support', 'Support', `arn:aws:lex:${REGION}:${ACCOUNT}:bot/B1`, 'PASS', 'FAIL', 'encrypted', 'not encrypted'],
    ]);
    expect(r.summary).toMatchObject({ joined: 1, compared: 1, drift: 1, driftingResources: 1 });
  });

  test('an alias by its name within its bot: Ref to the bot in code, the bot id live; two bots may each have a Prod', () => {
    const r = run(
      [code({ A: bot('A'), B: bot('B'), AProd: { Type: 'AWS::Lex::BotAlias', Properties: { BotId: { Ref: 'A' }, BotAliasName: 'Prod', Encrypted: true } }, BProd: { Type: 'AWS::Lex::BotAlias', Properties: { BotId: { 'Fn::GetAtt': ['B', 'Id'] }, BotAliasName: 'Prod', Encrypted: true } } })],
      [live([liveBot('A', 'IDA'), liveBot('B', 'IDB'), liveAlias('A', 'IDA', 'Prod', 'X1', true), liveAlias('B', 'IDB', 'Prod', 'X2', false)])],
    );
    expect(r.drift.map((e) => [e.resource.name, e.resource.logicalId, e.live])).toEqual([['B/Prod', 'BProd', 'FAIL']]);
    expect(r.summary.joined).toBe(4);
  });

  test('an alias of a bot made elsewhere, named by its id: joined through the account\'s bot of that id', () => {
    const r = run([code({ Prod: { Type: 'AWS::Lex::BotAlias', Properties: { BotId: 'IDA', BotAliasName: 'Prod', Encrypted: true } } })], [live([liveBot('A', 'IDA'), liveAlias('A', 'IDA', 'Prod', 'X1', false)])]);
    expect(r.drift.map((e) => e.resource.name)).toEqual(['A/Prod']);
    const missing = run([code({ Prod: { Type: 'AWS::Lex::BotAlias', Properties: { BotId: 'NOPE', BotAliasName: 'Prod' } } })], [live([liveBot('A', 'IDA')])]);
    expect(missing.unjoinable.map((u) => u.reason)).toEqual([`BotId NOPE is no bot of account ${ACCOUNT} in ${REGION}`]);
  });

  test('a resource policy by the bot it is attached to (GetAtt in code, the ARN live)', () => {
    const r = run(
      [code({ A: bot('A'), Policy: { Type: 'AWS::Lex::ResourcePolicy', Properties: { ResourceArn: { 'Fn::GetAtt': ['A', 'Arn'] }, Encrypted: false } } })],
      [live([liveBot('A', 'IDA'), { type: 'AWS::Lex::ResourcePolicy', id: 'bot/A/policy', props: { ResourceArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot/IDA`, Encrypted: true } }])],
    );
    expect(r.drift.map((e) => [e.resource.type, e.resource.name, e.code, e.live])).toEqual([['AWS::Lex::ResourcePolicy', 'A policy', 'FAIL', 'PASS']]);
  });

  test('a role by its name in the account (live: the global scope), a bucket by its name anywhere, a log group in its Region', () => {
    const r = run(
      [
        code({
          Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'BotRole', Encrypted: true } },
          Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'audio', Encrypted: true } },
          Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/aws/lex/a', Encrypted: true } },
        }),
      ],
      [
        live([
          { type: 'AWS::IAM::Role', id: 'role/BotRole', arn: `arn:aws:iam::${ACCOUNT}:role/BotRole`, props: { RoleName: 'BotRole', Encrypted: false }, scope: 'global' },
          { type: 'AWS::S3::Bucket', id: 'bucket/audio', arn: 'arn:aws:s3:::audio', props: { BucketName: 'audio', Encrypted: false } },
          { type: 'AWS::Logs::LogGroup', id: 'log-group//aws/lex/a', arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lex/a`, props: { LogGroupName: '/aws/lex/a', Encrypted: false } },
        ]),
      ],
    );
    expect(r.drift.map((e) => [e.resource.type, e.resource.name, e.resource.account, e.resource.region])).toEqual([
      ['AWS::IAM::Role', 'BotRole', ACCOUNT, undefined],
      ['AWS::S3::Bucket', 'audio', ACCOUNT, undefined],
      ['AWS::Logs::LogGroup', '/aws/lex/a', ACCOUNT, REGION],
    ]);
  });

  test('a KMS key through the alias that targets it', () => {
    const r = run(
      [code({ Key: { Type: 'AWS::KMS::Key', Properties: { Encrypted: true } }, Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/app', TargetKeyId: { Ref: 'Key' } } } })],
      [
        live([
          { type: 'AWS::KMS::Key', id: 'key/k1', arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`, props: { Encrypted: false } },
          { type: 'AWS::KMS::Alias', id: 'alias/app', arn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`, props: { AliasName: 'alias/app', TargetKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1` } },
        ]),
      ],
    );
    expect(r.drift.map((e) => [e.resource.type, e.resource.name, e.resource.arn])).toEqual([['AWS::KMS::Key', 'key of alias/app', `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`]]);
  });
});

describe('drift: what is never guessed', () => {
  test.each<[string, unknown, string]>([
    ['a parameter without a value', { Ref: 'BotName' }, 'Name cannot be known: parameter BotName has no value and no default'],
    ['a name built from a resource made at deployment', { 'Fn::Sub': '${Role}-bot' }, 'Name is <Role>-bot, known only at deployment'],
    ['no name at all', undefined, 'Name is not set: the name is made at deployment'],
  ])('a bot whose name is %s is unjoinable, with why', (_what, name, reason) => {
    const role = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } };
    const r = run([code({ Bot: bot(name), Role: role }, { account: ACCOUNT, region: REGION }, { Parameters: { BotName: { Type: 'String' } } } as never)], [live([liveBot('Support', 'B1')])]);
    expect(r.unjoinable.filter((u) => u.type === 'AWS::Lex::Bot').map((u) => [u.side, u.logicalId, u.reason])).toEqual([['code', 'Bot', reason]]);
    expect(r.onlyLive.map((x) => x.name)).toEqual(['Support']);
  });

  test('an environment-agnostic stack joins when one account and Region are audited, and not otherwise', () => {
    expect(run([code({ S: bot('Support') }, {})], [live([liveBot('Support', 'B1')])]).summary.joined).toBe(1);
    const two = new Map([
      [ACCOUNT, [REGION]],
      ['444455556666', [REGION]],
    ]);
    const r = run([code({ S: bot('Support') }, {})], [live([liveBot('Support', 'B1')]), live([liveBot('Support', 'B2', true, '444455556666')], { account: '444455556666' })], two);
    expect(r.unjoinable.map((u) => u.reason)).toEqual(['stack App names no account and 2 accounts were audited: give the stack an env, or audit one account']);
  });

  test('not found live: only in code when the audit lists the type there; unjoinable when the account was not audited there, or could not list it', () => {
    expect(run([code({ R: bot('Refunds') })], [live([])]).onlyInCode.map((x) => [x.name, x.logicalId, x.account, x.region])).toEqual([['Refunds', 'R', ACCOUNT, REGION]]);
    expect(run([code({ R: bot('Refunds') }, { account: ACCOUNT, region: 'eu-west-1' })], [live([])]).unjoinable.map((u) => u.reason)).toEqual([`account ${ACCOUNT} was not audited in eu-west-1`]);
    const denied = run([code({ R: bot('Refunds') })], [live([], { gaps: [{ types: ['AWS::Lex::Bot'], reason: 'lex:ListBots was denied (AccessDeniedException)' }] })]);
    expect([denied.onlyInCode, denied.unjoinable.map((u) => u.reason)]).toEqual([[], ["the account's AWS::Lex::Bot resources could not be listed: lex:ListBots was denied (AccessDeniedException)"]]);
  });

  test('a log group the audit did not follow is not "only in code"', () => {
    const r = run([code({ L: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/aws/lex/x' } } })], [live([])]);
    expect([r.onlyInCode, r.unjoinable.map((u) => u.reason)]).toEqual([[], ['the audit reads AWS::Logs::LogGroup resources only when an audited resource refers to them, and none refers to /aws/lex/x']]);
  });

  test('two template resources with one identity are both unjoinable', () => {
    const r = run([code({ A: bot('Support'), B: bot('Support') })], [live([liveBot('Support', 'B1')])]);
    expect(r.unjoinable.map((u) => [u.logicalId, u.reason])).toEqual([
      ['A', '2 resources of the templates are AWS::Lex::Bot Support'],
      ['B', '2 resources of the templates are AWS::Lex::Bot Support'],
    ]);
  });

  test('an UNKNOWN side is undecided, not drift; a suppression in the template is the same finding as a live FAIL', () => {
    const undecided = run([code({ S: bot('Support', true) })], [live([{ ...liveBot('Support', 'B1'), props: { Name: 'Support', Encrypted: new Unknown('lex:DescribeBot was throttled') } }])]);
    expect([undecided.drift, undecided.undecided.map((e) => [e.code, e.live, e.liveReason])]).toEqual([[], [['PASS', 'UNKNOWN', 'lex:DescribeBot was throttled']]]);
    const suppressed = run(
      [code({ S: { ...bot('Support', false), Metadata: { lexscribe: { suppressions: [{ id: 'TEST-DP-1', reason: 'accepted until the Q3 migration' }] } } } })],
      [live([liveBot('Support', 'B1', false)])],
    );
    expect([suppressed.drift, suppressed.undecided]).toEqual([[], []]);
  });

  test('only live: Lex and Transcribe resources, not the roles and log groups many apps share', () => {
    const r = run(
      [code({})],
      [live([liveBot('Legacy', 'L1', false), { type: 'AWS::IAM::Role', id: 'role/Other', arn: `arn:aws:iam::${ACCOUNT}:role/Other`, props: { RoleName: 'Other' }, scope: 'global' }])],
    );
    expect(r.onlyLive.map((x) => [x.type, x.name, x.liveFailed])).toEqual([['AWS::Lex::Bot', 'Legacy', 'MEDIUM']]);
  });
});
