import { CfnParameter, Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { cloudWatchAlarms } from '../../../lib/sources/account/collectors/cloudwatch-alarms';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { lexAlias, lexBot, logGroup, metricAlarm, textLogs } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { addAlias, addBot } from './fixtures';

const TEXT = 'ConversationLogsTextDeliveryFailure';
const KEY = `Metric::AWS/Lex/${TEXT}`;
/** A bot whose alias writes text logs, and the alarm `build` makes. */
const withAlarm = (name: string, build: (stack: Stack) => void, status: string): CdkCase => ({
  name,
  cdk: (stack) => {
    const group = new logs.LogGroup(stack, 'Logs');
    addAlias(stack, addBot(stack), 'Alias', { conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 't/' } } }] } });
    build(stack);
  },
  statuses: { [`Alarm[${KEY}]`]: status },
});
const l2Alarm = (stack: Stack, notify: boolean) => {
  const a = new cloudwatch.Metric({ namespace: 'AWS/Lex', metricName: TEXT, period: Duration.minutes(5) }).createAlarm(stack, 'Alarm', { threshold: 1, evaluationPeriods: 1 });
  if (notify) a.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
};
const motoLogs = (alarm?: 'with-actions' | 'without-actions') => async (aws: Seed) => {
  await lexAlias(aws, await lexBot(aws), { conversationLogSettings: textLogs(await logGroup(aws, '/lex/support')) });
  if (alarm) await metricAlarm(aws, 'lex-text-delivery', 'AWS/Lex', TEXT, alarm === 'with-actions');
};
const collectors = [lexBots, cloudWatchAlarms];

export default {
  synth: {
    PASS: [
      withAlarm('an L2 alarm with an SNS action', (s) => l2Alarm(s, true), 'PASS'),
      withAlarm(
        'a metric-math alarm (L1) over the metric',
        (s) =>
          void new cloudwatch.CfnAlarm(s, 'Alarm', {
            comparisonOperator: 'GreaterThanThreshold',
            evaluationPeriods: 1,
            threshold: 0,
            alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
            metrics: [{ id: 'm1', metricStat: { metric: { namespace: 'AWS/Lex', metricName: TEXT }, period: 300, stat: 'Sum' } }],
          }),
        'PASS',
      ),
    ],
    FAIL: [
      withAlarm('an alarm without actions', (s) => l2Alarm(s, false), 'FAIL'),
      { ...withAlarm('no alarm: FAIL on the stack, for the kinds of logs that are on', () => undefined, 'FAIL'), statuses: { [`Test[${KEY}]`]: 'FAIL' }, severity: 'LOW' },
    ],
    UNKNOWN: [
      withAlarm(
        'an alarm whose metric name is a parameter',
        (s) =>
          void new cloudwatch.CfnAlarm(s, 'Alarm', {
            comparisonOperator: 'GreaterThanThreshold',
            evaluationPeriods: 1,
            threshold: 0,
            namespace: 'AWS/Lex',
            metricName: new CfnParameter(s, 'Metric').valueAsString,
            alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
          }),
        'UNKNOWN',
      ),
    ],
    NOT_APPLICABLE: [{ name: 'no conversation logs', cdk: (s) => void addAlias(s, addBot(s)), statuses: { Test: 'NOT_APPLICABLE' } }],
  },
  live: {
    PASS: [{ name: 'an alarm with actions on text-log delivery failures (DescribeAlarms)', moto: motoLogs('with-actions'), collectors, statuses: { [`alarm/lex-text-delivery[${KEY}]`]: 'PASS' } }],
    FAIL: [
      { name: 'an alarm without actions', moto: motoLogs('without-actions'), collectors, statuses: { [`alarm/lex-text-delivery[${KEY}]`]: 'FAIL' } },
      { name: 'no alarm', moto: motoLogs(), collectors, statuses: { [`123456789012/us-east-1[${KEY}]`]: 'FAIL' } },
    ],
    UNKNOWN: [{ name: 'cloudwatch:DescribeAlarms denied', moto: motoLogs('with-actions'), collectors, deny: ['cloudwatch:DescribeAlarms'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
