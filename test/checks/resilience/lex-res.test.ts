import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';
import res1 from '../../../checks/resilience/lex-res-1-replication';
import res2 from '../../../checks/resilience/lex-res-2-numbered-version';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, LIVE_BOT, REGION, addAlias, addBot, live, statusesOf } from '../monitoring/fixtures';

describe('LEX-RES-1 critical bots are replicated', () => {
  test.each<[string, string, (stack: Stack) => Partial<lex.CfnBotProps>]>([
    ['FAIL', 'no replication', () => ({})],
    ['PASS', 'replica in us-west-2', () => ({ replication: { replicaRegions: ['us-west-2'] } })],
    ['FAIL', 'replica in its own Region', () => ({ replication: { replicaRegions: ['us-east-1'] } })],
    ['UNKNOWN', 'replica Region from a parameter', (stack) => ({ replication: { replicaRegions: [new CfnParameter(stack, 'Region').valueAsString] } })],
  ])('%s: %s', (expected, _what, extra) => {
    expect(synthStack((stack) => addBot(stack, 'Bot', extra(stack))).statuses('LEX-RES-1')).toEqual({ Bot: expected });
  });

  test('with criticalTag set, only tagged bots are judged', () => {
    const config = { checks: { 'LEX-RES-1': { options: { criticalTag: 'tier=critical' } } } };
    const out = synthStack((stack) => {
      addBot(stack, 'Critical', { botTags: [{ key: 'tier', value: 'Critical' }] });
      addBot(stack, 'Internal', { botTags: [{ key: 'tier', value: 'internal' }] });
    }, { config });
    expect(out.statuses('LEX-RES-1')).toEqual({ Critical: 'FAIL', Internal: 'NOT_APPLICABLE' });
  });

  test('live: ListBotReplicas in CloudFormation shape', () => {
    const bot = { ...LIVE_BOT, props: { ...LIVE_BOT.props, Replication: { ReplicaRegions: ['us-west-2'] } } };
    expect(statusesOf(live([res1], [bot]))).toEqual({ BOTID1: 'PASS' });
  });
});

describe('LEX-RES-2 production aliases point to a numbered version', () => {
  test.each<[string, string, (stack: Stack, bot: lex.CfnBot) => Partial<lex.CfnBotAliasProps>]>([
    ['FAIL', 'DRAFT', () => ({ botVersion: 'DRAFT' })],
    ['FAIL', 'no version', () => ({})],
    ['PASS', 'version number', () => ({ botVersion: '3' })],
    [
      'PASS',
      'GetAtt of a BotVersion',
      (stack, bot) => ({
        botVersion: new lex.CfnBotVersion(stack, 'V1', { botId: bot.attrId, botVersionLocaleSpecification: [{ localeId: 'en_US', botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' } }] })
          .attrBotVersion,
      }),
    ],
    ['UNKNOWN', 'parameter without value', (stack) => ({ botVersion: new CfnParameter(stack, 'Version').valueAsString })],
  ])('%s: %s', (expected, _what, extra) => {
    const out = synthStack((stack) => {
      const bot = addBot(stack);
      addAlias(stack, bot, 'Alias', extra(stack, bot));
    });
    expect(out.statuses('LEX-RES-2')).toEqual({ Alias: expected });
  });

  test('live: the test alias is not judged; a numbered alias passes', () => {
    const alias = (id: string, version: string) => ({
      type: 'AWS::Lex::BotAlias',
      id,
      arn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOTID1/${id}`,
      props: { BotId: 'BOTID1', BotAliasId: id, BotVersion: version },
    });
    expect(statusesOf(live([res2], [LIVE_BOT, alias('TSTALIASID', 'DRAFT'), alias('PROD1', '7')]))).toEqual({ TSTALIASID: 'NOT_APPLICABLE', PROD1: 'PASS' });
  });
});
