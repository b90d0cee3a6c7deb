import { unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { tags } from '../../lib/engine/read';
import { relation, type ResourceGraph } from '../../lib/model/graph';
import { APP_JOB_STARTS, transcribeLabel, START_JOB_ACTIONS, TRANSCRIBE_DATA, TRANSCRIBE_DATA_ACCESS_ROLES, jobOrigin, type BucketUse, type DataReference } from '../../lib/model/relations/transcribe';
import { IDENTITY_POLICIES, PRINCIPAL_STATEMENTS } from '../../lib/model/relations/iam';
import { coversAction, isAllow, type Statement } from '../../lib/policy/document';
import type { Resource } from '../../lib/model/resource';
import { S3_BUCKET } from '../../lib/model/types/s3';
import { CALL_ANALYTICS_CATEGORY, CALL_ANALYTICS_JOB, JOB_TYPES, LANGUAGE_MODEL, MEDICAL_VOCABULARY, VOCABULARY, VOCABULARY_FILTER, startActionOf } from '../../lib/model/types/transcribe';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { bucketLabel } from './bucket';
import { resolveKey, type KeyRef } from './kms';
import { resolveTarget } from './target';
import type { CfnTags } from '../../lib/model/types/view';

/**
 * What the Transcribe checks share: which resources make an app (or an account Region) a Transcribe
 * workload, and the buckets and keys of this run Transcribe reads and writes (gathered once per graph:
 * `lib/model/relations/transcribe.ts`).
 */

export const TRANSCRIBE_EVENT_SOURCE = 'transcribe.amazonaws.com';

/** CloudFormation types of Transcribe. */
const TRANSCRIBE_CFN_TYPES = [VOCABULARY, MEDICAL_VOCABULARY, VOCABULARY_FILTER, CALL_ANALYTICS_CATEGORY];
/** Every type that is Transcribe's own: CloudFormation types, live jobs and models. */
export const TRANSCRIBE_TYPES = [...TRANSCRIBE_CFN_TYPES, ...JOB_TYPES, LANGUAGE_MODEL];

/**
 * The resources that make this run a Transcribe workload, for app-level controls (trail, Config,
 * alarms, endpoints, opt-out): Transcribe's own resources, the state machines and custom resources that
 * start jobs and, in an app, the roles Transcribe assumes (trusted by a Transcribe principal or named as
 * a data-access role) and the principals and policies allowed to start jobs (`transcribe:Start*Job`,
 * AmazonTranscribeFullAccess). Live, IAM sits in the account-wide scope, not in the Regions where jobs
 * run, so there it is Transcribe's own resources and the jobs.
 */
export const TRANSCRIBE_WORKLOAD = relation('Transcribe workload', (graph): readonly Resource[] => {
  const out = new Set<Resource>(graph.ofType(...TRANSCRIBE_TYPES));
  for (const job of graph.memo(APP_JOB_STARTS)) out.add(jobOrigin(job).resource);
  if (graph.scope !== 'account') {
    for (const role of graph.memo(TRANSCRIBE_DATA_ACCESS_ROLES).roles.keys()) out.add(role);
    const starts = (stmt: Statement) => START_JOB_ACTIONS.some((a) => coversAction(stmt, a));
    for (const [principal, statements] of graph.memo(PRINCIPAL_STATEMENTS)) if (statements.some((s) => starts(s.statement))) out.add(principal);
    for (const p of graph.memo(IDENTITY_POLICIES)) {
      if (p.document && !(p.document instanceof Unknown) && p.document.statements.some((s) => isAllow(s) && starts(s))) out.add(p.holder);
    }
  }
  return [...out];
});

export function transcribeWorkload(graph: ResourceGraph): readonly Resource[] {
  return graph.memo(TRANSCRIBE_WORKLOAD);
}

/** Stack pseudo-resource that app-level Transcribe findings attach to, or undefined when the run has no Transcribe workload. */
export function transcribeAnchor(graph: ResourceGraph): Resource | undefined {
  const first = transcribeWorkload(graph).find((r) => graph.isEvaluated(r));
  return first && graph.stackResource(first.stack);
}

/** Tags of a Transcribe resource (`Tags`, as CloudFormation and the collectors write them). */
export function transcribeTags(graph: ResourceGraph, r: Resource): Map<string, string> | Unknown {
  return tags(graph.props<{ Tags?: CfnTags }>(r).Tags);
}

/** `my-bucket` from `s3://my-bucket/key`, `https://s3.<region>.amazonaws.com/my-bucket/key` or `https://my-bucket.s3.<region>.amazonaws.com/key`. */
export function bucketNameOfUri(uri: string): string | undefined {
  const s3 = /^s3:\/\/([^/]+)/i.exec(uri);
  if (s3) return s3[1];
  const pathStyle = /^https?:\/\/s3[.-](?:[a-z0-9-]+\.)?amazonaws\.com(?:\.cn)?\/([^/]+)/i.exec(uri);
  if (pathStyle) return pathStyle[1];
  return /^https?:\/\/(.+?)\.s3[.-](?:[a-z0-9-]+\.)?amazonaws\.com/i.exec(uri)?.[1];
}

/**
 * The bucket of this run a URI, bucket name or bucket ARN value denotes (`s3://${Bucket}/in.wav` built
 * with `Fn::Join` finds the bucket by its reference), or why it cannot be evaluated.
 */
export function bucketOf(ctx: Pick<CheckContext, 'graph'>, value: unknown): Resource | Unknown | undefined {
  if (value instanceof Choice) {
    const [a, b] = value.options.map((o) => bucketOf(ctx, o));
    return a === b ? a : new Unknown(`the bucket depends on condition ${value.condition}`);
  }
  if (typeof value === 'string') {
    const name = bucketNameOfUri(value) ?? (value.startsWith('arn:') ? value.split(':::')[1]?.split('/')[0] : value.split('/')[0]);
    return resolveTarget(ctx, name, [S3_BUCKET], 'bucket');
  }
  if (value instanceof Composite && value.references.every((r) => r.target.type !== S3_BUCKET) && value.unknowns.length === 0) {
    // A URI built around pseudo parameters only (`s3://media-${AWS::AccountId}/…`).
    return new Unknown(`bucket ${render(value)} is not a bucket of this run`);
  }
  return resolveTarget(ctx, value, [S3_BUCKET], 'bucket');
}

/** Distinct buckets of this run Transcribe uses in one way, each with the places that name it; unresolvable references apart. */
export function transcribeBuckets(ctx: Pick<CheckContext, 'graph'>, use: BucketUse): { buckets: Map<Resource, DataReference[]>; unresolved: Array<DataReference & { reason: string }> } {
  const buckets = new Map<Resource, DataReference[]>();
  const unresolved: Array<DataReference & { reason: string }> = [];
  for (const ref of ctx.graph.memo(TRANSCRIBE_DATA).buckets.filter((b) => b.use === use)) {
    const bucket = bucketOf(ctx, ref.value);
    if (bucket === undefined) continue;
    if (bucket instanceof Unknown) unresolved.push({ ...ref, reason: bucket.reason });
    else buckets.set(bucket, [...(buckets.get(bucket) ?? []), ref]);
  }
  return { buckets, unresolved };
}

/**
 * Verdicts on the evaluated buckets Transcribe uses one way: `judge` on each bucket of this run, with a
 * context for reasons ("output bucket b (used by …)"); UNKNOWN where a reference cannot be resolved.
 */
export function transcribeBucketVerdicts(ctx: Pick<CheckContext, 'graph'>, use: BucketUse, judge: (bucket: Resource, context: string) => Verdict[]): Verdict[] {
  const { graph } = ctx;
  const { buckets, unresolved } = transcribeBuckets(ctx, use);
  const findingKey = use === 'input' ? 'InputBucket' : 'OutputBucket';
  const out: Verdict[] = unresolved
    .filter((u) => graph.isEvaluated(u.from))
    .map((u) => unknown(`the ${use} bucket named by ${u.what} cannot be checked: ${u.reason}`, { resource: u.from, path: u.path, findingKey }));
  for (const [bucket, refs] of buckets) {
    if (graph.isEvaluated(bucket)) out.push(...judge(bucket, `${use} bucket ${bucketLabel(graph, bucket)} (used by ${usedBy(refs)})`));
  }
  return out;
}

/** `referenced by X, Y` for reasons, at most three places named. */
export function usedBy(refs: readonly DataReference[]): string {
  const names = [...new Set(refs.map((r) => r.what))];
  return names.length <= 3 ? names.join('; ') : `${names.slice(0, 3).join('; ')} and ${names.length - 3} more`;
}

/** A key reference that does not lead to a key of this run: an AWS-managed key, one outside the run, or one that cannot be known. */
export type OtherKey = DataReference & { key: Exclude<KeyRef, { kind: 'key' }> | Unknown };

/** Distinct KMS keys of this run Transcribe encrypts with, each with the places that name it; the other references apart. */
export function transcribeKeys(graph: ResourceGraph): { keys: Map<Resource, DataReference[]>; others: OtherKey[] } {
  const keys = new Map<Resource, DataReference[]>();
  const others: OtherKey[] = [];
  for (const ref of graph.memo(TRANSCRIBE_DATA).keys) {
    const key = resolveKey(graph, ref.value);
    if (key === undefined) continue;
    if (!(key instanceof Unknown) && key.kind === 'key') keys.set(key.key, [...(keys.get(key.key) ?? []), ref]);
    else others.push({ ...ref, key });
  }
  return { keys, others };
}

/** Where a job keeps its redaction settings: `Settings.ContentRedaction` for Call Analytics, `ContentRedaction` otherwise. */
export function redactionPath(job: Resource): 'Settings.ContentRedaction' | 'ContentRedaction' {
  return job.type === CALL_ANALYTICS_JOB ? 'Settings.ContentRedaction' : 'ContentRedaction';
}

/** Actions that only a medical (PHI) workload calls. */
const MEDICAL_ACTIONS = ['StartMedicalTranscriptionJob', 'StartMedicalScribeJob', 'StartMedicalStreamTranscription', 'StartMedicalStreamTranscriptionWebSocket', 'StartMedicalScribeStream'];

/**
 * Why this app is a medical (PHI) workload, or undefined: a medical vocabulary, a medical or HealthScribe
 * job it starts, or an identity statement naming a medical action (`transcribe:StartMedicalScribeJob`;
 * `transcribe:*` says nothing of medical use). Transcribe Medical and HealthScribe output is PHI.
 */
export const MEDICAL_WORKLOAD = relation('why the app is a medical workload', (graph): string | undefined => {
  const vocab = graph.ofType(MEDICAL_VOCABULARY).find((r) => graph.isEvaluated(r));
  if (vocab) return `${transcribeLabel(graph, vocab)} is medical`;
  for (const job of graph.memo(APP_JOB_STARTS)) {
    const action = startActionOf(job.type);
    if (action && MEDICAL_ACTIONS.includes(action) && graph.isEvaluated(job)) return `${jobOrigin(job).resource.logicalId} starts ${action} jobs`;
  }
  for (const p of graph.memo(IDENTITY_POLICIES)) {
    if (!p.document || p.document instanceof Unknown || !graph.isEvaluated(p.holder)) continue;
    for (const s of p.document.statements) {
      const named = isAllow(s) ? (s.actions ?? []).find((a) => MEDICAL_ACTIONS.some((m) => a.toLowerCase() === `transcribe:${m.toLowerCase()}`)) : undefined;
      if (named) return `${p.holder.logicalId} is allowed ${named}`;
    }
  }
  return undefined;
});
