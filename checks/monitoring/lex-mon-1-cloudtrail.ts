import { defineCheck } from '../../lib/engine/check';
import { trailVerdicts } from '../shared/trail';
import { BOT, BOT_ALIAS } from '../../lib/model/types/lex';
import { TRAIL } from '../../lib/model/types/cloudtrail';

export default defineCheck({
  id: 'LEX-MON-1',
  title: 'An active multi-Region CloudTrail trail records Lex management events',
  severity: 'HIGH',
  rationale:
    'CloudTrail is the only record of who created, changed or deleted bots, aliases and resource policies. Without an active, validated, encrypted multi-Region trail, a change to a bot cannot be traced or proven.',
  remediation:
    'Use (or deploy) a trail with IsLogging, IsMultiRegionTrail, IncludeGlobalServiceEvents and EnableLogFileValidation on, a KMSKeyId, and event selectors that record read and write management events without excluding lex.amazonaws.com.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/logging-using-cloudtrail.html',
  modes: ['synth', 'live'],
  // The workload too: an account scan that could not read it cannot say the control is not needed.
  reads: [TRAIL, BOT, BOT_ALIAS],
  // A trail is usually defined once per organization or account; only apps with Lex resources need one.
  evaluateGraph(ctx) {
    return trailVerdicts(ctx, ctx.graph.ofType(BOT, BOT_ALIAS), 'lex.amazonaws.com');
  },
});
