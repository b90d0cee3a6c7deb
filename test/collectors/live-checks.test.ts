import lexDp11 from '../../checks/data-protection/lex-dp-11-selective-logging';
import lexDp15 from '../../checks/data-protection/lex-dp-15-no-v1-bots';
import lexSlr3 from '../../checks/service-linked-roles/lex-slr-3-legacy-v1-roles';
import type { Check } from '../../lib/engine/check';
import { runPipeline } from '../../lib/engine/pipeline';
import type { StackInput } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { ACCOUNT, REGION } from './audit';
import { LEX_V1_BOT, LEX_V1_SERVICE_ROLE } from '../../lib/model/types/lex';

/** The Lex controls that exist only live, on live-shaped resources as the collectors emit them. */
const resource = (type: string, logicalId: string, properties: Record<string, unknown>) => ({ type, logicalId, properties, metadata: {}, provenance: { api: 'test' } });
const scope = (region: string, resources: StackInput['resources'], gaps: StackInput['gaps'] = []): StackInput => ({ stack: { name: `${ACCOUNT}/${region}`, account: ACCOUNT, region }, resources, gaps });

function run(check: Check, inputs: StackInput[]) {
  const result = runPipeline([{ stacks: inputs }], { checks: [check], mode: 'live' });
  return result.findings.map((f) => ({ id: f.resource.logicalId, status: f.status, severity: f.severity, key: f.findingKey }));
}

describe('LEX-DP-11 selective conversation logging', () => {
  const alias = (setting: Record<string, unknown> | Unknown) =>
    scope(REGION, [resource('AWS::Lex::BotAlias', 'bot/B/alias/Prod', { BotId: 'B', BotAliasName: 'Prod', ConversationLogSettings: { TextLogSettings: [setting] } })]);

  it.each([
    ['FAIL', 'full logging', { Enabled: true, SelectiveLoggingEnabled: false }],
    ['FAIL', 'the flag absent (the API default is full logging)', { Enabled: true }],
    ['PASS', 'selective logging', { Enabled: true, SelectiveLoggingEnabled: true }],
    ['UNKNOWN', 'a setting that could not be read', { Enabled: true, SelectiveLoggingEnabled: new Unknown('lex:DescribeBotAlias was denied') }],
    ['NOT_APPLICABLE', 'logging off', { Enabled: false }],
  ])('%s: %s', (expected, _what, setting) => {
    expect(run(lexDp11, [alias(setting)])).toEqual([expect.objectContaining({ id: 'bot/B/alias/Prod', status: expected })]);
  });

  it('is a live-only control', () => {
    expect(lexDp11.modes).toEqual(['live']);
  });
});

describe('LEX-DP-15 no Lex V1 bots', () => {
  it.each([
    ['FAIL', 'a V1 bot in the Region', [resource(LEX_V1_BOT, 'lex-v1-bot/Old', { Name: 'Old' })], [], 'LOW'],
    ['PASS', 'none listed', [], [], 'LOW'],
    ['UNKNOWN', 'GetBots failed', [], [{ types: [LEX_V1_BOT], reason: 'lex:GetBots is not available in us-east-1' }], 'INFO'],
  ])('%s: %s', (expected, _what, resources, gaps, severity) => {
    expect(run(lexDp15, [scope(REGION, resources, gaps)])).toEqual([expect.objectContaining({ status: expected, severity })]);
  });

  it('judges each Region, not the global scope', () => {
    const findings = run(lexDp15, [scope(REGION, []), scope('eu-west-1', [resource(LEX_V1_BOT, 'lex-v1-bot/Old', { Name: 'Old' })]), scope('global', [])]);
    expect(findings.map((f) => `${f.id}:${f.status}`).sort()).toEqual([`${ACCOUNT}/${REGION}:PASS`, 'lex-v1-bot/Old:FAIL']);
  });
});

describe('LEX-SLR-3 legacy Lex V1 service-linked roles', () => {
  const role = (exists: boolean | Unknown) => scope('global', [resource(LEX_V1_SERVICE_ROLE, 'lex-v1-service-role/AWSServiceRoleForLexBots', { RoleName: 'AWSServiceRoleForLexBots', Exists: exists })]);

  it.each([
    ['FAIL', 'the role still exists', true],
    ['PASS', 'GetRole: NoSuchEntity', false],
    ['UNKNOWN', 'GetRole denied', new Unknown('iam:GetRole was denied (AccessDenied)')],
  ])('%s: %s', (expected, _what, exists) => {
    expect(run(lexSlr3, [role(exists)])).toEqual([expect.objectContaining({ status: expected })]);
  });
});
