import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { failed, type Collector } from '../collector';
import { listAll, op } from './support/calls';
import { cfnShape, live } from './support/shape';
import { ALARM } from '../../../model/types/cloudwatch';

const DESCRIBE = op('cloudwatch', 'DescribeAlarms');

/** Namespaces whose alarms the checks look for. */
const WATCHED = ['AWS/Lex', 'AWS/Transcribe'];

/** Does the alarm watch a metric of a watched namespace (directly, through a metric query, or in a math/SEARCH expression)? */
function watches(a: MetricAlarm): boolean {
  const namespaces = [a.Namespace, ...(a.Metrics ?? []).map((m) => m.MetricStat?.Metric?.Namespace)];
  if (namespaces.some((n) => n !== undefined && WATCHED.includes(n))) return true;
  return (a.Metrics ?? []).some((m) => WATCHED.some((w) => m.Expression?.includes(w)));
}

/**
 * Metric alarms on Lex and Transcribe metrics in this Region, as `AWS::CloudWatch::Alarm`
 * {AlarmName, Namespace, MetricName, Dimensions, Metrics, Statistic, Period, Threshold,
 * ComparisonOperator, EvaluationPeriods, ActionsEnabled, AlarmActions, OKActions,
 * InsufficientDataActions; live-only StateValue}. Alarms on other namespaces are not emitted.
 */
export const cloudWatchAlarms: Collector = {
  name: 'cloudwatch-alarms',
  operations: [DESCRIBE],
  emits: [ALARM],
  async collect(ctx) {
    const cw = await import('@aws-sdk/client-cloudwatch');
    const client = ctx.client(cw.CloudWatchClient);
    const alarms = await listAll(
      ctx,
      DESCRIBE,
      (NextToken) => client.send(new cw.DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], NextToken })),
      (page) => ({ items: page.MetricAlarms, next: page.NextToken }),
    );
    if (failed(alarms)) {
      ctx.gap([ALARM], alarms.reason);
      return;
    }
    for (const a of alarms.filter(watches)) {
      ctx.emit(
        live(ALARM, `alarm/${a.AlarmName}`, a.AlarmArn, 'cloudwatch:DescribeAlarms', {
          AlarmName: a.AlarmName,
          AlarmDescription: a.AlarmDescription,
          Namespace: a.Namespace,
          MetricName: a.MetricName,
          Dimensions: a.Dimensions?.length ? a.Dimensions : undefined,
          Metrics: a.Metrics?.length ? cfnShape(a.Metrics) : undefined,
          Statistic: a.Statistic,
          ExtendedStatistic: a.ExtendedStatistic,
          Period: a.Period,
          Threshold: a.Threshold,
          ComparisonOperator: a.ComparisonOperator,
          EvaluationPeriods: a.EvaluationPeriods,
          DatapointsToAlarm: a.DatapointsToAlarm,
          TreatMissingData: a.TreatMissingData,
          ActionsEnabled: a.ActionsEnabled,
          AlarmActions: a.AlarmActions?.length ? a.AlarmActions : undefined,
          OKActions: a.OKActions?.length ? a.OKActions : undefined,
          InsufficientDataActions: a.InsufficientDataActions?.length ? a.InsufficientDataActions : undefined,
          StateValue: a.StateValue,
        }),
      );
    }
  },
};
