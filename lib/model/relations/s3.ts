import { relation } from '../graph';
import type { Resource } from '../resource';
import { S3_BUCKET, S3_BUCKET_POLICY, type BucketPolicyProps } from '../types/s3';
import { Unknown } from '../values';

/** Bucket policies by the bucket they are written for. */
export interface BucketPolicies {
  byBucket: ReadonlyMap<Resource, readonly Resource[]>;
  /** Bucket policies whose `Bucket` cannot be resolved: any of them may be the one of a given bucket. */
  unresolved: readonly Resource[];
}

export const BUCKET_POLICIES = relation('bucket policies by bucket', (graph): BucketPolicies => {
  const byBucket = new Map<Resource, Resource[]>();
  const unresolved: Resource[] = [];
  for (const policy of graph.ofType(S3_BUCKET_POLICY)) {
    const t = graph.target(graph.props<BucketPolicyProps>(policy).Bucket, S3_BUCKET);
    if (t && !(t instanceof Unknown) && 'resource' in t) {
      const list = byBucket.get(t.resource) ?? [];
      list.push(policy);
      byBucket.set(t.resource, list);
    } else if (t instanceof Unknown) {
      unresolved.push(policy);
    }
  }
  return { byBucket, unresolved };
});
