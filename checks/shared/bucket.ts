import { fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, get, items, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { coversAction, parsePolicy, type PolicyDocument } from '../../lib/policy/document';
import { isCustomerManaged, resolveKey, type KeyRef } from './kms';
import { atLeast, type EncryptionLevel } from '../../lib/model/types/encryption';
import { BUCKET_POLICIES } from '../../lib/model/relations/s3';
import { once, perResource } from '../../lib/model/relations/per-resource';
import type { BucketPolicyProps, BucketProps } from '../../lib/model/types/s3';

/**
 * Posture of an S3 bucket that holds sensitive service data (Lex audio logs and bot files, Transcribe
 * media and transcripts): default encryption, Block Public Access, a TLS-only bucket policy, and
 * whether it sits in the workload's account and Region. The same functions serve LEX-DP-5/14 and
 * TR-DP-2/5/10; each check chooses which facts it requires.
 */

/** Readable name of a bucket: its literal `BucketName`, else its logical id. */
export function bucketLabel(graph: ResourceGraph, bucket: Resource): string {
  const name = graph.props<BucketProps>(bucket).BucketName;
  return typeof name === 'string' ? name : bucket.logicalId;
}

export interface BucketEncryption {
  level: EncryptionLevel;
  /** The KMS key, when the level is a KMS one and a key is named. */
  key?: KeyRef;
  detail: string;
}

const levelOfKey = (graph: ResourceGraph, key: KeyRef): EncryptionLevel | Unknown => {
  const customer = isCustomerManaged(graph, key);
  return customer instanceof Unknown ? customer : customer ? 'customer-managed-kms' : 'aws-managed-kms';
};

/**
 * Default encryption of a bucket, as a level of the ladder. A bucket without `BucketEncryption` is
 * SSE-S3: S3 encrypts every new object that way since January 2023 and it cannot be turned off.
 */
export function bucketEncryption(graph: ResourceGraph, bucket: Resource): BucketEncryption | Unknown {
  const name = bucketLabel(graph, bucket);
  const rules = items(get(graph.props<BucketProps>(bucket), 'BucketEncryption.ServerSideEncryptionConfiguration'));
  if (rules instanceof Unknown) return new Unknown(`encryption of bucket ${name}: ${rules.reason}`);
  let best: BucketEncryption = { level: 'sse-s3', detail: `bucket ${name} has no default encryption rule, so S3 applies SSE-S3` };
  for (const rule of rules) {
    const algorithm = str(get(rule, 'ServerSideEncryptionByDefault.SSEAlgorithm'));
    if (algorithm instanceof Unknown) return new Unknown(`SSEAlgorithm of bucket ${name}: ${algorithm.reason}`);
    let found: BucketEncryption;
    if (algorithm === undefined || algorithm === 'AES256') {
      found = { level: 'sse-s3', detail: `bucket ${name} uses SSE-S3 (AES256)` };
    } else if (algorithm.startsWith('aws:kms')) {
      const key = resolveKey(graph, get(rule, 'ServerSideEncryptionByDefault.KMSMasterKeyID'));
      if (key instanceof Unknown) return new Unknown(`KMS key of bucket ${name}: ${key.reason}`);
      if (key === undefined) {
        found = { level: 'aws-managed-kms', detail: `bucket ${name} uses ${algorithm} with the AWS-managed key aws/s3` };
      } else {
        const level = levelOfKey(graph, key);
        if (level instanceof Unknown) return new Unknown(`KMS key of bucket ${name}: ${level.reason}`);
        const assumed = key.kind === 'external' ? ' (defined outside this run, taken as customer managed)' : '';
        found = { level, key, detail: `bucket ${name} uses ${algorithm} with ${level === 'customer-managed-kms' ? 'customer-managed' : 'AWS-managed'} key ${key.label}${assumed}` };
      }
    } else {
      return new Unknown(`bucket ${name} uses an SSEAlgorithm lexscribe does not know (${algorithm})`);
    }
    if (atLeast(found.level, best.level)) best = found;
  }
  return best;
}

const BPA_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/** The Block Public Access flags of the bucket that are not on (all four when the bucket sets none). */
export function publicAccessGaps(graph: ResourceGraph, bucket: Resource): string[] | Unknown {
  const config = get(graph.props<BucketProps>(bucket), 'PublicAccessBlockConfiguration');
  if (config instanceof Unknown) return config;
  const missing: string[] = [];
  for (const flag of BPA_FLAGS) {
    const on = bool(get(config, flag));
    if (on instanceof Unknown) return new Unknown(`PublicAccessBlockConfiguration.${flag}: ${on.reason}`);
    if (on !== true) missing.push(flag);
  }
  return missing;
}

/** Does some statement deny every principal object reads and writes over plain HTTP? */
function deniesInsecureTransport(doc: PolicyDocument): boolean {
  return doc.statements.some(
    (s) =>
      s.effect === 'Deny' &&
      s.principal?.wildcard === true &&
      coversAction(s, 's3:GetObject') &&
      coversAction(s, 's3:PutObject') &&
      s.conditions.get('aws:SecureTransport').some((c) => /^Bool(IfExists)?$/i.test(c.operator) && c.values.some((v) => String(v).toLowerCase() === 'false')),
  );
}

/**
 * Whether a bucket policy of the bucket denies requests without TLS (`aws:SecureTransport = false`).
 * Unknown when a policy that could apply cannot be read.
 */
export function enforcesTls(graph: ResourceGraph, bucket: Resource): boolean | Unknown {
  // Every check on a log or output bucket asks, for each alias or job writing to it.
  return once(graph, ENFORCES_TLS, bucket, () => readEnforcesTls(graph, bucket));
}

const ENFORCES_TLS = perResource<boolean | Unknown>('whether each bucket enforces TLS');

function readEnforcesTls(graph: ResourceGraph, bucket: Resource): boolean | Unknown {
  const index = graph.memo(BUCKET_POLICIES);
  let doubt: Unknown | undefined;
  for (const policy of index.byBucket.get(bucket) ?? []) {
    const doc = parsePolicy(graph.props<BucketPolicyProps>(policy).PolicyDocument);
    if (doc instanceof Unknown) doubt = new Unknown(`bucket policy ${policy.logicalId}: ${doc.reason}`);
    else if (doc && deniesInsecureTransport(doc)) return true;
  }
  if (!doubt && index.unresolved.length > 0) {
    doubt = new Unknown(`bucket policy ${index.unresolved[0].logicalId} names a bucket that cannot be resolved`);
  }
  return doubt ?? false;
}

/**
 * The account and Region of a bucket: live collectors state them (`OwnerAccount` from
 * `HeadBucket(ExpectedBucketOwner)`, `Region` from `GetBucketLocation`, live-only properties, since a
 * bucket is emitted in the scope of whatever refers to it); in an app, those of its stack.
 */
function bucketPlace(graph: ResourceGraph, bucket: Resource): { account: string | undefined | Unknown; region: string | undefined | Unknown } {
  const props = graph.props<BucketProps>(bucket);
  return {
    account: props.OwnerAccount !== undefined ? str(props.OwnerAccount) : bucket.stack.account,
    region: props.Region !== undefined ? str(props.Region) : bucket.stack.region,
  };
}

/** Whether the bucket is in the account and Region of the workload resource that writes to it. */
export function sameAccountAndRegion(graph: ResourceGraph, bucket: Resource, owner: Resource): boolean | Unknown {
  const place = bucketPlace(graph, bucket);
  for (const field of ['account', 'region'] as const) {
    const [a, b] = [place[field], owner.stack[field]];
    if (a instanceof Unknown) return new Unknown(`the ${field} of bucket ${bucketLabel(graph, bucket)}: ${a.reason}`);
    if (a === undefined && b === undefined && bucket.stack.name === owner.stack.name) continue;
    if (a === undefined || b === undefined) return new Unknown(`the ${field} of ${a === undefined ? `bucket ${bucketLabel(graph, bucket)}` : `stack ${owner.stack.name}`} is not known`);
    if (a !== b) return false;
  }
  return true;
}

export interface BucketRequirements {
  /** Lowest acceptable rung of the encryption ladder. */
  minimumEncryption: EncryptionLevel;
  /** The workload resource whose account and Region the bucket must share; omit to skip that fact. */
  owner?: Resource;
}

/**
 * One verdict per fact, keyed `Encryption`, `BlockPublicAccess`, `TlsOnly` and `Location` (so a
 * suppression can accept exactly one of them). Verdicts carry no resource: the caller's resource.
 */
export function bucketVerdicts(graph: ResourceGraph, bucket: Resource, req: BucketRequirements): Verdict[] {
  const name = bucketLabel(graph, bucket);
  const out: Verdict[] = [];

  const enc = bucketEncryption(graph, bucket);
  const encKey = { findingKey: 'Encryption' };
  if (enc instanceof Unknown) out.push(unknown(enc.reason, encKey));
  else if (atLeast(enc.level, req.minimumEncryption)) out.push(pass(`${enc.detail} (level ${enc.level})`, encKey));
  else out.push(fail(`${enc.detail}: level ${enc.level} is below the required ${req.minimumEncryption}`, encKey));

  const gaps = publicAccessGaps(graph, bucket);
  const bpaKey = { findingKey: 'BlockPublicAccess' };
  if (gaps instanceof Unknown) out.push(unknown(`Block Public Access of bucket ${name}: ${gaps.reason}`, bpaKey));
  else if (gaps.length === 0) out.push(pass(`bucket ${name} blocks all public access`, bpaKey));
  else if (gaps.length === BPA_FLAGS.length) {
    out.push(fail(`bucket ${name} sets no PublicAccessBlockConfiguration (S3 blocks public access on new buckets, but nothing keeps it that way)`, bpaKey));
  } else out.push(fail(`bucket ${name} does not turn on ${gaps.join(', ')}`, bpaKey));

  const tls = enforcesTls(graph, bucket);
  const tlsKey = { findingKey: 'TlsOnly' };
  if (tls instanceof Unknown) out.push(unknown(`TLS enforcement of bucket ${name}: ${tls.reason}`, tlsKey));
  else if (tls) out.push(pass(`the policy of bucket ${name} denies requests without TLS`, tlsKey));
  else out.push(fail(`no bucket policy of ${name} denies requests with aws:SecureTransport = false`, tlsKey));

  if (req.owner) {
    const same = sameAccountAndRegion(graph, bucket, req.owner);
    const locKey = { findingKey: 'Location' };
    if (same instanceof Unknown) out.push(unknown(`whether bucket ${name} is in the account and Region of ${req.owner.logicalId}: ${same.reason}`, locKey));
    else if (same) out.push(pass(`bucket ${name} is in the account and Region of ${req.owner.logicalId}`, locKey));
    else {
      const place = bucketPlace(graph, bucket);
      const where = `${String(place.account)}/${String(place.region)}`;
      out.push(fail(`bucket ${name} is in ${where}, ${req.owner.logicalId} in ${req.owner.stack.account}/${req.owner.stack.region}`, locKey));
    }
  }
  return out;
}
