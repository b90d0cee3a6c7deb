import { option } from '../../lib/engine/options';
import { defineCheck } from '../../lib/engine/check';
import { alarmVerdicts } from '../shared/alarms';
import { TRANSCRIBE_TYPES, transcribeAnchor } from '../shared/transcribe';
import { ALARM } from '../../lib/model/types/cloudwatch';

const METRICS = ['AsyncUserErrorCount', 'SyncUserErrorCount', 'ThrottledCount', 'LimitExceededCount'];

export default defineCheck({
  id: 'TR-MON-3',
  title: 'CloudWatch alarms watch AWS/Transcribe metrics',
  severity: 'LOW',
  rationale:
    'AsyncUserErrorCount rises when jobs fail on S3 or KMS access, ThrottledCount and LimitExceededCount when callers hit quotas. Without an alarm, a broken bucket policy or key grant shows up only as missing transcripts.',
  remediation: `Create CloudWatch alarms on AWS/Transcribe metrics (${METRICS.join(', ')}) with an AlarmActions target such as an SNS topic.`,
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/monitoring-cloudwatch.html',
  modes: ['synth', 'live'],
  options: {
    requiredMetrics: option.strings([], `AWS/Transcribe metrics that each need an alarm (e.g. ${METRICS.join(', ')}); empty: one alarm on any AWS/Transcribe metric is enough`),
  },
  // The workload too: an account scan that could not read it cannot say the control is not needed.
  reads: [ALARM, ...TRANSCRIBE_TYPES],
  evaluateGraph({ graph, options }) {
    const anchor = transcribeAnchor(graph);
    if (!anchor) return [];
    const metrics = (options.requiredMetrics as string[] | undefined) ?? [];
    return alarmVerdicts(graph, { anchor, namespace: 'AWS/Transcribe', metrics: metrics.length > 0 ? metrics : undefined });
  },
});
