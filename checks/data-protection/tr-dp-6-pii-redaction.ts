import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { get, items, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { redactionPath } from '../shared/transcribe';
import { CALL_ANALYTICS_JOB, TRANSCRIPTION_JOB, type AnyJobProperties } from '../../lib/model/types/transcribe';
import { transcribeLabel } from '../../lib/model/relations/transcribe';

export default defineCheck({
  id: 'TR-DP-6',
  title: 'PII redaction is on for transcription and Call Analytics jobs',
  severity: 'MEDIUM',
  rationale:
    'Customer conversations carry names, addresses, card and account numbers. Without ContentRedaction they land verbatim in the transcript and everywhere it is copied. Redaction is best-effort machine learning and is not HIPAA de-identification.',
  remediation:
    'Start jobs with ContentRedaction {RedactionType: PII, RedactionOutput: redacted} (Call Analytics: under Settings), choosing PiiEntityTypes or leaving them to ALL; suppress this finding for jobs that carry no personal data.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/pii-redaction.html',
  // Redaction is a job setting: only jobs in the account show it (TR-DP-12 covers jobs the app starts).
  modes: ['live'],
  resourceTypes: [TRANSCRIPTION_JOB, CALL_ANALYTICS_JOB],
  evaluate(job, { graph }) {
    const path = redactionPath(job);
    const redaction = get(graph.props<AnyJobProperties>(job), path);
    const name = transcribeLabel(graph, job);
    if (redaction instanceof Unknown) return unknown(`the redaction settings of ${name} cannot be known: ${redaction.reason}`, { path });
    const type = str(get(redaction, 'RedactionType'));
    if (type instanceof Unknown) return unknown(`RedactionType of ${name} cannot be known: ${type.reason}`, { path: `${path}.RedactionType` });
    if (type === undefined) return fail(`${name} does not redact personal data (no ${path})`, { path });
    if (type.toUpperCase() !== 'PII') return fail(`${name} has RedactionType ${type}, not PII`, { path: `${path}.RedactionType` });
    const entities = items(get(redaction, 'PiiEntityTypes'));
    const which = entities instanceof Unknown || entities.length === 0 ? 'all PII entity types' : entities.map(String).join(', ');
    return pass(`${name} redacts ${which}`);
  },
});
