import { GetAccountAuthorizationDetailsCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetBotsCommand, LexModelBuildingServiceClient } from '@aws-sdk/client-lex-model-building-service';
import { DescribeBotCommand, LexModelsV2Client, ListBotAliasesCommand, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { DescribeEffectivePolicyCommand, DescribePolicyCommand, ListPoliciesCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { iamIdentities } from '../../lib/sources/account/collectors/iam';
import { lexBots } from '../../lib/sources/account/collectors/lex-bots';
import { lexV1Bots } from '../../lib/sources/account/collectors/lex-v1';
import { aiOptOutPolicy, serviceControlPolicies } from '../../lib/sources/account/collectors/organizations';
import { securityHub } from '../../lib/sources/account/collectors/security-hub';
import { Unknown } from '../../lib/model/values';
import { ACCOUNT, REGION, audit } from './audit';
import { awsError, denied } from './sdk-mock';

/** Account-level collectors whose APIs moto does not implement (or not fully): the SDK clients are mocked. */
const lex = mockClient(LexModelsV2Client);
const v1 = mockClient(LexModelBuildingServiceClient);
const org = mockClient(OrganizationsClient);
const hub = mockClient(SecurityHubClient);
const iam = mockClient(IAMClient);
const SCOPE = `${ACCOUNT}/${REGION}`;
const GLOBAL = `${ACCOUNT}/global`;

/** A Lex V2 bot, the workload that account-level findings attach to. */
function workload(): void {
  lex.reset();
  lex.onAnyCommand().resolves({});
  lex.on(ListBotsCommand).resolves({ botSummaries: [{ botId: 'BOT1', botName: 'Support' }] });
  lex.on(DescribeBotCommand).resolves({ botId: 'BOT1', botName: 'Support', dataPrivacy: { childDirected: false } });
  lex.on(ListBotAliasesCommand).resolves({ botAliasSummaries: [] });
}

beforeEach(() => {
  for (const m of [v1, org, hub, iam]) m.reset();
  workload();
});
afterAll(() => {
  for (const m of [lex, v1, org, hub, iam]) m.restore();
});

describe('lex-v1-bots (mocked: moto has no Lex V1)', () => {
  it.each([
    ['FAIL', 'a V1 bot remains', [{ name: 'OrderFlowers', status: 'READY' as const, version: '$LATEST' }]],
    ['PASS', 'GetBots lists none', []],
  ])('LEX-DP-15 %s: %s', async (expected, _what, bots) => {
    v1.on(GetBotsCommand).resolves({ bots });
    const run = await audit([lexV1Bots]);
    const statuses = run.statuses('LEX-DP-15');
    expect(Object.values(statuses)).toEqual([expected]);
    if (expected === 'FAIL') expect(run.props('Live::LexV1::Bot', 'lex-v1-bot/OrderFlowers')).toMatchObject({ Name: 'OrderFlowers', Status: 'READY' });
  });

  it('LEX-DP-15 UNKNOWN (INFO): GetBots denied', async () => {
    v1.on(GetBotsCommand).rejects(denied());
    const run = await audit([lexV1Bots]);
    expect(run.result.findings.filter((f) => f.checkId === 'LEX-DP-15')).toEqual([expect.objectContaining({ status: 'UNKNOWN', severity: 'INFO', reason: expect.stringContaining('lex:GetBots was denied') })]);
  });
});

describe('organizations collectors (mocked: moto has no DescribeEffectivePolicy)', () => {
  const content = (value: string) => JSON.stringify({ services: { lex: { opt_out_policy: value } } });

  it.each([
    ['FAIL', 'the effective policy opts Lex in', 'optIn'],
    ['PASS', 'the effective policy opts Lex out', 'optOut'],
  ])('LEX-DP-9 %s: %s', async (expected, _what, value) => {
    org.on(DescribeEffectivePolicyCommand).resolves({ EffectivePolicy: { PolicyType: 'AISERVICES_OPT_OUT_POLICY', PolicyContent: content(value), TargetId: ACCOUNT } });
    const run = await audit([lexBots, aiOptOutPolicy]);
    expect(run.props('AWS::Organizations::Policy', 'organizations/effective-ai-opt-out-policy')).toMatchObject({ Type: 'AISERVICES_OPT_OUT_POLICY', Content: content(value) });
    expect(Object.values(run.statuses('LEX-DP-9'))).toEqual([expected]);
  });

  it.each([
    ['the account is in no organization', awsError('AWSOrganizationsNotInUseException'), 'not in an AWS Organizations organization'],
    ['DescribeEffectivePolicy is denied', denied(), 'organizations:DescribeEffectivePolicy was denied'],
  ])('LEX-DP-9 UNKNOWN: %s', async (_what, error, reason) => {
    org.on(DescribeEffectivePolicyCommand).rejects(error);
    const run = await audit([lexBots, aiOptOutPolicy]);
    expect(run.result.findings.filter((f) => f.checkId === 'LEX-DP-9')).toEqual([expect.objectContaining({ status: 'UNKNOWN', reason: expect.stringContaining(reason) })]);
  });

  it('LEX-DP-9 FAIL: in an organization with no opt-out policy in effect', async () => {
    org.on(DescribeEffectivePolicyCommand).rejects(awsError('EffectivePolicyNotFoundException'));
    const run = await audit([lexBots, aiOptOutPolicy]);
    expect(run.graph.ofType('AWS::Organizations::Policy')).toEqual([]);
    expect(Object.values(run.statuses('LEX-DP-9'))).toEqual(['FAIL']);
  });

  it('reads every SCP with its content; a member account that may not list them gets one SCP of unknown content', async () => {
    org.on(ListPoliciesCommand).resolvesOnce({ Policies: [{ Id: 'p-1', Name: 'DenyUnencryptedJobs', Arn: 'arn:aws:organizations::111111111111:policy/o-1/service_control_policy/p-1' }], NextToken: 'n' }).resolvesOnce({ Policies: [] });
    org.on(DescribePolicyCommand).resolves({ Policy: { Content: '{"Statement":[]}' } });
    let run = await audit([serviceControlPolicies]);
    expect(run.props('AWS::Organizations::Policy', 'organizations/scp/DenyUnencryptedJobs')).toMatchObject({ Type: 'SERVICE_CONTROL_POLICY', Content: '{"Statement":[]}' });

    org.reset();
    org.on(ListPoliciesCommand).rejects(denied());
    run = await audit([serviceControlPolicies]);
    expect(run.props('AWS::Organizations::Policy', 'organizations/scps').Content).toBeInstanceOf(Unknown);
  });
});

describe('security-hub (mocked: moto has no GetEnabledStandards)', () => {
  it('emits the hub and each enabled standard', async () => {
    hub.on(DescribeHubCommand).resolves({ HubArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default` });
    hub.on(GetEnabledStandardsCommand).resolves({
      StandardsSubscriptions: [
        {
          StandardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
          StandardsSubscriptionArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:subscription/aws-foundational-security-best-practices/v/1.0.0`,
          StandardsInput: {},
          StandardsStatus: 'READY',
        },
      ],
    });
    const run = await audit([lexBots, securityHub]);
    expect(run.graph.ofType('AWS::SecurityHub::Standard').map((s) => run.graph.props(s).StandardsStatus)).toEqual(['READY']);
    const parts = run.result.findings.filter((f) => f.checkId === 'LEX-COMP-2' && f.resource.type !== 'AWS::Region').map((f) => f.status);
    expect(parts).toEqual(['PASS', 'PASS']);
  });

  it('a hub that is not enabled (InvalidAccessException) is absent, not unreadable', async () => {
    hub.on(DescribeHubCommand).rejects(awsError('InvalidAccessException', 401, 'Account is not subscribed to AWS Security Hub'));
    const run = await audit([lexBots, securityHub]);
    expect(run.collected.stacks.find((s) => s.stack.name === SCOPE)!.gaps).toEqual([]);
    expect(run.reasons('LEX-COMP-2')).toContain('Security Hub is not enabled in this Region');
  });
});

describe('iam-identities (mocked: pagination, URL-encoded documents, failures)', () => {
  const encoded = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));

  it('follows Marker through every page and decodes URL-encoded documents', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand)
      .resolvesOnce({ RoleDetailList: [{ RoleName: 'A', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:role/A`, AssumeRolePolicyDocument: encoded }], IsTruncated: true, Marker: 'm1' })
      .resolvesOnce({ RoleDetailList: [{ RoleName: 'B', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:role/B`, AssumeRolePolicyDocument: encoded }], IsTruncated: false });
    iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
    const run = await audit([iamIdentities]);
    expect(run.graph.ofType('AWS::IAM::Role').map((r) => r.logicalId)).toEqual(['role/A', 'role/B']);
    expect(run.props('AWS::IAM::Role', 'role/B').AssumeRolePolicyDocument).toMatchObject({ Statement: [{ Principal: { Service: 'lexv2.amazonaws.com' } }] });
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)[1].args[0].input.Marker).toBe('m1');
  });

  it('GetAccountAuthorizationDetails denied: a gap for every identity type, in the global scope', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(awsError('AccessDenied', 403));
    const run = await audit([iamIdentities]);
    expect(run.collected.stacks.find((s) => s.stack.name === GLOBAL)!.gaps).toEqual([
      { types: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::AccessKey'], reason: expect.stringContaining('iam:GetAccountAuthorizationDetails was denied') },
    ]);
  });

  it('a user whose keys cannot be listed gets one access key of unknown status', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({ UserDetailList: [{ UserName: 'ci', Arn: `arn:aws:iam::${ACCOUNT}:user/ci` }] });
    iam.on(ListAccessKeysCommand).rejects(denied());
    const run = await audit([iamIdentities]);
    expect(run.props('AWS::IAM::AccessKey', 'user/ci/access-keys')).toMatchObject({ UserName: 'ci', Status: expect.any(Unknown) });
  });
});
