import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { bucket, transcriptionJob } from '../../tester/seed';
import { liveResource, scope, type CheckTable, type Seed } from '../../tester';

const ECHO = 'moto never echoes ContentRedaction in job summaries or GetTranscriptionJob';
const redacted = (output: 'redacted' | 'redacted_and_unredacted') => async (aws: Seed) => {
  await bucket(aws, 'transcripts');
  await transcriptionJob(aws, 'calls-1', { bucket: 'transcripts', redaction: output });
};

export default {
  live: {
    PASS: [{ name: 'redacted output only', moto: redacted('redacted'), bridged: ECHO, statuses: { 'transcription-job/calls-1': 'PASS' } }],
    FAIL: [
      { name: 'redacted and unredacted output', moto: redacted('redacted_and_unredacted'), bridged: ECHO, statuses: { 'transcription-job/calls-1': 'FAIL' } },
      {
        name: 'redacted and unredacted, in the same bucket',
        emulated: 'moto writes no RedactedTranscriptFileUri, so the two transcripts cannot be compared',
        stacks: [
          scope([
            liveResource(TRANSCRIPTION_JOB, 'transcription-job/a', {
              TranscriptionJobName: 'a',
              ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted_and_unredacted' },
              Transcript: { TranscriptFileUri: 'https://s3.us-east-1.amazonaws.com/out/a.json', RedactedTranscriptFileUri: 'https://s3.us-east-1.amazonaws.com/out/redacted-a.json' },
            }),
          ]),
        ],
        statuses: { 'transcription-job/a': 'FAIL' },
        reason: /same bucket/,
      },
    ],
    UNKNOWN: [
      { name: 'transcribe:ListTranscriptionJobs denied', moto: redacted('redacted'), bridged: ECHO, deny: ['transcribe:ListTranscriptionJobs'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } },
      {
        name: 'redaction settings unreadable',
        emulated: 'one member unknown while the job reads (a partial answer moto cannot give)',
        stacks: [scope([liveResource(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', ContentRedaction: new Unknown('denied') })])],
        statuses: { 'transcription-job/a': 'UNKNOWN' },
      },
    ],
    NOT_APPLICABLE: [{ name: 'no redaction', moto: (aws) => transcriptionJob(aws, 'calls-1'), statuses: { 'transcription-job/calls-1': 'NOT_APPLICABLE' } }],
  },
} satisfies CheckTable;
