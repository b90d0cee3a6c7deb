import { MEDICAL_TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { bucket, medicalJob } from '../../tester/seed';
import { liveResource, scope, type CheckTable, type Seed } from '../../tester';

const ECHO = 'moto never echoes ContentIdentificationType in medical job summaries or GetMedicalTranscriptionJob';
const medical = (phi: boolean) => async (aws: Seed) => {
  await bucket(aws, 'transcripts');
  await medicalJob(aws, 'visit-1', { phi });
};

export default {
  live: {
    PASS: [{ name: 'a medical job with PHI identification', moto: medical(true), bridged: ECHO, statuses: { 'medical-transcription-job/visit-1': 'PASS' } }],
    FAIL: [{ name: 'a medical job without PHI identification', moto: medical(false), statuses: { 'medical-transcription-job/visit-1': 'FAIL' } }],
    UNKNOWN: [
      { name: 'transcribe:ListMedicalTranscriptionJobs denied', moto: medical(true), bridged: ECHO, deny: ['transcribe:ListMedicalTranscriptionJobs'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } },
      {
        name: 'ContentIdentificationType unreadable',
        emulated: 'one member unknown while the job reads (a partial answer moto cannot give)',
        stacks: [scope([liveResource(MEDICAL_TRANSCRIPTION_JOB, 'transcription-job/m', { MedicalTranscriptionJobName: 'm', ContentIdentificationType: new Unknown('denied') })])],
        statuses: { 'transcription-job/m': 'UNKNOWN' },
      },
    ],
  },
} satisfies CheckTable;
