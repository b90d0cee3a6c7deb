import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { synthStack } from '../../helpers/synth';
import { addAlias, addBot } from './fixtures';

const ID = 'LEX-MON-4';
const OPS = 'arn:aws:sns:us-east-1:123456789012:ops';

function alarm(stack: Stack, metricName: string, alarmActions: string[] = [OPS]) {
  return new cloudwatch.CfnAlarm(stack, metricName, {
    comparisonOperator: 'GreaterThanThreshold',
    evaluationPeriods: 1,
    threshold: 0,
    period: 300,
    statistic: 'Sum',
    namespace: 'AWS/Lex',
    metricName,
    alarmActions,
  });
}

const hook = { lambdaCodeHook: { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:fulfil', codeHookInterfaceVersion: '1.0' } };

/** Statuses by finding key (one per required metric). */
function byMetric(build: (stack: Stack) => void, options?: Record<string, unknown>): Record<string, string> {
  const config = options ? { checks: { [ID]: { options } } } : undefined;
  const out = synthStack(build, { config });
  return Object.fromEntries(out.of(ID).map((f) => [String(f.findingKey).replace('Metric::AWS/Lex/', ''), f.status]));
}

describe('LEX-MON-4 alarms on runtime errors', () => {
  test.each<[string, string, (stack: Stack) => void, Record<string, string>]>([
    [
      'PASS',
      'both always-relevant metrics alarmed',
      (stack) => {
        addAlias(stack, addBot(stack));
        alarm(stack, 'RuntimeSystemErrors');
        alarm(stack, 'RuntimeThrottledEvents');
      },
      { RuntimeSystemErrors: 'PASS', RuntimeThrottledEvents: 'PASS' },
    ],
    [
      'FAIL',
      'throttling not alarmed, system errors alarmed without actions',
      (stack) => {
        addAlias(stack, addBot(stack));
        alarm(stack, 'RuntimeSystemErrors', []);
      },
      { RuntimeSystemErrors: 'FAIL', RuntimeThrottledEvents: 'FAIL' },
    ],
    [
      'FAIL',
      'code hooks make the Lambda metrics required',
      (stack) => {
        addAlias(stack, addBot(stack), 'Alias', { botAliasLocaleSettings: [{ localeId: 'en_US', botAliasLocaleSetting: { enabled: true, codeHookSpecification: hook } }] });
        alarm(stack, 'RuntimeSystemErrors');
        alarm(stack, 'RuntimeThrottledEvents');
      },
      { RuntimeSystemErrors: 'PASS', RuntimeThrottledEvents: 'PASS', RuntimeLambdaErrors: 'FAIL', RuntimeInvalidLambdaResponses: 'FAIL' },
    ],
    [
      'UNKNOWN',
      'alarm actions from a parameter',
      (stack) => {
        addAlias(stack, addBot(stack));
        alarm(stack, 'RuntimeSystemErrors', new CfnParameter(stack, 'Topics', { type: 'CommaDelimitedList' }).valueAsList);
        alarm(stack, 'RuntimeThrottledEvents');
      },
      { RuntimeSystemErrors: 'UNKNOWN', RuntimeThrottledEvents: 'PASS' },
    ],
  ])('%s: %s', (_overall, _what, build, expected) => {
    expect(byMetric(build)).toEqual(expected);
  });

  test('a SEARCH expression over AWS/Lex counts for the metric it names', () => {
    const statuses = byMetric(
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
      { metrics: ['RuntimeSystemErrors'] },
    );
    expect(statuses).toEqual({ RuntimeSystemErrors: 'PASS' });
  });

  test('Kendra intents make KendraIndexAccessError required', () => {
    const statuses = byMetric(
      (stack) =>
        addBot(stack, 'Bot', {
          botLocales: [
            {
              localeId: 'en_US',
              nluConfidenceThreshold: 0.4,
              intents: [{ name: 'Search', kendraConfiguration: { kendraIndex: 'arn:aws:kendra:us-east-1:123456789012:index/i' } }],
            },
          ],
        }),
      { metrics: ['KendraIndexAccessError'] },
    );
    expect(statuses).toEqual({ KendraIndexAccessError: 'FAIL' });
  });
});
