import type { Cfn, CfnList } from './view';

/** Amazon CloudWatch alarms. */

export const ALARM = 'AWS::CloudWatch::Alarm';

/** A metric an alarm watches. */
export interface MetricRef {
  Namespace?: Cfn<string>;
  MetricName?: Cfn<string>;
}

/** `AWS::CloudWatch::Alarm`; live, `DescribeAlarms` in the same shape. */
export interface AlarmProps extends MetricRef {
  ActionsEnabled?: Cfn<boolean>;
  AlarmActions?: CfnList<string>;
  /** Metric math or metric stats: `Metrics[*].MetricStat.Metric`, `Metrics[*].Expression`. */
  Metrics?: CfnList<{ Expression?: Cfn<string>; MetricStat?: Cfn<{ Metric?: Cfn<MetricRef> }> }>;
}
