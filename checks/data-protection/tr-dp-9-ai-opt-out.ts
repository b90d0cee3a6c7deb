import { defineCheck } from '../../lib/engine/check';
import { evaluatePolicy, mayBeAiOptOutPolicy } from '../shared/ai-opt-out';
import { findOrReportAbsent } from '../shared/app-level';
import { TRANSCRIBE_TYPES, transcribeWorkload } from '../shared/transcribe';
import { AI_OPT_OUT_POLICY, ORG_POLICY } from '../../lib/model/types/organizations';

export default defineCheck({
  id: 'TR-DP-9',
  title: "The organization's AI-services opt-out policy opts Transcribe out of content use",
  severity: 'MEDIUM',
  rationale: 'Unless opted out, AWS may store and use the audio and transcripts Transcribe processes to develop and improve its services, outside the controls you set on your own buckets.',
  remediation: `Attach an ${AI_OPT_OUT_POLICY} whose content sets services.transcribe (or services.default) opt_out_policy "@@assign": "optOut", from the organization's management account.`,
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/opt-out.html',
  modes: ['synth', 'live'],
  // The workload too: an account scan that could not read it cannot say the control is not needed.
  reads: [ORG_POLICY, ...TRANSCRIBE_TYPES],
  // Apps often use Transcribe without any Transcribe resource (jobs from a state machine, a data-access
  // role), so the workload is found per run rather than by a fixed list of types.
  evaluateGraph(ctx) {
    return findOrReportAbsent(ctx, {
      types: [ORG_POLICY],
      matches: (r) => mayBeAiOptOutPolicy(ctx.graph, r),
      workload: transcribeWorkload(ctx.graph),
      evaluate: (r) => evaluatePolicy(ctx.graph, r, 'transcribe'),
      absent: {
        reason: "no AI-services opt-out policy is defined in this app (usually managed in the organization's management account)",
        liveReason: 'no AI-services opt-out policy applies to this account, so AWS may use transcribe content to improve its services',
        severity: 'INFO',
      },
    });
  },
});
