import { defineCheck } from '../../lib/engine/check';
import { findOrReportAbsent } from '../shared/app-level';
import { recorderVerdicts } from '../shared/config-recorder';
import { TRANSCRIBE_TYPES, transcribeWorkload } from '../shared/transcribe';
import { RECORDER, DELIVERY_CHANNEL } from '../../lib/model/types/config';
import { S3_BUCKET } from '../../lib/model/types/s3';
import { KMS_KEY } from '../../lib/model/types/kms';
import { ROLE } from '../../lib/model/types/iam';

/** What Transcribe jobs depend on (it has no Config resource types of its own). */
const DEPENDENCIES = [S3_BUCKET, KMS_KEY, ROLE];

export default defineCheck({
  id: 'TR-MON-4',
  title: 'AWS Config is recording in every Region where Transcribe is used',
  severity: 'MEDIUM',
  rationale:
    "Transcribe's security best practices call for AWS Config: it keeps the configuration history of the buckets, keys, roles and endpoints your jobs depend on, so drift in any of them can be seen and traced.",
  remediation: `Run an AWS Config configuration recorder (recording ${DEPENDENCIES.join(', ')}, or all supported types) with a delivery channel in every Region where Transcribe is used, usually from an account baseline.`,
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/security-best-practices.html',
  // Recorders and channels are regional singletons from a baseline stack: absence from an app is INFO.
  synth: {
    reads: [RECORDER, DELIVERY_CHANNEL, ...TRANSCRIBE_TYPES],
    evaluateGraph(ctx) {
      const workload = transcribeWorkload(ctx.graph);
      return [
        ...recorderVerdicts(ctx, { workload, types: DEPENDENCIES, baselineSeverity: 'INFO' }),
        ...findOrReportAbsent(ctx, {
          types: [DELIVERY_CHANNEL],
          workload,
          scope: 'region',
          absent: {
            reason: 'no AWS Config delivery channel is defined in this app (usually in a baseline stack); verify with `lexscribe audit`',
            severity: 'INFO',
            findingKey: `Missing::${DELIVERY_CHANNEL}`,
          },
        }),
      ];
    },
  },
  // A recorder that is recording delivers: the collectors read no channel.
  live: {
    reads: [RECORDER, DELIVERY_CHANNEL, ...TRANSCRIBE_TYPES],
    evaluateGraph: (ctx) => recorderVerdicts(ctx, { workload: transcribeWorkload(ctx.graph), types: DEPENDENCIES, baselineSeverity: 'INFO' }),
  },
});
