import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { get, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { bucketNameOfUri, redactionPath } from '../shared/transcribe';
import { CALL_ANALYTICS_JOB, TRANSCRIPTION_JOB, type AnyJobProperties } from '../../lib/model/types/transcribe';
import { transcribeLabel } from '../../lib/model/relations/transcribe';

export default defineCheck({
  id: 'TR-DP-7',
  title: 'Redacted jobs do not also keep an unredacted transcript',
  severity: 'MEDIUM',
  rationale:
    'With RedactionOutput redacted_and_unredacted, Transcribe writes the original transcript (and, for Call Analytics, the original media) next to the redacted one, in the same bucket: anyone who can read the redacted output can usually read the original, which defeats the redaction.',
  remediation:
    'Use RedactionOutput: redacted unless the unredacted transcript must be retained; if it must, restrict its prefix to the few principals that need it (bucket policy, separate key) and suppress this finding with that reason.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/pii-redaction-batch.html',
  modes: ['live'],
  resourceTypes: [TRANSCRIPTION_JOB, CALL_ANALYTICS_JOB],
  evaluate(job, { graph }) {
    const props = graph.props<AnyJobProperties>(job);
    const path = redactionPath(job);
    const name = transcribeLabel(graph, job);
    const output = str(get(props, `${path}.RedactionOutput`));
    if (output instanceof Unknown) return unknown(`RedactionOutput of ${name} cannot be known: ${output.reason}`, { path: `${path}.RedactionOutput` });
    if (output === undefined) return notApplicable(`${name} does not redact`);
    if (output !== 'redacted_and_unredacted') return pass(`${name} keeps only the redacted transcript`);
    const plain = str(get(props, 'Transcript.TranscriptFileUri'));
    const redacted = str(get(props, 'Transcript.RedactedTranscriptFileUri'));
    const sameBucket = typeof plain === 'string' && typeof redacted === 'string' && bucketNameOfUri(plain) === bucketNameOfUri(redacted);
    const media = str(get(props, 'Media.RedactedMediaFileUri'));
    const extra = [sameBucket ? `in the same bucket as the redacted one (${bucketNameOfUri(plain as string)})` : '', typeof media === 'string' ? 'and the unredacted media is kept too' : '']
      .filter(Boolean)
      .join(' ');
    return fail(`${name} also writes the unredacted transcript${extra ? ` ${extra}` : ''}`, { path: `${path}.RedactionOutput` });
  },
});
