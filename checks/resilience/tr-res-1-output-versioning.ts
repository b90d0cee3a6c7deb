import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { get, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { transcribeBucketVerdicts } from '../shared/transcribe';
import { S3_BUCKET, type BucketProps } from '../../lib/model/types/s3';

export default defineCheck({
  id: 'TR-RES-1',
  title: 'Transcription output buckets keep transcripts recoverable (versioning on)',
  severity: 'LOW',
  rationale:
    'Transcribe itself keeps no copy you control: once a transcript in your bucket is overwritten or deleted it is gone, and service-bucket outputs vanish at job expiry (TR-DP-1). Versioning keeps earlier objects recoverable.',
  remediation: 'Turn on versioning (VersioningConfiguration.Status: Enabled; CDK versioned: true) on output buckets, with a lifecycle rule for noncurrent versions, and replicate them if your recovery plan needs another Region.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/disaster-recovery-resiliency.html',
  modes: ['synth', 'live'],
  reads: [S3_BUCKET],
  evaluateGraph(ctx) {
    return transcribeBucketVerdicts(ctx, 'output', (bucket, context) => {
      const status = str(get(ctx.graph.props<BucketProps>(bucket), 'VersioningConfiguration.Status'));
      const at = { resource: bucket, path: 'VersioningConfiguration.Status' };
      if (status instanceof Unknown) return [unknown(`${context}: versioning cannot be known: ${status.reason}`, at)];
      if (status === 'Enabled') return [pass(`${context} is versioned`, at)];
      return [fail(`${context} is not versioned${status ? ` (${status})` : ''}: overwritten or deleted transcripts cannot be recovered`, at)];
    });
  },
});
