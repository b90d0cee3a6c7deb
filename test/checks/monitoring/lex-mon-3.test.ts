import { CfnParameter, Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import check from '../../../checks/monitoring/lex-mon-3-log-delivery-alarms';
import { synthStack } from '../../helpers/synth';
import { LIVE_BOT, addAlias, addBot, live, statusesOf } from './fixtures';

const ID = 'LEX-MON-3';
const TEXT = 'ConversationLogsTextDeliveryFailure';

/** A bot whose alias writes text logs. */
function botWithTextLogs(stack: Stack) {
  const group = new logs.LogGroup(stack, 'Logs');
  addAlias(stack, addBot(stack), 'Alias', {
    conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 't/' } } }] },
  });
}

function alarm(stack: Stack, metricName: string, notify = true): cloudwatch.Alarm {
  const a = new cloudwatch.Metric({ namespace: 'AWS/Lex', metricName, period: Duration.minutes(5) }).createAlarm(stack, 'Alarm', { threshold: 1, evaluationPeriods: 1 });
  if (notify) a.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
  return a;
}

describe('LEX-MON-3 alarms on conversation-log delivery failures', () => {
  test.each<[string, string, (stack: Stack) => void]>([
    ['FAIL', 'an alarm without actions', (stack) => alarm(stack, TEXT, false)],
    ['PASS', 'an L2 alarm with an SNS action', (stack) => alarm(stack, TEXT)],
    [
      'PASS',
      'a metric-math alarm (L1) over the metric',
      (stack) =>
        new cloudwatch.CfnAlarm(stack, 'Alarm', {
          comparisonOperator: 'GreaterThanThreshold',
          evaluationPeriods: 1,
          threshold: 0,
          alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
          metrics: [{ id: 'm1', metricStat: { metric: { namespace: 'AWS/Lex', metricName: TEXT }, period: 300, stat: 'Sum' } }],
        }),
    ],
    [
      'UNKNOWN',
      'an alarm whose metric name is a parameter',
      (stack) =>
        new cloudwatch.CfnAlarm(stack, 'Alarm', {
          comparisonOperator: 'GreaterThanThreshold',
          evaluationPeriods: 1,
          threshold: 0,
          namespace: 'AWS/Lex',
          metricName: new CfnParameter(stack, 'Metric').valueAsString,
          alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
        }),
    ],
  ])('%s: %s', (expected, _what, build) => {
    const out = synthStack((stack) => {
      botWithTextLogs(stack);
      build(stack);
    });
    const alarms = out.of(ID).filter((f) => f.resource.type === 'AWS::CloudWatch::Alarm');
    expect(alarms.map((f) => f.status)).toEqual([expected]);
    expect(alarms[0].findingKey).toBe(`Metric::AWS/Lex/${TEXT}`);
  });

  test('no alarm: FAIL on the stack, for the kinds of logs that are on', () => {
    const out = synthStack(botWithTextLogs);
    expect(out.of(ID)).toMatchObject([{ status: 'FAIL', severity: 'LOW', findingKey: `Metric::AWS/Lex/${TEXT}`, resource: { logicalId: 'Test' } }]);
  });

  test('no conversation logs: not applicable', () => {
    const out = synthStack((stack) => addAlias(stack, addBot(stack)));
    expect(out.statuses(ID)).toEqual({ Test: 'NOT_APPLICABLE' });
  });

  test('live: a DescribeAlarms result with actions passes', () => {
    const bot = { ...LIVE_BOT, props: { ...LIVE_BOT.props, TestBotAliasSettings: { ConversationLogSettings: { AudioLogSettings: [{ Enabled: true }] } } } };
    const findings = live(
      [check],
      [
        bot,
        {
          type: 'AWS::CloudWatch::Alarm',
          id: 'lex-audio',
          props: { Namespace: 'AWS/Lex', MetricName: 'ConversationLogsAudioDeliveryFailure', AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'], ActionsEnabled: true },
        },
      ],
    );
    expect(statusesOf(findings)).toEqual({ 'lex-audio': 'PASS' });
  });
});
