import { unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { get, str, tags } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { coversAction, isAllow, type PolicyDocument } from '../../lib/policy/document';
import { identityPolicies } from '../../lib/policy/identity';
import { bucketLabel } from './bucket';
import { resolveKey, type KeyRef } from './kms';
import { resolveTarget } from './target';
import { appStartedJobs, param } from './transcribe-jobs';
import { rolesTrustedBy } from './trust';
import { S3_BUCKET } from '../../lib/model/types/s3';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { CALL_ANALYTICS_CATEGORY, CALL_ANALYTICS_JOB, JOB_TYPES, LANGUAGE_MODEL, MEDICAL_VOCABULARY, NAME_PROPERTY, ROLE_PATHS, VOCABULARY, VOCABULARY_FILTER } from '../../lib/model/types/transcribe';

/**
 * What the Transcribe checks share: the service principals, which resources make an app (or an
 * account Region) a Transcribe workload, and the buckets, keys and data-access roles Transcribe reads
 * and writes, gathered once per graph from every place that names them.
 */

export const TRANSCRIBE_PRINCIPALS = ['transcribe.amazonaws.com', 'transcribe.streaming.amazonaws.com'];
export const TRANSCRIBE_EVENT_SOURCE = 'transcribe.amazonaws.com';

/** CloudFormation types of Transcribe. */
const TRANSCRIBE_CFN_TYPES = [VOCABULARY, MEDICAL_VOCABULARY, VOCABULARY_FILTER, CALL_ANALYTICS_CATEGORY];
/** Every type that is Transcribe's own: CloudFormation types, live jobs and models. */
export const TRANSCRIBE_TYPES = [...TRANSCRIBE_CFN_TYPES, ...JOB_TYPES, LANGUAGE_MODEL];

/**
 * The types whose resources make this run a Transcribe workload, for app-level controls (trail,
 * Config, alarms, endpoints): Transcribe's own types and, when the app starts jobs from a state
 * machine or custom resource, those resources' types. Data-access roles alone do not count: live they
 * sit in the account-wide scope, not in the Regions where jobs run.
 */
export function transcribeWorkloadTypes(graph: ResourceGraph): string[] {
  const types = new Set(TRANSCRIBE_TYPES);
  for (const job of appStartedJobs(graph).jobs) types.add(job.resource.type);
  return [...types];
}

/** Stack pseudo-resource that app-level Transcribe findings attach to, or undefined when the run has no Transcribe workload. */
export function transcribeAnchor(graph: ResourceGraph): Resource | undefined {
  const own = graph.anchor(...TRANSCRIBE_TYPES);
  if (own) return own;
  const starter = appStartedJobs(graph).jobs.find((j) => graph.isEvaluated(j.resource))?.resource;
  return starter && graph.stackResource(starter.stack);
}

/** How reasons name a Transcribe resource: `vocabulary medical-terms`, `transcription job call-42`. */
export function transcribeLabel(graph: ResourceGraph, r: Resource): string {
  const kind = r.type.split('::').pop()!.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const name = NAME_PROPERTY[r.type] ? str(graph.props(r)[NAME_PROPERTY[r.type]]) : undefined;
  return `${kind} ${typeof name === 'string' ? name : r.logicalId}`;
}

/** Tags of a Transcribe resource (`Tags`, as CloudFormation and the collectors write them). */
export function transcribeTags(graph: ResourceGraph, r: Resource): Map<string, string> | Unknown {
  return tags(graph.props(r).Tags);
}

/** A data-access role and what uses it (for reasons: `vocabulary Terms`, `state "Transcribe" of Flow`). */
export interface DataAccessRoles {
  roles: Map<Resource, string[]>;
  /** Role references that cannot be resolved to a role of the run. */
  unresolved: Array<{ from: Resource; path: string; reason: string }>;
}

const roleCache = new WeakMap<ResourceGraph, DataAccessRoles>();

/**
 * Roles Transcribe assumes to reach data: trusted by a Transcribe principal, or named as
 * `DataAccessRoleArn` by a vocabulary, a filter, a live job or model, or a job the app starts.
 */
export function dataAccessRoles(graph: ResourceGraph): DataAccessRoles {
  let hit = roleCache.get(graph);
  if (hit) return hit;
  const found: DataAccessRoles = { roles: new Map(), unresolved: [] };
  hit = found;
  const add = (role: Resource, user: string) => found.roles.set(role, [...new Set([...(found.roles.get(role) ?? []), user])]);
  for (const { role, statements } of rolesTrustedBy(graph, TRANSCRIBE_PRINCIPALS)) {
    if (!(statements instanceof Unknown)) add(role, 'Transcribe (trust policy)');
  }
  const follow = (from: Resource, path: string, value: unknown, user: string) => {
    if (value === undefined) return;
    const t = graph.target(value, 'AWS::IAM::Role');
    if (t instanceof Unknown) found.unresolved.push({ from, path, reason: t.reason });
    else if (t && 'resource' in t && t.resource.type === 'AWS::IAM::Role') add(t.resource, user);
    else if (t) found.unresolved.push({ from, path, reason: `role ${render(value)} is not in this run` });
  };
  for (const [type, path] of Object.entries(ROLE_PATHS)) {
    for (const r of graph.ofType(type)) follow(r, path, get(graph.props(r), path), transcribeLabel(graph, r));
  }
  for (const job of appStartedJobs(graph).jobs) {
    for (const path of ['JobExecutionSettings.DataAccessRoleArn', 'DataAccessRoleArn']) {
      const v = param(job, path);
      if (v !== undefined && !(job.parameters instanceof Unknown)) follow(job.resource, job.path, v, `${job.label} of ${job.resource.logicalId}`);
    }
  }
  roleCache.set(graph, found);
  return found;
}

/** What Transcribe does with a bucket: reads media or source files from it, or writes output to it. */
export type BucketUse = 'input' | 'output';

/** One place that names a bucket Transcribe uses, or a key it encrypts output with. */
export interface DataReference {
  /** The resource that names it (a vocabulary, a job, a state machine, a role, a policy…). */
  from: Resource;
  path: string;
  value: unknown;
  /** For reasons: `VocabularyFileUri of vocabulary Terms`. */
  what: string;
}

export interface TranscribeData {
  buckets: Array<DataReference & { use: BucketUse }>;
  keys: DataReference[];
}

const dataCache = new WeakMap<ResourceGraph, TranscribeData>();

/** Source-file and media URIs of Transcribe's own resources (CloudFormation and live). */
const URI_PATHS: Array<{ type: string; path: string; use: BucketUse }> = [
  { type: VOCABULARY, path: 'VocabularyFileUri', use: 'input' },
  { type: MEDICAL_VOCABULARY, path: 'VocabularyFileUri', use: 'input' },
  { type: VOCABULARY_FILTER, path: 'VocabularyFilterFileUri', use: 'input' },
  { type: LANGUAGE_MODEL, path: 'InputDataConfig.S3Uri', use: 'input' },
  { type: LANGUAGE_MODEL, path: 'InputDataConfig.TuningDataS3Uri', use: 'input' },
  ...JOB_TYPES.map((type) => ({ type, path: 'Media.MediaFileUri', use: 'input' as const })),
  ...JOB_TYPES.flatMap((type) => ['Transcript.TranscriptFileUri', 'Transcript.RedactedTranscriptFileUri', 'MedicalScribeOutput.TranscriptFileUri'].map((path) => ({ type, path, use: 'output' as const }))),
];

/** Request parameters of app-started jobs that name buckets and keys. */
const JOB_PARAMS: Array<{ path: string; use: BucketUse | 'key' }> = [
  { path: 'Media.MediaFileUri', use: 'input' },
  { path: 'OutputBucketName', use: 'output' },
  { path: 'OutputLocation', use: 'output' },
  { path: 'OutputEncryptionKMSKeyId', use: 'key' },
];

/**
 * Buckets and keys Transcribe uses, from every place that names them: Transcribe resources' file URIs,
 * live jobs' media and transcript URIs and output-encryption evidence, the parameters of jobs the app
 * starts, `transcribe:Output*` condition values of identity policies, and the S3 and KMS resources
 * data-access roles are granted. Computed once per graph.
 */
function transcribeData(graph: ResourceGraph): TranscribeData {
  let hit = dataCache.get(graph);
  if (hit) return hit;
  const data: TranscribeData = { buckets: [], keys: [] };
  for (const { type, path, use } of URI_PATHS) {
    for (const r of graph.ofType(type)) {
      const value = get(graph.props(r), path);
      if (value === undefined) continue;
      // Service-bucket outputs are AWS's, not a bucket of the account.
      if (use === 'output' && str(graph.props(r).OutputLocationType) === 'SERVICE_BUCKET') continue;
      data.buckets.push({ from: r, path, value, use, what: `${path} of ${transcribeLabel(graph, r)}` });
    }
  }
  for (const r of graph.ofType(...JOB_TYPES)) {
    const keyId = get(graph.props(r), 'OutputEncryption.KeyId');
    if (keyId !== undefined) data.keys.push({ from: r, path: 'OutputEncryption.KeyId', value: keyId, what: `output key of ${transcribeLabel(graph, r)}` });
  }
  for (const job of appStartedJobs(graph).jobs) {
    if (job.parameters instanceof Unknown) continue;
    for (const { path, use } of JOB_PARAMS) {
      const value = param(job, path);
      if (value === undefined) continue;
      const ref = { from: job.resource, path: job.path, value, what: `${path} of ${job.label} in ${job.resource.logicalId}` };
      if (use === 'key') data.keys.push(ref);
      else data.buckets.push({ ...ref, use });
    }
  }
  policyData(graph, data);
  hit = data;
  dataCache.set(graph, hit);
  return hit;
}

const START_JOB_ACTIONS = ['StartTranscriptionJob', 'StartMedicalTranscriptionJob', 'StartCallAnalyticsJob', 'StartMedicalScribeJob'].map((a) => `transcribe:${a}`);

function policyData(graph: ResourceGraph, data: TranscribeData): void {
  const roles = dataAccessRoles(graph).roles;
  const seen = new Set<string>();
  const consider = (holder: Resource, path: string, doc: PolicyDocument | Unknown | undefined, role?: Resource) => {
    if (!doc || doc instanceof Unknown) return;
    for (const stmt of doc.statements) {
      if (!isAllow(stmt)) continue;
      const at = `${path}.Statement.${stmt.index}`;
      if (START_JOB_ACTIONS.some((a) => coversAction(stmt, a))) {
        for (const key of ['transcribe:OutputBucketName', 'transcribe:OutputLocation']) {
          for (const { operator, values } of stmt.conditions.get(key)) {
            if (/not|ifexists$/i.test(operator)) continue;
            for (const value of values) data.buckets.push({ from: holder, path: at, value, use: 'output', what: `${key} condition of ${holder.logicalId}` });
          }
        }
        for (const { operator, values } of stmt.conditions.get('transcribe:OutputEncryptionKMSKeyId')) {
          if (/^(string|arn)(equals|like)$/i.test(operator)) for (const value of values) data.keys.push({ from: holder, path: at, value, what: `transcribe:OutputEncryptionKMSKeyId condition of ${holder.logicalId}` });
        }
      }
      if (!role) continue;
      const what = `data-access role ${role.logicalId}`;
      const writes = coversAction(stmt, 's3:PutObject');
      const reads = coversAction(stmt, 's3:GetObject');
      const kms = ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt'].some((a) => coversAction(stmt, a));
      for (const value of stmt.resources ?? []) {
        if (value === '*') continue;
        const id = `${holder.key}|${at}|${render(value)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const kind = resourceKind(graph, value);
        if ((writes || reads) && (kind === 's3' || (kind === undefined && !kms))) {
          data.buckets.push({ from: holder, path: at, value, use: writes ? 'output' : 'input', what: `S3 access of ${what}` });
        }
        if (kms && (kind === 'kms' || (kind === undefined && !writes && !reads))) data.keys.push({ from: holder, path: at, value, what: `KMS access of ${what}` });
      }
    }
  };
  for (const p of identityPolicies(graph)) {
    const role = p.attachedTo.find((a): a is Resource => !(a instanceof Unknown) && roles.has(a));
    consider(p.holder, p.path, p.document, role);
  }
}

/** Whether a policy resource is a bucket (or object) or a KMS key; undefined when that cannot be told. */
function resourceKind(graph: ResourceGraph, value: unknown): 's3' | 'kms' | 'other' | undefined {
  const t = graph.target(value, S3_BUCKET, KMS_KEY, KMS_ALIAS);
  if (t === undefined || t instanceof Unknown) return undefined;
  if ('resource' in t) return t.resource.type === S3_BUCKET ? 's3' : t.resource.type === KMS_KEY || t.resource.type === KMS_ALIAS ? 'kms' : 'other';
  const service = /^arn:[^:]+:([^:]+):/.exec(t.external)?.[1];
  return service === 's3' ? 's3' : service === 'kms' ? 'kms' : service ? 'other' : undefined;
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
  for (const ref of transcribeData(ctx.graph).buckets.filter((b) => b.use === use)) {
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
  for (const ref of transcribeData(graph).keys) {
    const key = resolveKey(graph, ref.value);
    if (key === undefined) continue;
    if (!(key instanceof Unknown) && key.kind === 'key') keys.set(key.key, [...(keys.get(key.key) ?? []), ref]);
    else others.push({ ...ref, key });
  }
  return { keys, others };
}

/** Where a job keeps its redaction settings: `Settings.ContentRedaction` for Call Analytics, `ContentRedaction` otherwise. */
export function redactionPath(job: Resource): string {
  return job.type === CALL_ANALYTICS_JOB ? 'Settings.ContentRedaction' : 'ContentRedaction';
}
