import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Finding } from '../../../lib/model/finding';
import { cloudWatchAlarms } from '../../../lib/sources/account/collectors/cloudwatch-alarms';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { lexAlias, lexBot, metricAlarm } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { addAlias, addBot } from './fixtures';

const OPS = 'arn:aws:sns:us-east-1:123456789012:ops';
const alarm = (stack: Stack, metricName: string, alarmActions: string[] = [OPS]) =>
  new cloudwatch.CfnAlarm(stack, metricName, { comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1, threshold: 0, period: 300, statistic: 'Sum', namespace: 'AWS/Lex', metricName, alarmActions });
const hook = { lambdaCodeHook: { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:fulfil', codeHookInterfaceVersion: '1.0' } };
/** Statuses by required metric, whatever resource carries them (the alarm, or the stack when there is none). */
const byMetric = (expected: Record<string, string>) => (findings: Finding[]) =>
  expect(Object.fromEntries(findings.map((f) => [String(f.findingKey).replace('Metric::AWS/Lex/', ''), f.status]))).toEqual(expected);
const app = (name: string, build: (stack: Stack) => void, expected: Record<string, string>, options?: Record<string, unknown>): CdkCase => ({ name, cdk: build, then: byMetric(expected), options });
const motoAlarms = (metrics: string[], actions = true) => async (aws: Seed) => {
  await lexAlias(aws, await lexBot(aws));
  for (const m of metrics) await metricAlarm(aws, `lex-${m}`, 'AWS/Lex', m, actions);
  await metricAlarm(aws, 'cpu', 'AWS/EC2', 'CPUUtilization');
};
const collectors = [lexBots, cloudWatchAlarms];
// moto cannot list a bot's locales, and locales that cannot be read may use Kendra: KendraIndexAccessError is required too.
const LIVE_METRICS = ['RuntimeSystemErrors', 'RuntimeThrottledEvents', 'KendraIndexAccessError'];
const all = (status: string) => Object.fromEntries(LIVE_METRICS.map((m) => [m, status]));

export default {
  synth: {
    PASS: [
      app(
        'both always-relevant metrics alarmed',
        (stack) => {
          addAlias(stack, addBot(stack));
          alarm(stack, 'RuntimeSystemErrors');
          alarm(stack, 'RuntimeThrottledEvents');
        },
        { RuntimeSystemErrors: 'PASS', RuntimeThrottledEvents: 'PASS' },
      ),
      app(
        'a SEARCH expression over AWS/Lex counts for the metric it names',
        (stack) => {
          addAlias(stack, addBot(stack));
          new cloudwatch.CfnAlarm(stack, 'Search', {
            comparisonOperator: 'GreaterThanThreshold',
            evaluationPeriods: 1,
            threshold: 0,
            alarmActions: [OPS],
            metrics: [{ id: 'e1', expression: `MAX(SEARCH('{AWS/Lex,BotId} MetricName="RuntimeSystemErrors"', 'Sum', 300))`, returnData: true }],
          });
        },
        { RuntimeSystemErrors: 'PASS' },
        { metrics: ['RuntimeSystemErrors'] },
      ),
    ],
    FAIL: [
      app(
        'throttling not alarmed, system errors alarmed without actions',
        (stack) => {
          addAlias(stack, addBot(stack));
          alarm(stack, 'RuntimeSystemErrors', []);
        },
        { RuntimeSystemErrors: 'FAIL', RuntimeThrottledEvents: 'FAIL' },
      ),
      app(
        'code hooks make the Lambda metrics required',
        (stack) => {
          addAlias(stack, addBot(stack), 'Alias', { botAliasLocaleSettings: [{ localeId: 'en_US', botAliasLocaleSetting: { enabled: true, codeHookSpecification: hook } }] });
          alarm(stack, 'RuntimeSystemErrors');
          alarm(stack, 'RuntimeThrottledEvents');
        },
        { RuntimeSystemErrors: 'PASS', RuntimeThrottledEvents: 'PASS', RuntimeLambdaErrors: 'FAIL', RuntimeInvalidLambdaResponses: 'FAIL' },
      ),
      app(
        'Kendra intents make KendraIndexAccessError required',
        (stack) =>
          void addBot(stack, 'Bot', {
            botLocales: [{ localeId: 'en_US', nluConfidenceThreshold: 0.4, intents: [{ name: 'Search', kendraConfiguration: { kendraIndex: 'arn:aws:kendra:us-east-1:123456789012:index/i' } }] }],
          }),
        { KendraIndexAccessError: 'FAIL' },
        { metrics: ['KendraIndexAccessError'] },
      ),
    ],
    UNKNOWN: [
      app(
        'alarm actions from a parameter',
        (stack) => {
          addAlias(stack, addBot(stack));
          alarm(stack, 'RuntimeSystemErrors', new CfnParameter(stack, 'Topics', { type: 'CommaDelimitedList' }).valueAsList);
          alarm(stack, 'RuntimeThrottledEvents');
        },
        { RuntimeSystemErrors: 'UNKNOWN', RuntimeThrottledEvents: 'PASS' },
      ),
    ],
  },
  live: {
    PASS: [{ name: 'alarms with actions on the runtime metrics (only AWS/Lex alarms count)', moto: motoAlarms(LIVE_METRICS), collectors, then: byMetric(all('PASS')) }],
    FAIL: [
      { name: 'no alarm on Lex runtime metrics', moto: motoAlarms([]), collectors, then: byMetric(all('FAIL')) },
      { name: 'alarms without actions', moto: motoAlarms(LIVE_METRICS, false), collectors, then: byMetric(all('FAIL')) },
    ],
    UNKNOWN: [{ name: 'cloudwatch:DescribeAlarms denied', moto: motoAlarms(['RuntimeSystemErrors']), collectors, deny: ['cloudwatch:DescribeAlarms'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
