import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import check from '../../../checks/monitoring/lex-mon-6-log-retention';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, LIVE_BOT, REGION, addAlias, addBot, live, statusesOf } from './fixtures';

const ID = 'LEX-MON-6';

function aliasLoggingTo(stack: Stack, id: string, groupArn: string, enabled = true) {
  const bot = stack.node.tryFindChild('Bot') ?? addBot(stack);
  addAlias(stack, bot as ReturnType<typeof addBot>, id, {
    conversationLogSettings: { textLogSettings: [{ enabled, destination: { cloudWatch: { cloudWatchLogGroupArn: groupArn, logPrefix: 't/' } } }] },
  });
}

describe('LEX-MON-6 conversation-log groups have a retention period', () => {
  test.each<[string, string, (stack: Stack) => string]>([
    ['PASS', 'L2 log group with its default retention', (stack) => new logs.LogGroup(stack, 'Group').logGroupArn],
    ['FAIL', 'L2 log group kept forever', (stack) => new logs.LogGroup(stack, 'Group', { retention: logs.RetentionDays.INFINITE }).logGroupArn],
    [
      'UNKNOWN',
      'L1 log group with retention from a parameter',
      (stack) => new logs.CfnLogGroup(stack, 'Group', { retentionInDays: new CfnParameter(stack, 'Days', { type: 'Number' }).valueAsNumber }).attrArn,
    ],
  ])('%s: %s', (expected, _what, group) => {
    const out = synthStack((stack) => aliasLoggingTo(stack, 'Alias', group(stack)));
    const key = Object.keys(out.statuses(ID)).find((k) => k.startsWith('Group'))!;
    expect(out.statuses(ID)[key]).toBe(expected);
  });

  test('a log group outside the app is UNKNOWN on the alias', () => {
    const out = synthStack((stack) => aliasLoggingTo(stack, 'Alias', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:shared-lex`));
    expect(out.statuses(ID)).toEqual({ Alias: 'UNKNOWN' });
  });

  test('a group shared by two aliases is judged once; disabled logs are ignored', () => {
    const out = synthStack((stack) => {
      const group = new logs.LogGroup(stack, 'Group', { retention: logs.RetentionDays.INFINITE });
      aliasLoggingTo(stack, 'Prod', group.logGroupArn);
      aliasLoggingTo(stack, 'Canary', group.logGroupArn);
      aliasLoggingTo(stack, 'Off', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:elsewhere`, false);
    });
    expect(Object.values(out.statuses(ID))).toEqual(['FAIL']);
  });

  test('no text logs: not applicable', () => {
    expect(synthStack((stack) => addAlias(stack, addBot(stack))).statuses(ID)).toEqual({ Test: 'NOT_APPLICABLE' });
  });

  test('live: the alias ARN finds the log group the logs collector emitted', () => {
    const arn = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:lex-text`;
    const findings = live(
      [check],
      [
        LIVE_BOT,
        {
          type: 'AWS::Lex::BotAlias',
          id: 'PROD1',
          props: { BotId: 'BOTID1', ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: arn } } }] } },
        },
        { type: 'AWS::Logs::LogGroup', id: 'lex-text', arn: `${arn}:*`, props: { LogGroupName: 'lex-text', RetentionInDays: 30 } },
      ],
    );
    expect(statusesOf(findings)).toEqual({ 'lex-text': 'PASS' });
  });
});
