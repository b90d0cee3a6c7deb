import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as lex from 'aws-cdk-lib/aws-lex';
import check from '../../../checks/monitoring/lex-mon-2-text-logs';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, LIVE_BOT, REGION, addAlias, addBot, live, statusesOf } from './fixtures';

const ID = 'LEX-MON-2';

function textLogs(stack: Stack, enabled: boolean | string = true): lex.CfnBotAlias.ConversationLogSettingsProperty {
  const group = new logs.LogGroup(stack, 'Logs');
  return { textLogSettings: [{ enabled: enabled as boolean, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 'text/' } } }] };
}

describe('LEX-MON-2 production aliases have text logs', () => {
  test.each<[string, string, (stack: Stack) => Partial<lex.CfnBotAliasProps>]>([
    ['FAIL', 'alias without conversation logs', () => ({})],
    ['FAIL', 'text logs disabled', (stack) => ({ conversationLogSettings: textLogs(stack, false) })],
    ['PASS', 'text logs to a log group of the app', (stack) => ({ conversationLogSettings: textLogs(stack) })],
    ['UNKNOWN', 'Enabled from a parameter', (stack) => ({ conversationLogSettings: textLogs(stack, new CfnParameter(stack, 'On').valueAsString) })],
  ])('%s: %s', (expected, _what, alias) => {
    const out = synthStack((stack) => addAlias(stack, addBot(stack), 'Alias', alias(stack)));
    expect(out.statuses(ID)).toEqual({ Alias: expected, Bot: 'NOT_APPLICABLE' });
  });

  test('child-directed bots are not applicable', () => {
    const out = synthStack((stack) => addAlias(stack, addBot(stack, 'Bot', { dataPrivacy: { ChildDirected: true } })));
    expect(out.statuses(ID).Alias).toBe('NOT_APPLICABLE');
  });

  test('PHI-tagged bots fail at HIGH', () => {
    const out = synthStack((stack) => addAlias(stack, addBot(stack, 'Bot', { botTags: [{ key: 'data-classification', value: 'PHI' }] })));
    expect(out.of(ID).find((f) => f.resource.logicalId === 'Alias')).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
  });

  test('aliases named as non-production are not applicable', () => {
    const config = { checks: { [ID]: { options: { nonProductionAliases: ['dev*'] } } } };
    const out = synthStack((stack) => addAlias(stack, addBot(stack), 'DevAlias'), { config });
    expect(out.statuses(ID).DevAlias).toBe('NOT_APPLICABLE');
  });

  test('the alias of a bot outside the app is UNKNOWN when it has no logs', () => {
    const out = synthStack((stack) => addAlias(stack, addBot(stack), 'Alias', { botId: new CfnParameter(stack, 'BotId').valueAsString }));
    expect(out.statuses(ID).Alias).toBe('UNKNOWN');
  });

  test('live: the test alias is not production, other aliases are judged', () => {
    const alias = (id: string, props: Record<string, unknown>) => ({
      type: 'AWS::Lex::BotAlias',
      id,
      arn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOTID1/${id}`,
      props: { BotId: 'BOTID1', BotAliasId: id, ...props },
    });
    const logGroup = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:lex`;
    const findings = live(
      [check],
      [
        LIVE_BOT,
        alias('TSTALIASID', { BotAliasName: 'TestBotAlias' }),
        alias('PROD1', { ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: logGroup } } }] } }),
        alias('PROD2', {}),
      ],
    );
    expect(statusesOf(findings)).toEqual({ BOTID1: 'NOT_APPLICABLE', TSTALIASID: 'NOT_APPLICABLE', PROD1: 'PASS', PROD2: 'FAIL' });
  });
});
