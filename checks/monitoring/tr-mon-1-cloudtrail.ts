import { defineCheck } from '../../lib/engine/check';
import { TRANSCRIBE_EVENT_SOURCE, TRANSCRIBE_TYPES, transcribeWorkload } from '../shared/transcribe';
import { trailVerdicts } from '../shared/trail';
import { TRAIL } from '../../lib/model/types/cloudtrail';

export default defineCheck({
  id: 'TR-MON-1',
  title: 'An active multi-Region CloudTrail trail records Transcribe management events',
  severity: 'HIGH',
  rationale:
    'Transcribe job responses never show the output key or encryption context: the Start*Job events in CloudTrail are the only record of those choices, and of who started, read or deleted jobs. (CloudTrail records S3 URIs as empty strings, so it cannot replace bucket checks.)',
  remediation:
    'Use (or deploy) a trail with IsLogging, IsMultiRegionTrail, IncludeGlobalServiceEvents and EnableLogFileValidation on, a KMSKeyId, and event selectors recording read and write management events without excluding transcribe.amazonaws.com.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/monitoring-transcribe-cloud-trail.html',
  modes: ['synth', 'live'],
  // The workload too: an account scan that could not read it cannot say the control is not needed.
  reads: [TRAIL, ...TRANSCRIBE_TYPES],
  evaluateGraph(ctx) {
    return trailVerdicts(ctx, transcribeWorkload(ctx.graph), TRANSCRIBE_EVENT_SOURCE);
  },
});
