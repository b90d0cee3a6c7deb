import { CfnParameter, Duration, type Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as config from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import trMon1 from '../../../checks/monitoring/tr-mon-1-cloudtrail';
import trMon2 from '../../../checks/monitoring/tr-mon-2-eventbridge';
import trMon3 from '../../../checks/monitoring/tr-mon-3-alarms';
import trMon4 from '../../../checks/monitoring/tr-mon-4-config-recorder';
import type { Check } from '../../../lib/engine/check';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, byPath, jobStateMachine, live, runLive } from './fixtures';
import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';

const run = (checks: Check[], build: (stack: Stack) => void) => synthStack(build, { checks });
const vocabulary = (stack: Stack) => new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] });

describe('TR-MON-1 CloudTrail', () => {
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    [
      'a complete trail',
      (stack) => {
        vocabulary(stack);
        new cloudtrail.Trail(stack, 'Trail', { isMultiRegionTrail: true, enableFileValidation: true, encryptionKey: new kms.Key(stack, 'Key') });
      },
      { Trail: 'PASS' },
    ],
    ['no trail in the app: INFO', (stack) => void vocabulary(stack), { Test: 'FAIL' }],
    [
      'a trail excluding Transcribe management events',
      (stack) => {
        vocabulary(stack);
        const trail = new cloudtrail.CfnTrail(stack, 'Trail', { isLogging: true, s3BucketName: 'b', isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: 'k' });
        trail.eventSelectors = [{ includeManagementEvents: true, readWriteType: 'All', excludeManagementEventSources: ['transcribe.amazonaws.com'] }];
      },
      { Trail: 'FAIL' },
    ],
    [
      'logging state from a parameter',
      (stack) => {
        vocabulary(stack);
        new cloudtrail.CfnTrail(stack, 'Trail', { isLogging: new CfnParameter(stack, 'On', { type: 'String' }).valueAsString as never, s3BucketName: 'b', isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: 'k' });
      },
      { Trail: 'UNKNOWN' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trMon1], build), 'TR-MON-1')).toEqual(expected);
  });

  test('no Transcribe in the app: nothing to say', () => {
    expect(run([trMon1], () => undefined).of('TR-MON-1')).toEqual([]);
  });
});

describe('TR-MON-2 EventBridge rules for Transcribe events', () => {
  const rule = (pattern: events.EventPattern, withTarget = true, enabled = true) => (stack: Stack) => {
    vocabulary(stack);
    const r = new events.Rule(stack, 'Rule', { eventPattern: pattern, enabled });
    if (withTarget) r.addTarget(new targets.SnsTopic(new sns.Topic(stack, 'Topic')));
  };
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['failed jobs to a topic', rule({ source: ['aws.transcribe'], detail: { TranscriptionJobStatus: ['FAILED'] } }), { Rule: 'PASS' }],
    ['no target', rule({ source: ['aws.transcribe'] }, false), { Rule: 'FAIL', Test: 'FAIL' }],
    ['disabled', rule({ source: ['aws.transcribe'] }, true, false), { Rule: 'FAIL', Test: 'FAIL' }],
    ['only completed jobs', rule({ source: ['aws.transcribe'], detail: { TranscriptionJobStatus: ['COMPLETED'] } }), { Rule: 'FAIL', Test: 'FAIL' }],
    ['a rule for other events', rule({ source: ['aws.s3'] }), { Test: 'FAIL' }],
    [
      'a pattern from a parameter',
      (stack) => {
        vocabulary(stack);
        new events.CfnRule(stack, 'Rule', { eventPattern: new CfnParameter(stack, 'Pattern').valueAsString, targets: [{ id: 't', arn: 'arn:aws:sns:us-east-1:123456789012:t' }] });
      },
      { Rule: 'UNKNOWN' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trMon2], build), 'TR-MON-2')).toEqual(expected);
  });

  test('live: a rule read from the account', () => {
    const { statuses } = runLive(trMon2, [
      live(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a' }),
      live('AWS::Events::Rule', 'rule/default/tr', { Name: 'tr', State: 'ENABLED', EventPattern: { source: ['aws.transcribe'] }, Targets: [{ Id: '1', Arn: `arn:aws:sns:us-east-1:${ACCOUNT}:t` }] }, `arn:aws:events:us-east-1:${ACCOUNT}:rule/tr`),
    ]);
    expect(statuses).toEqual({ 'rule/default/tr': 'PASS' });
  });
});

describe('TR-MON-3 alarms on AWS/Transcribe', () => {
  const alarm = (metricName: string, notify = true) => (stack: Stack) => {
    jobStateMachine(stack, {});
    const a = new cloudwatch.Alarm(stack, 'Alarm', { metric: new cloudwatch.Metric({ namespace: 'AWS/Transcribe', metricName, period: Duration.minutes(5) }), threshold: 1, evaluationPeriods: 1 });
    if (notify) a.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
  };
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['an alarm that notifies', alarm('AsyncUserErrorCount'), { Alarm: 'PASS' }],
    ['an alarm without actions', alarm('AsyncUserErrorCount', false), { Alarm: 'FAIL' }],
    ['no alarm', (stack) => void jobStateMachine(stack, {}), { Test: 'FAIL' }],
    [
      'a metric name from a parameter',
      (stack) => {
        jobStateMachine(stack, {});
        new cloudwatch.CfnAlarm(stack, 'Alarm', { namespace: new CfnParameter(stack, 'Ns').valueAsString, metricName: 'm', comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1, threshold: 1 });
      },
      { Alarm: 'UNKNOWN' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trMon3], build), 'TR-MON-3')).toEqual(expected);
  });

  test('required metrics by option', () => {
    const out = synthStack(alarm('AsyncUserErrorCount'), { checks: [trMon3], config: { checks: { 'TR-MON-3': { options: { requiredMetrics: ['AsyncUserErrorCount', 'ThrottledCount'] } } } } });
    expect(out.of('TR-MON-3').map((f) => [f.findingKey, f.status])).toEqual([
      ['Metric::AWS/Transcribe/AsyncUserErrorCount', 'PASS'],
      ['Metric::AWS/Transcribe/ThrottledCount', 'FAIL'],
    ]);
  });
});

describe('TR-MON-4 AWS Config', () => {
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    [
      'a recorder of all types and a channel',
      (stack) => {
        vocabulary(stack);
        new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: true } });
        new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'config' });
      },
      { Recorder: 'PASS', Channel: 'PASS' },
    ],
    [
      'a recorder that leaves keys out',
      (stack) => {
        vocabulary(stack);
        new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Role'] } });
        new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'config' });
      },
      { Recorder: 'FAIL', Channel: 'PASS' },
    ],
    ['nothing in the app: INFO', (stack) => void vocabulary(stack), { Test: 'FAIL,FAIL' }],
    [
      'a recording group from a parameter',
      (stack) => {
        vocabulary(stack);
        new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'r', recordingGroup: { allSupported: new CfnParameter(stack, 'All').valueAsString as never } });
        new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'config' });
      },
      { Recorder: 'UNKNOWN', Channel: 'PASS' },
    ],
  ])('%s', (_what, build, expected) => {
    const out = run([trMon4], build);
    expect(byPath(out, 'TR-MON-4')).toEqual(expected);
    if (expected.Test) expect(out.of('TR-MON-4').every((f) => f.severity === 'INFO')).toBe(true);
  });

  test('live: a stopped recorder', () => {
    const { statuses } = runLive(trMon4, [
      live(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a' }),
      live('AWS::Config::ConfigurationRecorder', 'config-recorder/default', { Recording: false }, `arn:aws:config:us-east-1:${ACCOUNT}:config-recorder/default`),
    ]);
    expect(statuses).toEqual({ 'config-recorder/default': 'FAIL' });
  });
});
