import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { iamIdentities } from '../../lib/sources/account/collectors/iam';
import { lexBots } from '../../lib/sources/account/collectors/lex-bots';
import { lexV1ServiceRoles } from '../../lib/sources/account/collectors/lex-v1';
import { undeclared, type LiveAudit } from '../collectors/audit';
import { auditMoto } from '../collectors/moto-live';
import { ACCOUNT, useMoto } from './moto';

const moto = useMoto();
const COLLECTORS = [lexBots, iamIdentities, lexV1ServiceRoles];

const doc = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const trust = (service: string | string[], condition?: Record<string, unknown>) =>
  doc([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }]);

async function role(name: string, trustPolicy: string, path = '/'): Promise<string> {
  const r = await moto.client(IAMClient).send(new CreateRoleCommand({ RoleName: name, Path: path, AssumeRolePolicyDocument: trustPolicy }));
  return r.Role!.Arn!;
}

async function bot(roleArn: string): Promise<void> {
  await moto.client(LexModelsV2Client).send(new CreateBotCommand({ botName: 'Support', roleArn, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
}

const statuses = (run: LiveAudit, checkId: string, id: string) => run.statuses(checkId)[id];

describe('iam-identities collector against moto', () => {
  it('emits roles, users, customer-managed policies and access keys in CloudFormation shape', async () => {
    const iam = moto.client(IAMClient);
    await role('LexBotRole', trust('lexv2.amazonaws.com'));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'LexBotRole', PolicyName: 'polly', PolicyDocument: doc([{ Effect: 'Allow', Action: 'polly:SynthesizeSpeech', Resource: '*' }]) }));
    const policy = await iam.send(new CreatePolicyCommand({ PolicyName: 'LexRead', PolicyDocument: doc([{ Effect: 'Allow', Action: 'lex:Describe*', Resource: '*' }]) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'LexBotRole', PolicyArn: policy.Policy!.Arn! }));
    await iam.send(new CreateUserCommand({ UserName: 'ci' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));

    const run = await auditMoto(moto, COLLECTORS);
    expect(run.props('AWS::IAM::Role', 'role/LexBotRole')).toMatchObject({
      RoleName: 'LexBotRole',
      Path: '/',
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'lexv2.amazonaws.com' } }] },
      Policies: [{ PolicyName: 'polly', PolicyDocument: { Statement: [{ Action: 'polly:SynthesizeSpeech' }] } }],
      ManagedPolicyArns: [policy.Policy!.Arn],
    });
    expect(run.props('AWS::IAM::ManagedPolicy', 'policy/LexRead')).toMatchObject({ ManagedPolicyName: 'LexRead', PolicyDocument: { Statement: [{ Action: 'lex:Describe*' }] }, Roles: ['LexBotRole'] });
    expect(run.props('AWS::IAM::AccessKey', `user/ci/access-key/${key.AccessKey!.AccessKeyId}`)).toMatchObject({ UserName: 'ci', Status: 'Active' });
    expect(run.resource('AWS::IAM::Role', 'role/LexBotRole')!.stack.name).toBe(`${ACCOUNT}/global`);
    expect(undeclared(run, COLLECTORS)).toEqual([]);
  });

  it.each([
    ['FAIL', 'iam:PassRole on every role', { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
    ['PASS', 'iam:PassRole on one role, to Lex only', { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/LexBotRole`, Condition: { StringEquals: { 'iam:PassedToService': 'lexv2.amazonaws.com' } } }],
  ])('LEX-IAM-6 %s: %s', async (expected, _what, statement) => {
    await role('Deployer', trust('codebuild.amazonaws.com'));
    await moto.client(IAMClient).send(new PutRolePolicyCommand({ RoleName: 'Deployer', PolicyName: 'pass', PolicyDocument: doc([statement]) }));
    await bot(await role('LexBotRole', trust('lexv2.amazonaws.com')));
    const run = await auditMoto(moto, COLLECTORS);
    expect(statuses(run, 'LEX-IAM-6', 'role/Deployer')).toContain(expected);
  });

  it.each([
    ['FAIL', 'a bot role that EC2 can also assume', ['lexv2.amazonaws.com', 'ec2.amazonaws.com']],
    ['PASS', 'a bot role only Lex can assume', 'lexv2.amazonaws.com'],
  ])('LEX-IAM-7 %s: %s', async (expected, _what, principals) => {
    const arn = await role('LexBotRole', trust(principals));
    const lexicon = `arn:aws:polly:us-east-1:${ACCOUNT}:lexicon/support`;
    await moto.client(IAMClient).send(new PutRolePolicyCommand({ RoleName: 'LexBotRole', PolicyName: 'polly', PolicyDocument: doc([{ Effect: 'Allow', Action: 'polly:SynthesizeSpeech', Resource: lexicon }]) }));
    await bot(arn);
    const run = await auditMoto(moto, COLLECTORS);
    // A failing role is reported on the role, a passing one on the bot that uses it.
    expect(statuses(run, 'LEX-IAM-7', expected === 'FAIL' ? 'role/LexBotRole' : 'bot/Support')).toContain(expected);
    expect(statuses(run, 'LEX-IAM-7', 'role/LexBotRole') ?? '').not.toContain(expected === 'FAIL' ? 'PASS' : 'FAIL');
  });

  it.each([
    ['FAIL', 'no confused-deputy conditions', undefined],
    ['PASS', 'aws:SourceAccount and aws:SourceArn', { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/*` } }],
  ])('LEX-IAM-10 %s: a Lex-trusted role with %s (trust policy as IAM returns it, decoded when URL-encoded)', async (expected, _what, condition) => {
    await role('LexBotRole', trust('lexv2.amazonaws.com', condition));
    const run = await auditMoto(moto, COLLECTORS);
    expect(statuses(run, 'LEX-IAM-10', 'role/LexBotRole').split(',')).toEqual(expect.arrayContaining([expected]));
    expect(statuses(run, 'LEX-IAM-10', 'role/LexBotRole')).not.toContain(expected === 'FAIL' ? 'PASS' : 'FAIL');
  });

  it.each([
    ['FAIL', 'a Lex V2 service-linked role no bot uses', false],
    ['PASS', 'the Lex V2 service-linked role of a live bot', true],
  ])('LEX-SLR-2 %s: %s (service-linked roles come with their /aws-service-role/ path)', async (expected, _what, used) => {
    const arn = await role('AWSServiceRoleForLexV2Bots_Support', trust('lexv2.amazonaws.com'), '/aws-service-role/lexv2.amazonaws.com/');
    await bot(used ? arn : await role('Other', trust('lexv2.amazonaws.com')));
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.props('AWS::IAM::Role', 'role/AWSServiceRoleForLexV2Bots_Support').Path).toBe('/aws-service-role/lexv2.amazonaws.com/');
    expect(statuses(run, 'LEX-SLR-2', 'role/AWSServiceRoleForLexV2Bots_Support')).toBe(expected);
  });

  it.each([
    ['FAIL', 'AWSServiceRoleForLexBots still exists', true],
    ['PASS', 'neither V1 role exists (GetRole: NoSuchEntity)', false],
  ])('LEX-SLR-3 %s: %s', async (expected, _what, exists) => {
    // IAM refuses to create a role under /aws-service-role/; moto does not, which stands in for a V1 leftover.
    if (exists) await role('AWSServiceRoleForLexBots', trust('lex.amazonaws.com'), '/aws-service-role/lex.amazonaws.com/');
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.statuses('LEX-SLR-3')).toEqual({
      'lex-v1-service-role/AWSServiceRoleForLexBots': expected,
      'lex-v1-service-role/AWSServiceRoleForLexChannels': 'PASS',
    });
  });
});
