/** Amazon CloudWatch alarms. */

export const ALARM = 'AWS::CloudWatch::Alarm';
