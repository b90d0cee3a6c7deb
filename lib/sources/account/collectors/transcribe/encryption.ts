import type { S3Client } from '@aws-sdk/client-s3';
import { failed, type CallFailure, type CollectorContext } from '../../collector';
import { Unknown } from '../../../../model/values';
import { describeKey, followKey } from '../follow/kms';
import { bucketEncryption } from '../follow/s3';
import { op } from '../support/calls';
import { member, type TrailEvent } from './events';
import type { S3Location } from './uri';
import type { EncryptionLevel } from '../../../../model/types/encryption';
import type { ArtifactEncryption, EncryptionContextEvidence, OutputEncryption } from '../../../../model/types/transcribe';
import { loadS3 } from '../support/sdk';

export const ENCRYPTION_OPERATIONS = [op('s3', 'HeadObject'), op('s3', 'GetBucketEncryption'), op('kms', 'DescribeKey')];
const [HEAD_OBJECT] = ENCRYPTION_OPERATIONS;

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

interface Level {
  Level: EncryptionLevel | Unknown;
  KeyId?: string;
}

/**
 * The ladder rung of a KMS key: `kms:DescribeKey → KeyManager` (`AWS` or `CUSTOMER`), read once per
 * key and run. The key is followed too, so its rotation and spec are checked with it (TR-DP-3).
 */
async function keyLevel(ctx: CollectorContext, ref: string, region: string): Promise<Level> {
  await followKey(ctx, ref, region);
  if (AWS_MANAGED_ALIAS.test(ref)) return { Level: 'aws-managed-kms', KeyId: ref };
  const described = await describeKey(ctx, ref, region);
  if (failed(described)) return { Level: new Unknown(`KMS key ${ref}: ${described.reason}`), KeyId: ref };
  const meta = described?.KeyMetadata;
  if (!meta) return { Level: new Unknown(`KMS key ${ref} does not exist (kms:DescribeKey found nothing)`), KeyId: ref };
  const keyId = meta.Arn ?? ref;
  if (meta.KeyManager === 'AWS') return { Level: 'aws-managed-kms', KeyId: keyId };
  if (meta.KeyManager === 'CUSTOMER') return { Level: 'customer-managed-kms', KeyId: keyId };
  return { Level: new Unknown(`kms:DescribeKey named no KeyManager for ${ref}`), KeyId: keyId };
}

/** An S3 `ServerSideEncryption` value with its key, as a rung of the ladder. */
async function sseLevel(ctx: CollectorContext, algorithm: string | undefined, keyId: string | undefined, region: string, what: string): Promise<Level> {
  if (algorithm === undefined) return { Level: 'none' };
  if (algorithm === 'AES256') return { Level: 'sse-s3' };
  if (algorithm.startsWith('aws:kms')) return keyId ? keyLevel(ctx, keyId, region) : { Level: 'aws-managed-kms', KeyId: 'alias/aws/s3' };
  return { Level: new Unknown(`${what} uses an encryption lexscribe does not know (${algorithm})`) };
}

async function s3Client(ctx: CollectorContext, region: string): Promise<{ client: S3Client; s3: typeof import('@aws-sdk/client-s3') }> {
  const s3 = await loadS3();
  return { client: ctx.client(s3.S3Client, region), s3 };
}

/** `s3:HeadObject` of the output object: how S3 says it stored it. */
async function objectLevel(ctx: CollectorContext, object: S3Location & { key: string }): Promise<Level | CallFailure> {
  const region = object.region ?? ctx.region;
  const { client, s3 } = await s3Client(ctx, region);
  const head = await ctx.call(HEAD_OBJECT, () => client.send(new s3.HeadObjectCommand({ Bucket: object.bucket, Key: object.key })));
  if (failed(head)) return head;
  return sseLevel(ctx, head.ServerSideEncryption, head.SSEKMSKeyId, region, `s3://${object.bucket}/${object.key}`);
}

/**
 * The bucket's default encryption (`s3:GetBucketEncryption`, once per bucket and run). A bucket
 * without a configuration encrypts new objects with SSE-S3, as S3 has done for every bucket since
 * January 2023.
 */
async function bucketDefaultLevel(ctx: CollectorContext, bucket: string, region: string): Promise<Level | CallFailure> {
  const { client } = await s3Client(ctx, region);
  const read = await bucketEncryption(ctx, client, bucket);
  if (failed(read)) return read;
  const rule = read?.ServerSideEncryptionConfiguration?.Rules?.find((r) => r.ApplyServerSideEncryptionByDefault)?.ApplyServerSideEncryptionByDefault;
  if (!rule) return { Level: 'sse-s3' };
  return sseLevel(ctx, rule.SSEAlgorithm, rule.KMSMasterKeyID, region, `bucket ${bucket}`);
}

/** What a job tells about its output: where it is and which event started it. */
export interface OutputSources {
  /** Readable name of the job for reasons (`transcription job Calls-1`). */
  what: string;
  /** The output object (a customer bucket's transcript), or why there is none to read. */
  object: S3Location | string;
  /** The job's `Start…Job` event, or why none was found (read only when the object does not answer). */
  event: () => Promise<TrailEvent | string>;
}

function stringMember(record: Record<string, unknown>, name: string): string | undefined {
  const v = member(record, name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function contextOf(event: TrailEvent): Record<string, string> | undefined {
  const v = member(event.request, 'kMSEncryptionContext');
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, String(x)]));
}

function eventLabel(event: TrailEvent): string {
  return `the ${event.name} event${event.time ? ` of ${event.time.toISOString()}` : ''}`;
}

/**
 * How a customer-bucket job's output is encrypted (see `OutputEncryption`): the output object's
 * headers, else the key the `Start…Job` request named in CloudTrail, else the output bucket's
 * default encryption, which applies when the request named no key. When none answers, an Unknown
 * listing what each source said.
 */
export async function outputEncryption(ctx: CollectorContext, sources: OutputSources): Promise<OutputEncryption | Unknown> {
  const reasons: string[] = [];
  const { object } = sources;
  if (typeof object === 'string') {
    reasons.push(object);
  } else if (!object.key) {
    reasons.push(`the output URI names no object in bucket ${object.bucket}`);
  } else {
    const level = await objectLevel(ctx, { ...object, key: object.key });
    if (!failed(level)) return { ...level, Evidence: 'object-headers' };
    reasons.push(level.reason);
  }
  const event = await sources.event();
  if (typeof event === 'string') {
    reasons.push(event);
  } else {
    const key = stringMember(event.request, 'outputEncryptionKMSKeyId');
    if (key) {
      const context = contextOf(event);
      return { ...(await keyLevel(ctx, key, ctx.region)), Evidence: 'cloudtrail', ...(context ? { EncryptionContext: context } : {}) };
    }
    reasons.push(`${eventLabel(event)} carries no output key member`);
  }
  // The output bucket is in the job's Region (Transcribe requires it); CloudTrail records its name.
  const bucket = typeof object === 'string' ? (typeof event === 'string' ? undefined : stringMember(event.request, 'outputBucketName')) : object.bucket;
  if (!bucket) {
    reasons.push('the output bucket is not known');
  } else {
    const level = await bucketDefaultLevel(ctx, bucket, typeof object === 'string' ? ctx.region : (object.region ?? ctx.region));
    if (!failed(level)) return { ...level, Evidence: 'bucket-default' };
    reasons.push(level.reason);
  }
  return new Unknown(`output encryption of ${sources.what} cannot be established: ${reasons.join('; ')}`);
}

/**
 * The KMS encryption context a job was started with (TR-DP-4), from its `Start…Job` event. "None" is
 * only said when the event records the request's output key member and no context member.
 */
export function encryptionContext(event: TrailEvent | string): EncryptionContextEvidence | Unknown {
  if (typeof event === 'string') return new Unknown(event);
  const EventTime = event.time?.toISOString();
  const context = contextOf(event);
  if (context) return { Context: context, Evidence: 'cloudtrail', EventTime };
  if (stringMember(event.request, 'outputEncryptionKMSKeyId')) return { Context: {}, Evidence: 'cloudtrail', EventTime };
  return new Unknown(`${eventLabel(event)} records neither an output key nor an encryption context member: whether a context was given is not known`);
}

/**
 * The KMS key of a custom vocabulary, filter or language model (TR-DP-10): the `Get…`/`Describe…`
 * response's `EncryptionConfiguration` when it carries one, else the `Create…`/`Update…` event's
 * `encryptionConfiguration` (absent from a recorded request: no key was named, an AWS-owned key is used).
 */
export async function artifactEncryption(
  ctx: CollectorContext,
  response: { KMSKey?: string; KMSEncryptionContext?: Record<string, string> } | undefined,
  lookup: () => Promise<TrailEvent | string>,
): Promise<ArtifactEncryption | Unknown> {
  if (response?.KMSKey) {
    await followKey(ctx, response.KMSKey);
    return { KMSKey: response.KMSKey, ...(response.KMSEncryptionContext ? { KMSEncryptionContext: response.KMSEncryptionContext } : {}), Evidence: 'api-response' };
  }
  const event = await lookup();
  if (typeof event === 'string') return new Unknown(event);
  const config = member(event.request, 'encryptionConfiguration');
  if (!config || typeof config !== 'object') return { Evidence: 'cloudtrail' };
  const fields = config as Record<string, unknown>;
  const key = stringMember(fields, 'kMSKey');
  const context = member(fields, 'kMSEncryptionContext');
  if (key) await followKey(ctx, key);
  return {
    ...(key ? { KMSKey: key } : {}),
    ...(context && typeof context === 'object' ? { KMSEncryptionContext: Object.fromEntries(Object.entries(context).map(([k, v]) => [k, String(v)])) } : {}),
    Evidence: 'cloudtrail',
  };
}
