import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { MEDICAL_TRANSCRIPTION_JOB, TRANSCRIPTION_JOB, type AnyJobProperties } from '../../lib/model/types/transcribe';
import { transcribeLabel } from '../../lib/model/relations/transcribe';

export default defineCheck({
  id: 'TR-DP-1',
  title: 'Batch transcription output goes to a customer bucket, not the service-managed bucket',
  severity: 'MEDIUM',
  rationale:
    'Without OutputBucketName, Transcribe keeps the transcript in a bucket AWS controls: it cannot be encrypted with your key, is reachable through short-lived download URIs, and is deleted when the job expires (about 90 days).',
  remediation: 'Start jobs with OutputBucketName (and OutputKey) naming a bucket of yours, encrypted with a customer-managed key (OutputEncryptionKMSKeyId).',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/how-input.html',
  // Jobs are API calls with no CloudFormation type: only the account shows them (TR-DP-12 covers jobs the app starts).
  modes: ['live'],
  resourceTypes: [TRANSCRIPTION_JOB, MEDICAL_TRANSCRIPTION_JOB],
  evaluate(job, { graph }) {
    const location = str(graph.props<AnyJobProperties>(job).OutputLocationType);
    const name = transcribeLabel(graph, job);
    if (location instanceof Unknown) return unknown(`the output location of ${name} cannot be known: ${location.reason}`, { path: 'OutputLocationType' });
    if (location === undefined) return unknown(`the collector reported no OutputLocationType for ${name}`, { path: 'OutputLocationType' });
    if (location === 'CUSTOMER_BUCKET') return pass(`${name} writes its output to a customer bucket`);
    return fail(`${name} writes its output to the service-managed bucket (${location})`, { path: 'OutputLocationType' });
  },
});
