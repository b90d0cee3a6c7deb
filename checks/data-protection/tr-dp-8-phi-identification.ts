import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { MEDICAL_TRANSCRIPTION_JOB, type MedicalTranscriptionJobProperties } from '../../lib/model/types/transcribe';
import { transcribeLabel } from '../../lib/model/relations/transcribe';

export default defineCheck({
  id: 'TR-DP-8',
  title: 'Medical transcription jobs identify PHI',
  severity: 'MEDIUM',
  rationale:
    'With ContentIdentificationType PHI, Transcribe Medical marks protected health information in the transcript so downstream processing can remove or protect it; without it, PHI is indistinguishable from the rest of the text.',
  remediation: 'Start medical jobs with ContentIdentificationType: PHI and have downstream processing act on the identified entities; encrypt PHI at rest and in transit as your BAA requires.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/phi-id.html',
  modes: ['live'],
  resourceTypes: [MEDICAL_TRANSCRIPTION_JOB],
  evaluate(job, { graph }) {
    const value = str(graph.props<MedicalTranscriptionJobProperties>(job).ContentIdentificationType);
    const name = transcribeLabel(graph, job);
    if (value instanceof Unknown) return unknown(`ContentIdentificationType of ${name} cannot be known: ${value.reason}`, { path: 'ContentIdentificationType' });
    if (value?.toUpperCase() === 'PHI') return pass(`${name} identifies PHI`);
    return fail(`${name} does not identify PHI (ContentIdentificationType ${value ?? 'not set'})`, { path: 'ContentIdentificationType' });
  },
});
