import { MEDICAL_TRANSCRIPTION_JOB, TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { bucket, medicalJob, transcriptionJob } from '../../tester/seed';
import { liveResource, scope, type CheckTable } from '../../tester';

export default {
  live: {
    PASS: [
      {
        name: 'a standard and a medical job writing to a customer bucket',
        moto: async (aws) => {
          await bucket(aws, 'transcripts');
          await transcriptionJob(aws, 'calls-1', { bucket: 'transcripts' });
          await medicalJob(aws, 'visit-1');
        },
        statuses: { 'transcription-job/calls-1': 'PASS', 'medical-transcription-job/visit-1': 'PASS' },
      },
    ],
    FAIL: [{ name: 'output to the service-managed bucket', moto: (aws) => transcriptionJob(aws, 'calls-1'), statuses: { 'transcription-job/calls-1': 'FAIL' } }],
    UNKNOWN: [
      { name: 'transcribe:ListTranscriptionJobs denied: the Region is UNKNOWN', moto: (aws) => transcriptionJob(aws, 'calls-1'), deny: ['transcribe:ListTranscriptionJobs'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } },
      {
        name: 'an output location the collector could not read',
        emulated: 'a summary member unknown while the job reads (a partial answer moto cannot give)',
        stacks: [
          scope([
            liveResource(TRANSCRIPTION_JOB, 'transcription-job/unread', { TranscriptionJobName: 'unread', OutputLocationType: new Unknown('ListTranscriptionJobs was denied') }),
            liveResource(MEDICAL_TRANSCRIPTION_JOB, 'medical-transcription-job/cust', { MedicalTranscriptionJobName: 'cust', OutputLocationType: 'CUSTOMER_BUCKET' }),
          ]),
        ],
        statuses: { 'transcription-job/unread': 'UNKNOWN', 'medical-transcription-job/cust': 'PASS' },
      },
    ],
  },
} satisfies CheckTable;
