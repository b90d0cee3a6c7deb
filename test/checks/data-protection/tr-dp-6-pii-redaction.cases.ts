import { CALL_ANALYTICS_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { transcriptionJob } from '../../tester/seed';
import { liveResource, scope, type CheckTable, type ResourcesCase } from '../../tester';

const ECHO = 'moto never echoes ContentRedaction in job summaries or GetTranscriptionJob';
const NO_CALL_ANALYTICS = 'moto 5.2 has no Call Analytics jobs (ListCallAnalyticsJobs: HTTP 500)';
const callAnalytics = (name: string, props: Record<string, unknown>, status: string): ResourcesCase => ({
  name,
  emulated: NO_CALL_ANALYTICS,
  stacks: [scope([liveResource(CALL_ANALYTICS_JOB, 'call-analytics-job/a', { CallAnalyticsJobName: 'a', ...props })])],
  statuses: { 'call-analytics-job/a': status },
});

export default {
  live: {
    PASS: [
      { name: 'a standard job with PII redaction', moto: (aws) => transcriptionJob(aws, 'calls-1', { redaction: 'redacted' }), bridged: ECHO, statuses: { 'transcription-job/calls-1': 'PASS' }, reason: /redacts all PII entity types/ },
      callAnalytics('Call Analytics, redaction under Settings', { Settings: { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted', PiiEntityTypes: ['NAME'] } } }, 'PASS'),
    ],
    FAIL: [{ name: 'a standard job without redaction', moto: (aws) => transcriptionJob(aws, 'calls-1'), statuses: { 'transcription-job/calls-1': 'FAIL' } }],
    UNKNOWN: [
      { name: 'transcribe:ListTranscriptionJobs denied', moto: (aws) => transcriptionJob(aws, 'calls-1'), deny: ['transcribe:ListTranscriptionJobs'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } },
      callAnalytics('Call Analytics settings unreadable', { Settings: new Unknown('GetCallAnalyticsJob was denied') }, 'UNKNOWN'),
    ],
  },
} satisfies CheckTable;
