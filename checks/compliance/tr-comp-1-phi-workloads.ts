import { option } from '../../lib/engine/options';
import { defineCheck, fail, pass, unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { get, str, tags } from '../../lib/engine/read';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { tagValue } from '../shared/classification';
import { isCustomerManaged, resolveKey } from '../shared/kms';
import { transcribeTags } from '../shared/transcribe';
import { APP_JOB_TYPES, CALL_ANALYTICS_JOB, JOB_TYPES, MEDICAL_JOB_TYPES, MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, MEDICAL_VOCABULARY, jobStartKey, jobStartLabel, startActionOf, type AppJobStartProps, type OutputEncryption, type AnyJobProperties } from '../../lib/model/types/transcribe';
import { jobOrigin, transcribeLabel } from '../../lib/model/relations/transcribe';

const MEDICAL_ACTIONS = ['StartMedicalTranscriptionJob', 'StartMedicalScribeJob'];

export default defineCheck({
  id: 'TR-COMP-1',
  title: 'PHI workloads combine a customer bucket, a customer-managed key and PHI identification',
  severity: 'MEDIUM',
  rationale:
    'Transcribe Medical and HealthScribe are HIPAA eligible, but a BAA makes you responsible for PHI at rest: output in your own bucket, under your own key, with PHI identified so downstream systems can protect it. PII redaction of standard jobs is best-effort and is not HIPAA de-identification.',
  remediation:
    'For medical, HealthScribe and PHI-classified jobs: set OutputBucketName (OutputLocation), OutputEncryptionKMSKeyId with a customer-managed key and, for medical transcription, ContentIdentificationType: PHI; transcribe PHI with Transcribe Medical rather than relying on redaction; tag medical vocabularies with the classification key.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/transcribe-compliance.html',
  options: {
    phiClassifications: option.strings(['phi'], 'Classification values that mark a job as a PHI workload'),
  },
  synth: {
    // Medical vocabularies, and the jobs the app starts (findings on the state machine or custom resource that starts each).
    resourceTypes: [MEDICAL_VOCABULARY, ...APP_JOB_TYPES],
    reads: [...JOB_TYPES, MEDICAL_VOCABULARY, 'AWS::KMS::Key'],
    evaluate: (r, ctx) => (r.type === MEDICAL_VOCABULARY ? classified(ctx, r) : appJobVerdicts(ctx, r)),
  },
  live: {
    reads: [...JOB_TYPES, MEDICAL_VOCABULARY, 'AWS::KMS::Key'],
    evaluateGraph: (ctx) => [...vocabularyVerdicts(ctx), ...ctx.graph.ofType(...JOB_TYPES).filter((j) => ctx.graph.isEvaluated(j)).flatMap((job) => liveJobVerdicts(ctx, job))],
  },
});

/** Medical vocabularies, in either mode: each must declare its workload's classification. */
function vocabularyVerdicts(ctx: CheckContext): Verdict[] {
  return ctx.graph
    .ofType(MEDICAL_VOCABULARY)
    .filter((v) => ctx.graph.isEvaluated(v))
    .map((vocab) => ({ ...classified(ctx, vocab), resource: vocab }));
}

function phiTagged(ctx: CheckContext, list: Map<string, string> | Unknown): boolean | Unknown {
  const value = tagValue(list, ctx.classification.tagKey);
  if (value instanceof Unknown) return value;
  const phi = ctx.options.phiClassifications as readonly string[];
  return value !== undefined && phi.some((p) => p.toLowerCase() === value.toLowerCase());
}

/** A medical vocabulary marks a medical workload: it must say what data it serves. */
function classified(ctx: CheckContext, vocab: Resource): Verdict {
  const key = ctx.classification.tagKey;
  const value = tagValue(transcribeTags(ctx.graph, vocab), key);
  if (value instanceof Unknown) return unknown(`the tags of ${transcribeLabel(ctx.graph, vocab)} cannot be known: ${value.reason}`, { path: 'Tags', findingKey: 'Classification' });
  if (value === undefined) return fail(`${transcribeLabel(ctx.graph, vocab)} has no "${key}" tag, so its PHI workload is not declared`, { path: 'Tags', findingKey: 'Classification' });
  return pass(`${transcribeLabel(ctx.graph, vocab)} is classified ${value}`, { findingKey: 'Classification' });
}

/** One part of the composite requirement: met, not met (why), or not knowable. */
type Part = { name: 'CustomerBucket' | 'CustomerKey' | 'PhiIdentification'; ok: boolean | Unknown; detail: string };

function combine(parts: Part[], who: string, base: Partial<Verdict>): Verdict[] {
  const verdicts = parts
    .filter((p) => p.ok !== true)
    .map((p) => {
      const extra = { ...base, findingKey: `${base.findingKey ? `${base.findingKey}::` : ''}${p.name}` };
      return p.ok instanceof Unknown ? unknown(`${who}: ${p.detail}: ${p.ok.reason}`, extra) : fail(`${who}: ${p.detail}`, extra);
    });
  return verdicts.length > 0 ? verdicts : [pass(`${who} writes to a customer bucket with a customer-managed key and identifies PHI`, base)];
}

function appJobVerdicts(ctx: CheckContext, job: Resource): Verdict[] {
  const props = ctx.graph.props<AppJobStartProps>(job);
  const parameters = props.Parameters;
  const action = startActionOf(job.type)!;
  const medical = MEDICAL_ACTIONS.includes(action);
  const tagged = parameters instanceof Unknown ? parameters : phiTagged(ctx, tags(get(parameters, 'Tags')));
  const who = `${action} in ${jobStartLabel(props)} of ${jobOrigin(job).resource.logicalId}`;
  const base = { findingKey: jobStartKey(props) };
  if (!medical && tagged instanceof Unknown) return [unknown(`whether ${who} handles PHI cannot be known: ${tagged.reason}`, base)];
  if (!medical && !tagged) return [];
  const output = get(parameters, action === 'StartCallAnalyticsJob' ? 'OutputLocation' : 'OutputBucketName');
  const keyValue = get(parameters, 'OutputEncryptionKMSKeyId');
  const key = keyValue instanceof Unknown ? keyValue : resolveKey(ctx.graph, keyValue);
  const customer = key === undefined ? false : key instanceof Unknown ? key : isCustomerManaged(ctx.graph, key);
  const parts: Part[] = [
    { name: 'CustomerBucket', ok: output instanceof Unknown ? output : output !== undefined, detail: 'the output goes to the service-managed bucket' },
    { name: 'CustomerKey', ok: customer, detail: 'the output is not encrypted with a customer-managed key' },
  ];
  if (action === 'StartMedicalTranscriptionJob') {
    const id = str(get(parameters, 'ContentIdentificationType'));
    parts.push({ name: 'PhiIdentification', ok: id instanceof Unknown ? id : id === 'PHI', detail: 'PHI identification is off (ContentIdentificationType: PHI)' });
  } else if (!medical) {
    parts.push({ name: 'PhiIdentification', ok: false, detail: 'a PHI-classified job runs on standard Transcribe, which cannot identify PHI; PII redaction is not HIPAA de-identification (use Transcribe Medical)' });
  }
  return combine(parts, who, base);
}

function liveJobVerdicts(ctx: CheckContext, job: Resource): Verdict[] {
  const { graph } = ctx;
  const medical = MEDICAL_JOB_TYPES.includes(job.type);
  const tagged = phiTagged(ctx, transcribeTags(graph, job));
  const who = transcribeLabel(graph, job);
  if (!medical && tagged instanceof Unknown) return [unknown(`whether ${who} handles PHI cannot be known: ${tagged.reason}`, { resource: job, path: 'Tags' })];
  if (!medical && !tagged) return [];
  const props = graph.props<AnyJobProperties>(job);
  const customerBucket = writesToCustomerBucket(job, str(props.OutputLocationType));
  const evidence = props.OutputEncryption;
  const level = evidence === undefined ? new Unknown('no output-encryption evidence was collected') : evidence instanceof Unknown ? evidence : get(evidence, 'Level');
  const parts: Part[] = [
    { name: 'CustomerBucket', ok: customerBucket, detail: 'the output goes to the service-managed bucket' },
    {
      name: 'CustomerKey',
      ok: customerBucket === false ? false : level instanceof Unknown ? level : level === 'customer-managed-kms',
      detail: `the output is not encrypted with a customer-managed key${typeof level === 'string' ? ` (level ${level}, evidence: ${(evidence as OutputEncryption).Evidence})` : ''}`,
    },
  ];
  if (job.type === MEDICAL_TRANSCRIPTION_JOB) {
    const id = str(props.ContentIdentificationType);
    parts.push({ name: 'PhiIdentification', ok: id instanceof Unknown ? id : id === 'PHI', detail: 'PHI identification is off (ContentIdentificationType: PHI)' });
  } else if (!medical) {
    parts.push({ name: 'PhiIdentification', ok: false, detail: 'a PHI-classified job runs on standard Transcribe, which cannot identify PHI; PII redaction is not HIPAA de-identification (use Transcribe Medical)' });
  }
  return combine(parts, who, { resource: job });
}

function writesToCustomerBucket(job: Resource, location: string | undefined | Unknown): boolean | Unknown {
  // HealthScribe requires OutputBucketName.
  if (job.type === MEDICAL_SCRIBE_JOB) return true;
  if (location === undefined) return new Unknown(`no OutputLocationType was collected${job.type === CALL_ANALYTICS_JOB ? ' (Call Analytics jobs do not report it)' : ''}`);
  return location instanceof Unknown ? location : location === 'CUSTOMER_BUCKET';
}
