import { option } from '../../lib/engine/options';
import { defineCheck, notApplicable } from '../../lib/engine/check';
import { bucketVerdicts } from '../shared/bucket';
import { aliasLabel, escalateIfSensitive, logDestinationVerdicts } from '../shared/lex';
import { ENCRYPTION_LEVELS } from '../../lib/model/types/encryption';
import { S3_BUCKET, S3_BUCKET_POLICY } from '../../lib/model/types/s3';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-DP-5',
  title: "The audio-log bucket is encrypted, private, TLS-only, and in the bot's account and Region",
  severity: 'MEDIUM',
  rationale:
    "Audio logs are voice recordings. A bucket that allows public access or plain-HTTP requests, lacks default encryption, or belongs to another account or Region exposes them outside the bot's controls.",
  remediation:
    "On the bucket named by AudioLogSettings: default encryption (prefer aws:kms with a customer-managed key), all four Block Public Access settings, a bucket policy denying aws:SecureTransport = false (CDK: enforceSSL: true), in the bot's account and Region.",
  docs: 'https://docs.aws.amazon.com/lex/latest/dg/conversation-logs-encrypting.html',
  modes: ['synth', 'live'],
  options: {
    minimumEncryption: option.oneOf(ENCRYPTION_LEVELS, 'sse-s3', `Lowest acceptable default encryption of the bucket, one of ${ENCRYPTION_LEVELS.join(' < ')}`),
  },
  resourceTypes: ALIAS_HOLDERS,
  reads: [S3_BUCKET, S3_BUCKET_POLICY, KMS_KEY, KMS_ALIAS],
  evaluate(resource, ctx) {
    const minimum = ctx.options.minimumEncryption;
    const verdicts = logDestinationVerdicts(ctx, resource, 'Audio', (target, targetPath) =>
      bucketVerdicts(ctx.graph, target, { minimumEncryption: minimum, owner: resource }).map((v) => ({ ...v, path: targetPath })),
    );
    if (verdicts.length === 0) return notApplicable(`${aliasLabel(resource)} has no enabled audio logs`);
    return escalateIfSensitive(ctx.graph, resource, ctx.classification, verdicts);
  },
});
