import { option } from '../../lib/engine/options';
import { defineCheck } from '../../lib/engine/check';
import { bucketVerdicts } from '../shared/bucket';
import { transcribeBucketVerdicts } from '../shared/transcribe';
import { ENCRYPTION_LEVELS } from '../../lib/model/types/encryption';
import { S3_BUCKET, S3_BUCKET_POLICY } from '../../lib/model/types/s3';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';

export default defineCheck({
  id: 'TR-DP-5',
  title: 'Input-media buckets are encrypted, private and TLS-only',
  severity: 'MEDIUM',
  rationale:
    'Input buckets hold the raw audio and the vocabulary and training files Transcribe reads. Without default encryption, Block Public Access and a TLS-only policy, recordings can be exposed or read in transit.',
  remediation:
    'On every bucket Transcribe reads media or source files from: default encryption (prefer aws:kms with a customer-managed key), all four Block Public Access settings, and a bucket policy denying aws:SecureTransport = false (CDK: enforceSSL: true).',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/data-protection.html',
  modes: ['synth', 'live'],
  options: {
    minimumEncryption: option.oneOf(ENCRYPTION_LEVELS, 'sse-s3', `Lowest acceptable default encryption of input buckets, one of ${ENCRYPTION_LEVELS.join(' < ')}`),
  },
  reads: [S3_BUCKET, S3_BUCKET_POLICY, KMS_KEY, KMS_ALIAS],
  evaluateGraph(ctx) {
    const minimum = ctx.options.minimumEncryption;
    return transcribeBucketVerdicts(ctx, 'input', (bucket, context) =>
      bucketVerdicts(ctx.graph, bucket, { minimumEncryption: minimum }).map((v) => ({ ...v, resource: bucket, reason: `${context}: ${v.reason}` })),
    );
  },
});
