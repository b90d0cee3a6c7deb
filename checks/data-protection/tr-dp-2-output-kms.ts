import { option } from '../../lib/engine/options';
import { defineCheck, fail, pass, unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { get, str, tags } from '../../lib/engine/read';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { bucketEncryption } from '../shared/bucket';
import { isSensitive } from '../shared/classification';
import { MEDICAL_WORKLOAD, transcribeBucketVerdicts, transcribeTags } from '../shared/transcribe';
import { ENCRYPTION_LEVELS, atLeast, type EncryptionLevel } from '../../lib/model/types/encryption';
import { S3_BUCKET, type BucketProps } from '../../lib/model/types/s3';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { JOB_TYPES, MEDICAL_JOB_TYPES, type AnyJobProperties } from '../../lib/model/types/transcribe';
import { transcribeLabel } from '../../lib/model/relations/transcribe';

export default defineCheck({
  id: 'TR-DP-2',
  title: 'Transcription output is encrypted with a customer-managed KMS key',
  severity: 'MEDIUM',
  rationale:
    'Transcripts hold everything that was said. Without OutputEncryptionKMSKeyId they are encrypted with SSE-S3 only, so who can decrypt them is decided by bucket access alone, not by a key policy you control and audit.',
  remediation:
    'Pass OutputEncryptionKMSKeyId (a customer-managed key) on every Start*Job call, enforce it with the transcribe:OutputEncryptionKMSKeyId condition key (TR-IAM-3), and give output buckets aws:kms default encryption with that key.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/data-encryption.html',
  options: {
    minimumEncryption: option.oneOf(ENCRYPTION_LEVELS, 'customer-managed-kms', `Lowest acceptable encryption of transcription output, one of ${ENCRYPTION_LEVELS.join(' < ')}`),
  },
  // At synth the job's own key is not visible: the output bucket's default encryption is the indirect evidence.
  synth: {
    reads: [...JOB_TYPES, S3_BUCKET, KMS_KEY, KMS_ALIAS],
    evaluateGraph: (ctx) => synthVerdicts(ctx, ctx.options.minimumEncryption),
  },
  // Live, each job's output: its objects' encryption headers, its Start…Job request, or its bucket's default.
  live: {
    reads: [...JOB_TYPES, S3_BUCKET, KMS_KEY, KMS_ALIAS],
    evaluateGraph: (ctx) => liveVerdicts(ctx, ctx.options.minimumEncryption),
  },
});

/** HIGH for output classified sensitive (PHI/PII by default) and for medical jobs, as the catalog says. */
function escalate(verdicts: Verdict[], sensitive: boolean | Unknown, why = 'sensitive content'): Verdict[] {
  if (sensitive !== true) return verdicts;
  return verdicts.map((v) => (v.status === 'PASS' ? v : { ...v, severity: 'HIGH', reason: `${v.reason} [escalated: ${why}]` }));
}

function synthVerdicts(ctx: CheckContext, minimum: EncryptionLevel): Verdict[] {
  const { graph } = ctx;
  return transcribeBucketVerdicts(ctx, 'output', (bucket, context) => {
    const enc = bucketEncryption(graph, bucket);
    const at = { resource: bucket, path: 'BucketEncryption', findingKey: 'Encryption' };
    let v: Verdict;
    if (enc instanceof Unknown) v = unknown(`${context}: ${enc.reason}`, at);
    else if (atLeast(enc.level, minimum)) v = pass(`${context}: ${enc.detail}, level ${enc.level} (evidence: bucket default encryption)`, at);
    else v = fail(`${context}: ${enc.detail}, level ${enc.level} is below ${minimum} (evidence: bucket default encryption)`, at);
    // Transcribe Medical and HealthScribe output is PHI, whatever the bucket's tags say.
    const medical = graph.memo(MEDICAL_WORKLOAD);
    if (medical) return escalate([v], true, `PHI: ${medical}`);
    return escalate([v], isSensitive(tags(graph.props<BucketProps>(bucket).Tags), ctx.classification));
  });
}

function liveVerdicts(ctx: CheckContext, minimum: EncryptionLevel): Verdict[] {
  const { graph } = ctx;
  const out: Verdict[] = [];
  for (const job of graph.ofType(...JOB_TYPES).filter((j) => graph.isEvaluated(j))) {
    const sensitive = MEDICAL_JOB_TYPES.includes(job.type) || isSensitive(transcribeTags(graph, job), ctx.classification);
    out.push(...escalate([jobVerdict(ctx, job, minimum)], sensitive).map((v) => ({ ...v, resource: job })));
  }
  return out;
}

function jobVerdict({ graph }: CheckContext, job: Resource, minimum: EncryptionLevel): Verdict {
  const props = graph.props<AnyJobProperties>(job);
  const name = transcribeLabel(graph, job);
  const location = str(props.OutputLocationType);
  if (location === 'SERVICE_BUCKET') return fail(`${name} writes to the service-managed bucket, where no customer key can apply`, { path: 'OutputLocationType' });
  const evidence = props.OutputEncryption;
  if (evidence === undefined) return unknown(`no evidence of how the output of ${name} is encrypted was collected (Transcribe does not report the key)`, { path: 'OutputEncryption' });
  if (evidence instanceof Unknown) return unknown(`how the output of ${name} is encrypted cannot be known: ${evidence.reason}`, { path: 'OutputEncryption' });
  const level = get(evidence, 'Level');
  const source = `evidence: ${describeEvidence(evidence.Evidence)}`;
  if (level instanceof Unknown) return unknown(`the encryption level of the output of ${name} cannot be known (${source}): ${level.reason}`, { path: 'OutputEncryption.Level' });
  if (typeof level !== 'string' || !ENCRYPTION_LEVELS.includes(level as EncryptionLevel)) return unknown(`the collector reported an unknown encryption level ${String(level)} for ${name}`, { path: 'OutputEncryption.Level' });
  const key = evidence.KeyId ? ` with key ${evidence.KeyId}` : '';
  if (atLeast(level as EncryptionLevel, minimum)) return pass(`the output of ${name} is encrypted at level ${level}${key} (${source})`);
  return fail(`the output of ${name} is encrypted at level ${level}${key}, below ${minimum} (${source})`, { path: 'OutputEncryption' });
}

function describeEvidence(evidence: string): string {
  if (evidence === 'object-headers') return 'S3 encryption headers of the transcript';
  if (evidence === 'cloudtrail') return 'the Start*Job request in CloudTrail';
  if (evidence === 'bucket-default') return 'default encryption of the output bucket; a key given to the job would override it';
  return evidence;
}
