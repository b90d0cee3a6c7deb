import { get, str } from '../../engine/read';
import { coversAction, isAllow, parsePolicy, type PolicyDocument, type Statement } from '../../policy/document';
import { rolesTrustedBy } from '../../policy/trust';
import { relation, type ResourceGraph } from '../graph';
import type { Resource } from '../resource';
import { ROLE } from '../types/iam';
import { KMS_ALIAS, KMS_KEY } from '../types/kms';
import { ORG_POLICY, SERVICE_CONTROL_POLICY, type OrgPolicyProps } from '../types/organizations';
import { S3_BUCKET } from '../types/s3';
import { APP_JOB_TYPES, JOB_TYPES, LANGUAGE_MODEL, MEDICAL_VOCABULARY, NAME_PROPERTY, ROLE_PATHS, START_ACTIONS, TRANSCRIBE_PRINCIPALS, VOCABULARY, VOCABULARY_FILTER, jobStartLabel, type AppJobStartProps, type AnyJobProperties, type StartJobParameters } from '../types/transcribe';
import { Composite, Pseudo, Unknown, render } from '../values';
import { IDENTITY_POLICIES } from './iam';
import type { PathOf } from '../types/view';

/**
 * What Transcribe reads and writes, gathered once per graph from every place that names it: the jobs
 * the app starts, the data-access roles Transcribe assumes, and the buckets and keys it uses.
 */

/** How reasons name a Transcribe resource: `vocabulary medical-terms`, `transcription job call-42`. */
export function transcribeLabel(graph: ResourceGraph, r: Resource): string {
  const kind = r.type.split('::').pop()!.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const name = NAME_PROPERTY[r.type] ? str(graph.props(r)[NAME_PROPERTY[r.type]]) : undefined;
  return `${kind} ${typeof name === 'string' ? name : r.logicalId}`;
}

/** The `App::Transcribe::Start…` resources (jobs the app starts), in the order the app's definitions give them. */
export const APP_JOB_STARTS = relation('jobs the app starts', (graph): readonly Resource[] => {
  const types = new Set(APP_JOB_TYPES);
  return graph.resources.filter((r) => types.has(r.type));
});

/** The state machine or custom resource a job start is written in, and the property. */
export function jobOrigin(job: Resource): { resource: Resource; path: string } {
  if (!job.origin) throw new Error(`${job.type} ${job.logicalId} has no origin`);
  return job.origin;
}

/** A request parameter of a job start (`OutputBucketName`, `Media.MediaFileUri`), Unknown when the request is computed. */
function parameter(graph: ResourceGraph, job: Resource, path: PathOf<StartJobParameters>): unknown {
  return get(graph.props<AppJobStartProps>(job).Parameters, path);
}

/** The data-access roles of the graph and what uses each (for reasons: `vocabulary Terms`, `state "Transcribe" of Flow`). */
export interface DataAccessRoles {
  roles: ReadonlyMap<Resource, readonly string[]>;
  /** Role references that cannot be resolved to a role of the run. */
  unresolved: ReadonlyArray<{ from: Resource; path: string; reason: string }>;
}

/**
 * Roles Transcribe assumes to reach data: trusted by a Transcribe principal, or named as
 * `DataAccessRoleArn` by a vocabulary, a filter, a live job or model, or a job the app starts.
 */
export const TRANSCRIBE_DATA_ACCESS_ROLES = relation('Transcribe data-access roles', (graph): DataAccessRoles => {
  const roles = new Map<Resource, string[]>();
  const unresolved: Array<{ from: Resource; path: string; reason: string }> = [];
  const add = (role: Resource, user: string) => roles.set(role, [...new Set([...(roles.get(role) ?? []), user])]);
  for (const { role, statements } of rolesTrustedBy(graph, TRANSCRIBE_PRINCIPALS)) {
    if (!(statements instanceof Unknown)) add(role, 'Transcribe (trust policy)');
  }
  const follow = (from: Resource, path: string, value: unknown, user: string) => {
    if (value === undefined) return;
    const t = graph.target(value, ROLE);
    if (t instanceof Unknown) unresolved.push({ from, path, reason: t.reason });
    else if (t && 'resource' in t && t.resource.type === ROLE) add(t.resource, user);
    else if (t) unresolved.push({ from, path, reason: `role ${render(value)} is not in this run` });
  };
  for (const [type, path] of Object.entries(ROLE_PATHS)) {
    for (const r of graph.ofType(type)) follow(r, path, get(graph.props(r), path), transcribeLabel(graph, r));
  }
  for (const job of graph.memo(APP_JOB_STARTS)) {
    const props = graph.props<AppJobStartProps>(job);
    const origin = jobOrigin(job);
    for (const path of ['JobExecutionSettings.DataAccessRoleArn', 'DataAccessRoleArn'] as const) {
      const v = parameter(graph, job, path);
      if (v !== undefined && !(props.Parameters instanceof Unknown)) follow(origin.resource, origin.path, v, `${jobStartLabel(props)} of ${origin.resource.logicalId}`);
    }
  }
  return { roles, unresolved };
});

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
  buckets: ReadonlyArray<DataReference & { use: BucketUse }>;
  keys: readonly DataReference[];
}

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
const JOB_PARAMS: Array<{ path: PathOf<StartJobParameters>; use: BucketUse | 'key' }> = [
  { path: 'Media.MediaFileUri', use: 'input' },
  { path: 'OutputBucketName', use: 'output' },
  { path: 'OutputLocation', use: 'output' },
  { path: 'OutputEncryptionKMSKeyId', use: 'key' },
];

/**
 * Buckets and keys Transcribe uses, from every place that names them: Transcribe resources' file URIs,
 * live jobs' media and transcript URIs and output-encryption evidence, the parameters of jobs the app
 * starts, `transcribe:Output*` condition values of identity policies, and the S3 and KMS resources
 * data-access roles are granted.
 */
export const TRANSCRIBE_DATA = relation('buckets and keys Transcribe uses', (graph): TranscribeData => {
  const buckets: Array<DataReference & { use: BucketUse }> = [];
  const keys: DataReference[] = [];
  for (const { type, path, use } of URI_PATHS) {
    for (const r of graph.ofType(type)) {
      const value = get(graph.props(r), path);
      if (value === undefined) continue;
      // Service-bucket outputs are AWS's, not a bucket of the account.
      if (use === 'output' && str(graph.props<AnyJobProperties>(r).OutputLocationType) === 'SERVICE_BUCKET') continue;
      buckets.push({ from: r, path, value, use, what: `${path} of ${transcribeLabel(graph, r)}` });
    }
  }
  for (const r of graph.ofType(...JOB_TYPES)) {
    const keyId = get(graph.props<AnyJobProperties>(r), 'OutputEncryption.KeyId');
    if (keyId !== undefined) keys.push({ from: r, path: 'OutputEncryption.KeyId', value: keyId, what: `output key of ${transcribeLabel(graph, r)}` });
  }
  for (const job of graph.memo(APP_JOB_STARTS)) {
    const props = graph.props<AppJobStartProps>(job);
    if (props.Parameters instanceof Unknown) continue;
    const origin = jobOrigin(job);
    for (const { path, use } of JOB_PARAMS) {
      const value = parameter(graph, job, path);
      if (value === undefined) continue;
      const ref = { from: origin.resource, path: origin.path, value, what: `${path} of ${jobStartLabel(props)} in ${origin.resource.logicalId}` };
      if (use === 'key') keys.push(ref);
      else buckets.push({ ...ref, use });
    }
  }
  policyData(graph, buckets, keys);
  return { buckets, keys };
});

/** The IAM actions that start Transcribe jobs. */
export const START_JOB_ACTIONS = START_ACTIONS.map((a) => `transcribe:${a}`);

function policyData(graph: ResourceGraph, buckets: Array<DataReference & { use: BucketUse }>, keys: DataReference[]): void {
  const roles = graph.memo(TRANSCRIBE_DATA_ACCESS_ROLES).roles;
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
            for (const value of values) buckets.push({ from: holder, path: at, value, use: 'output', what: `${key} condition of ${holder.logicalId}` });
          }
        }
        for (const { operator, values } of stmt.conditions.get('transcribe:OutputEncryptionKMSKeyId')) {
          if (/^(string|arn)(equals|like)$/i.test(operator)) for (const value of values) keys.push({ from: holder, path: at, value, what: `transcribe:OutputEncryptionKMSKeyId condition of ${holder.logicalId}` });
        }
      }
      if (!role) continue;
      const what = `data-access role ${role.logicalId}`;
      const writes = coversAction(stmt, 's3:PutObject');
      const reads = coversAction(stmt, 's3:GetObject');
      const kms = ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt'].some((a) => coversAction(stmt, a));
      for (const value of stmt.resources ?? []) {
        if (value === '*') continue;
        const kind = resourceKind(graph, value);
        if ((writes || reads) && (kind === 's3' || (kind === undefined && !kms))) {
          // `bucket` and `bucket/*` name one bucket: one reference per bucket and use, whichever the statement.
          const bucket = bucketPart(value);
          for (const use of [...(reads ? ['input' as const] : []), ...(writes ? ['output' as const] : [])]) {
            const id = `${holder.key}|${render(bucket)}|${use}`;
            if (seen.has(id)) continue;
            seen.add(id);
            buckets.push({ from: holder, path: at, value: bucket, use, what: `S3 access of ${what}` });
          }
        }
        const id = `${holder.key}|${at}|${render(value)}|kms`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (kms && (kind === 'kms' || (kind === undefined && !writes && !reads))) keys.push({ from: holder, path: at, value, what: `KMS access of ${what}` });
      }
    }
  };
  for (const p of graph.memo(IDENTITY_POLICIES)) {
    const role = p.attachedTo.find((a): a is Resource => !(a instanceof Unknown) && roles.has(a));
    consider(p.holder, p.path, p.document, role);
  }
}

/**
 * The bucket part of an S3 resource of a policy: `arn:aws:s3:::media` from `arn:aws:s3:::media/*`, the
 * bucket reference from `${Bucket.Arn}/*`. Anything else is returned as it is.
 */
export function bucketPart(value: unknown): unknown {
  if (typeof value === 'string') {
    const at = value.indexOf(':::');
    const slash = at >= 0 ? value.indexOf('/', at) : value.indexOf('/');
    return slash > 0 ? value.slice(0, slash) : value;
  }
  if (!(value instanceof Composite)) return value;
  const parts: Composite['parts'][number][] = [];
  for (const p of value.parts) {
    if (typeof p === 'string' && p.includes('/')) {
      const head = p.slice(0, p.indexOf('/'));
      if (head) parts.push(head);
      break;
    }
    parts.push(p);
  }
  if (parts.length === value.parts.length) return value;
  return parts.length === 1 && typeof parts[0] !== 'string' && !(parts[0] instanceof Pseudo) ? parts[0] : new Composite(parts);
}

/** Whether a policy resource is a bucket (or object) or a KMS key; undefined when that cannot be told. */
function resourceKind(graph: ResourceGraph, value: unknown): 's3' | 'kms' | 'other' | undefined {
  const t = graph.target(value, S3_BUCKET, KMS_KEY, KMS_ALIAS);
  if (t === undefined || t instanceof Unknown) return undefined;
  if ('resource' in t) return t.resource.type === S3_BUCKET ? 's3' : t.resource.type === KMS_KEY || t.resource.type === KMS_ALIAS ? 'kms' : 'other';
  const service = /^arn:[^:]+:([^:]+):/.exec(t.external)?.[1];
  return service === 's3' ? 's3' : service === 'kms' ? 'kms' : service ? 'other' : undefined;
}

/** The condition key that names a job's output key. */
export const OUTPUT_KEY_CONDITION = 'transcribe:OutputEncryptionKMSKeyId';

/** A Deny that applies when no output key is given: `Null: { transcribe:OutputEncryptionKMSKeyId: true }`. */
export function requiresOutputKey(stmt: Statement): boolean {
  return stmt.conditions.get(OUTPUT_KEY_CONDITION).some((e) => e.operator.toLowerCase() === 'null' && e.values.some((v) => String(v).toLowerCase() === 'true'));
}

/** Service control policies that deny starting jobs without an output key, or why one may exist. */
export interface OutputKeyGuards {
  /** Job-starting actions an SCP denies when no output key is given, and the SCP. */
  actions: ReadonlyMap<string, Resource>;
  /** An Organizations policy that cannot be read and may be such a guard. */
  doubt?: Unknown;
}

export const OUTPUT_KEY_GUARDS = relation('service control policies requiring an output key', (graph): OutputKeyGuards => {
  const actions = new Map<string, Resource>();
  let doubt: Unknown | undefined;
  for (const policy of graph.ofType(ORG_POLICY)) {
    const props = graph.props<OrgPolicyProps>(policy);
    const type = str(props.Type);
    if (type instanceof Unknown) {
      doubt ??= new Unknown(`Organizations policy ${policy.logicalId} (type not known) denies it`);
      continue;
    }
    if (type !== SERVICE_CONTROL_POLICY) continue;
    const doc = parsePolicy(props.Content);
    if (doc instanceof Unknown) {
      doubt ??= new Unknown(`service control policy ${policy.logicalId}, which cannot be read (${doc.reason}), denies it`);
      continue;
    }
    for (const s of doc?.statements ?? []) {
      if (s.effect !== 'Deny' || !requiresOutputKey(s)) continue;
      for (const a of START_JOB_ACTIONS.filter((x) => coversAction(s, x))) if (!actions.has(a)) actions.set(a, policy);
    }
  }
  return doubt ? { actions, doubt } : { actions };
});
