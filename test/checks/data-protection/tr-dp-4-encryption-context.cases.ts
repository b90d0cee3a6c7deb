import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { bucket, kmsKey, transcriptionJob } from '../../tester/seed';
import { liveResource, scope, type CheckTable, type ResourcesCase } from '../../tester';

const NO_TRAIL = 'moto 5.2 has no cloudtrail:LookupEvents (HTTP 500): the Start…Job request, the only record of the context, is never found';
const withContext = (name: string, context: unknown, status: string): ResourcesCase => ({
  name,
  emulated: NO_TRAIL,
  stacks: [scope([liveResource(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', OutputLocationType: 'CUSTOMER_BUCKET', KMSEncryptionContext: context })])],
  statuses: { 'transcription-job/a': status },
});

export default {
  live: {
    PASS: [withContext('a context of identifiers', { Context: { team: 'claims', workload: 'intake' }, Evidence: 'cloudtrail' }, 'PASS')],
    FAIL: [
      withContext('no context', { Context: {}, Evidence: 'cloudtrail' }, 'FAIL'),
      { ...withContext('an email in the context', { Context: { requester: 'jane@example.com' }, Evidence: 'cloudtrail' }, 'FAIL'), statuses: undefined, findingKey: 'Context::requester::email' },
    ],
    UNKNOWN: [
      {
        name: 'a customer-bucket job whose Start…Job event cannot be looked up',
        moto: async (aws) => {
          await bucket(aws, 'transcripts');
          await transcriptionJob(aws, 'calls-1', { bucket: 'transcripts', kmsKey: await kmsKey(aws) });
        },
        statuses: { 'transcription-job/calls-1': 'UNKNOWN' },
        reason: /cloudtrail:LookupEvents/,
      },
      withContext('no CloudTrail event in the window', new Unknown('no Start…Job event within 90 days'), 'UNKNOWN'),
    ],
    NOT_APPLICABLE: [{ name: 'a service-bucket job has no key, so no context', moto: (aws) => transcriptionJob(aws, 'calls-1'), statuses: { 'transcription-job/calls-1': 'NOT_APPLICABLE' } }],
  },
} satisfies CheckTable;
