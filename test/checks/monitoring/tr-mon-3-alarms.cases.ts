import { CfnParameter, Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { cloudWatchAlarms } from '../../../lib/sources/account/collectors/cloudwatch-alarms';
import { transcribeArtifacts } from '../../../lib/sources/account/collectors/transcribe/artifacts';
import { metricAlarm, vocabulary } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const KEY = 'Metric::AWS/Transcribe/*';
const alarm = (name: string, notify: boolean, statuses: Record<string, string>, options?: Record<string, unknown>): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    jobStateMachine(stack, {});
    const a = new cloudwatch.Alarm(stack, 'Alarm', { metric: new cloudwatch.Metric({ namespace: 'AWS/Transcribe', metricName: 'AsyncUserErrorCount', period: Duration.minutes(5) }), threshold: 1, evaluationPeriods: 1 });
    if (notify) a.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
  },
  statuses,
  options,
});
const motoAlarm = (actions?: boolean) => async (aws: Seed) => {
  await vocabulary(aws, 'products');
  if (actions !== undefined) await metricAlarm(aws, 'transcribe-errors', 'AWS/Transcribe', 'AsyncUserErrorCount', actions);
};
const collectors = [transcribeArtifacts, cloudWatchAlarms];

export default {
  synth: {
    PASS: [alarm('an alarm that notifies', true, { [`Alarm[${KEY}]`]: 'PASS' })],
    FAIL: [
      alarm('an alarm without actions', false, { [`Alarm[${KEY}]`]: 'FAIL' }),
      { name: 'no alarm', cdk: (stack) => void jobStateMachine(stack, {}), statuses: { [`Test[${KEY}]`]: 'FAIL' } },
      alarm('required metrics by option', true, { 'Alarm[Metric::AWS/Transcribe/AsyncUserErrorCount]': 'PASS', 'Test[Metric::AWS/Transcribe/ThrottledCount]': 'FAIL' }, { requiredMetrics: ['AsyncUserErrorCount', 'ThrottledCount'] }),
    ],
    UNKNOWN: [
      {
        name: 'a metric name from a parameter',
        cdk: (stack) => {
          jobStateMachine(stack, {});
          new cloudwatch.CfnAlarm(stack, 'Alarm', { namespace: new CfnParameter(stack, 'Ns').valueAsString, metricName: 'm', comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1, threshold: 1 });
        },
        statuses: { [`Alarm[${KEY}]`]: 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [{ name: 'an alarm with actions on AsyncUserErrorCount', moto: motoAlarm(true), collectors, statuses: { [`alarm/transcribe-errors[${KEY}]`]: 'PASS' } }],
    FAIL: [
      { name: 'an alarm without actions', moto: motoAlarm(false), collectors, statuses: { [`alarm/transcribe-errors[${KEY}]`]: 'FAIL' } },
      { name: 'no alarm', moto: motoAlarm(), collectors, statuses: { [`123456789012/us-east-1[${KEY}]`]: 'FAIL' } },
    ],
    UNKNOWN: [{ name: 'cloudwatch:DescribeAlarms denied', moto: motoAlarm(true), collectors, deny: ['cloudwatch:DescribeAlarms'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
