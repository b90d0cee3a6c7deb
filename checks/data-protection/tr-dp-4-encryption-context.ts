import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { PII_LABELS, piiIn } from '../shared/pii';
import { MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, TRANSCRIPTION_JOB, type AnyJobProperties } from '../../lib/model/types/transcribe';
import { transcribeLabel } from '../../lib/model/relations/transcribe';

export default defineCheck({
  id: 'TR-DP-4',
  title: 'Jobs pass a KMS encryption context, and it holds no sensitive data',
  severity: 'LOW',
  rationale:
    'An encryption context binds each use of the key to the job it was meant for and shows in every KMS CloudTrail event, so key policies can require it and audits can trace it. The same visibility means its values are plaintext: they must not carry personal data.',
  remediation: 'Pass KMSEncryptionContext (e.g. {"team": "...", "workload": "..."}) on every Start*Job call with a key, using identifiers rather than names, emails or numbers of people.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/data-encryption.html#kms-context',
  // The context is only in the Start…Job request: CloudTrail is the one place that shows it.
  modes: ['live'],
  resourceTypes: [TRANSCRIPTION_JOB, MEDICAL_TRANSCRIPTION_JOB, MEDICAL_SCRIBE_JOB],
  evaluate(job, { graph }) {
    const props = graph.props<AnyJobProperties>(job);
    const name = transcribeLabel(graph, job);
    if (str(props.OutputLocationType) === 'SERVICE_BUCKET') return notApplicable(`${name} writes to the service-managed bucket: no key, so no context`);
    const evidence = props.KMSEncryptionContext;
    if (evidence === undefined) return unknown(`no evidence of the encryption context of ${name} was collected (only the Start*Job event in CloudTrail shows it)`, { path: 'KMSEncryptionContext' });
    if (evidence instanceof Unknown) return unknown(`the encryption context of ${name} cannot be known: ${evidence.reason}`, { path: 'KMSEncryptionContext' });
    const entries = Object.entries(evidence.Context ?? {});
    if (entries.length === 0) return fail(`${name} was started without a KMS encryption context (evidence: the Start*Job event in CloudTrail)`, { path: 'KMSEncryptionContext' });
    const verdicts: Verdict[] = [];
    for (const [k, v] of entries) {
      for (const kind of piiIn(`${k} ${v}`)) verdicts.push(fail(`encryption-context entry "${k}" of ${name} contains what looks like ${PII_LABELS[kind]}; the context is plaintext in CloudTrail`, { path: 'KMSEncryptionContext', findingKey: `Context::${k}::${kind}` }));
    }
    return verdicts.length > 0 ? verdicts : pass(`${name} passes an encryption context (${entries.map(([k]) => k).join(', ')}) with no personal data`);
  },
});
