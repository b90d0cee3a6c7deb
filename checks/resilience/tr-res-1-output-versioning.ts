import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { S3_BUCKET, bucketLabel } from '../shared/bucket';
import { transcribeBuckets, usedBy } from '../shared/transcribe';

export default defineCheck({
  id: 'TR-RES-1',
  title: 'Transcription output buckets keep transcripts recoverable (versioning on)',
  service: 'transcribe',
  topic: 'resilience',
  severity: 'LOW',
  rationale:
    'Transcribe itself keeps no copy you control: once a transcript in your bucket is overwritten or deleted it is gone, and service-bucket outputs vanish at job expiry (TR-DP-1). Versioning keeps earlier objects recoverable.',
  remediation: 'Turn on versioning (VersioningConfiguration.Status: Enabled; CDK versioned: true) on output buckets, with a lifecycle rule for noncurrent versions, and replicate them if your recovery plan needs another Region.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/disaster-recovery-resiliency.html',
  modes: ['synth', 'live'],
  reads: [S3_BUCKET],
  evaluateGraph(ctx) {
    const { graph } = ctx;
    const { buckets, unresolved } = transcribeBuckets(ctx, 'output');
    const out: Verdict[] = unresolved
      .filter((u) => graph.isEvaluated(u.from))
      .map((u) => unknown(`the output bucket named by ${u.what} cannot be checked: ${u.reason}`, { resource: u.from, path: u.path, findingKey: 'OutputBucket' }));
    for (const [bucket, refs] of buckets) {
      if (!graph.isEvaluated(bucket)) continue;
      const status = str(get(graph.props(bucket), 'VersioningConfiguration.Status'));
      const context = `output bucket ${bucketLabel(graph, bucket)} (used by ${usedBy(refs)})`;
      const at = { resource: bucket, path: 'VersioningConfiguration.Status' };
      if (status instanceof Unknown) out.push(unknown(`${context}: versioning cannot be known: ${status.reason}`, at));
      else if (status === 'Enabled') out.push(pass(`${context} is versioned`, at));
      else out.push(fail(`${context} is not versioned${status ? ` (${status})` : ''}: overwritten or deleted transcripts cannot be recovered`, at));
    }
    return out;
  },
});
