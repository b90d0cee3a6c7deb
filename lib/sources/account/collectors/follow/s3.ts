import type { GetBucketEncryptionOutput, S3Client } from '@aws-sdk/client-s3';
import { failed, type CallFailure, type CollectorContext } from '../../collector';
import { parseArn } from '../../../../model/arn';
import { Unknown } from '../../../../model/values';
import { absentOn, ops, orUnknown, unknownFrom } from '../support/calls';
import { once } from '../support/once';
import { live, policyDocument } from '../support/shape';
import { followKey, KMS_OPERATIONS, KMS_TYPES } from './kms';
import { S3_BUCKET, S3_BUCKET_POLICY } from '../../../../model/types/s3';
import { loadS3 } from '../support/sdk';

export const S3_OPERATIONS = [
  ...ops('s3', 'GetBucketLocation', 'GetBucketEncryption', 'GetPublicAccessBlock', 'GetBucketPolicy', 'GetBucketVersioning', 'HeadBucket'),
  ...KMS_OPERATIONS,
];
export const S3_TYPES = [S3_BUCKET, S3_BUCKET_POLICY, ...KMS_TYPES];

/**
 * `my-bucket` from `arn:aws:s3:::my-bucket[/key]`, `s3://my-bucket/key`, an S3 HTTPS URL (path style
 * `https://s3.<region>.amazonaws.com/my-bucket/key` or virtual-hosted
 * `https://my-bucket.s3.<region>.amazonaws.com/key`) or a bare name.
 */
export function bucketName(ref: string): string | undefined {
  if (ref.startsWith('s3://')) return ref.slice(5).split('/')[0] || undefined;
  if (ref.startsWith('https://')) {
    const url = new URL(ref);
    const hosted = /^(.+)\.s3[.-]/.exec(url.hostname);
    return hosted ? hosted[1] : url.pathname.split('/')[1] || undefined;
  }
  const arn = parseArn(ref);
  if (arn) return arn.service === 's3' ? arn.resource.split('/')[0] || undefined : undefined;
  return ref.split('/')[0] || undefined;
}

/** `GetBucketLocation` answers `null` for us-east-1 and `EU` for the oldest eu-west-1 buckets. */
function regionOf(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/**
 * Read a bucket that something collected writes to or reads from (audio logs, transcripts, media)
 * and emit `AWS::S3::Bucket` {BucketName, BucketEncryption, PublicAccessBlockConfiguration,
 * VersioningConfiguration; live-only Region, OwnerAccount} and, when it has one,
 * `AWS::S3::BucketPolicy` {Bucket, PolicyDocument}. The bucket's default-encryption key is
 * followed too. `OwnerAccount` is the audited account when `HeadBucket(ExpectedBucketOwner)`
 * succeeds, and unknown otherwise (S3 answers a foreign owner and a denial with the same 403).
 */
export async function followBucket(ctx: CollectorContext, ref: string | undefined): Promise<void> {
  const name = ref && bucketName(ref);
  if (!name) return;
  const s3 = await loadS3();
  const home = ctx.client(s3.S3Client);
  const location = await once(home, `location|${name}`, () =>
    ctx.call(S3_OPERATIONS[0], () => absentOn(['NoSuchBucket'], () => home.send(new s3.GetBucketLocationCommand({ Bucket: name })))),
  );
  // A bucket that no longer exists stays an external reference: there is nothing to describe.
  if (!failed(location) && location === undefined) return;
  // The other calls go to the bucket's own Region; its client also scopes the memo, so a bucket that
  // several audited Regions reference is described once.
  const region = failed(location) ? ctx.region : regionOf(location.LocationConstraint);
  const client = ctx.client(s3.S3Client, region);
  await once(client, `bucket|${name}`, () => readBucket(ctx, client, name, orUnknown(location, () => region)));
}

/**
 * `s3:GetBucketEncryption` of a bucket through its Region's client, sent once per run whoever asks
 * (the bucket's description, a Transcribe output's default encryption). `undefined`: none configured.
 */
export async function bucketEncryption(ctx: CollectorContext, client: S3Client, name: string): Promise<GetBucketEncryptionOutput | undefined | CallFailure> {
  const s3 = await loadS3();
  return once(client, `encryption|${name}`, () =>
    ctx.call(S3_OPERATIONS[1], () => absentOn(['ServerSideEncryptionConfigurationNotFoundError'], () => client.send(new s3.GetBucketEncryptionCommand({ Bucket: name })))),
  );
}

async function readBucket(ctx: CollectorContext, client: S3Client, name: string, region: string | Unknown): Promise<void> {
  const s3 = await loadS3();
  const [encryption, publicAccess, policy, versioning, head] = await Promise.all([
    bucketEncryption(ctx, client, name),
    ctx.call(S3_OPERATIONS[2], () => absentOn(['NoSuchPublicAccessBlockConfiguration'], () => client.send(new s3.GetPublicAccessBlockCommand({ Bucket: name })))),
    ctx.call(S3_OPERATIONS[3], () => absentOn(['NoSuchBucketPolicy'], () => client.send(new s3.GetBucketPolicyCommand({ Bucket: name })))),
    ctx.call(S3_OPERATIONS[4], () => client.send(new s3.GetBucketVersioningCommand({ Bucket: name }))),
    ctx.call(S3_OPERATIONS[5], () => client.send(new s3.HeadBucketCommand({ Bucket: name, ExpectedBucketOwner: ctx.account }))),
  ]);
  const arn = `arn:${ctx.partition}:s3:::${name}`;
  const rules = orUnknown(encryption, (r) => r?.ServerSideEncryptionConfiguration?.Rules);
  ctx.emit(
    live(S3_BUCKET, `bucket/${name}`, arn, 's3:GetBucketEncryption', {
      BucketName: name,
      BucketEncryption:
        rules instanceof Unknown
          ? rules
          : rules && {
              ServerSideEncryptionConfiguration: rules.map((rule) => ({
                ServerSideEncryptionByDefault: rule.ApplyServerSideEncryptionByDefault && {
                  SSEAlgorithm: rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm,
                  KMSMasterKeyID: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID,
                },
                BucketKeyEnabled: rule.BucketKeyEnabled,
              })),
            },
      PublicAccessBlockConfiguration: orUnknown(publicAccess, (r) => r?.PublicAccessBlockConfiguration),
      VersioningConfiguration: orUnknown(versioning, (r) => (r.Status ? { Status: r.Status } : undefined)),
      Region: region,
      OwnerAccount: failed(head) ? unknownFrom(head) : ctx.account,
    }),
  );
  if (failed(policy)) ctx.emit(live(S3_BUCKET_POLICY, `bucket/${name}/policy`, undefined, 's3:GetBucketPolicy', { Bucket: name, PolicyDocument: unknownFrom(policy) }));
  else if (policy?.Policy) ctx.emit(live(S3_BUCKET_POLICY, `bucket/${name}/policy`, undefined, 's3:GetBucketPolicy', { Bucket: name, PolicyDocument: policyDocument(policy.Policy) }));
  if (!(rules instanceof Unknown)) {
    for (const rule of rules ?? []) await followKey(ctx, rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID, typeof region === 'string' ? region : undefined);
  }
}
