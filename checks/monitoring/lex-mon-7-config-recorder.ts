import { defineCheck } from '../../lib/engine/check';
import { recorderVerdicts } from '../shared/config-recorder';
import { RECORDER } from '../../lib/model/types/config';
import { BOT, BOT_ALIAS } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-MON-7',
  title: 'AWS Config records Lex bots and aliases',
  severity: 'LOW',
  rationale:
    'AWS Config keeps the configuration history of bots and aliases (log settings, versions, roles), which CloudTrail events alone do not show as state. Without it, drift and past configurations cannot be reviewed.',
  remediation:
    'Record AWS::Lex::Bot and AWS::Lex::BotAlias (or all supported types) with an AWS Config configuration recorder in every Region where bots run.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/compliance.html',
  modes: ['synth', 'live'],
  // The workload too: an account scan that could not read it cannot say the control is not needed.
  reads: [RECORDER, BOT, BOT_ALIAS],
  // A Region has one recorder, normally deployed by a baseline stack: absence from an app is INFO.
  evaluateGraph(ctx) {
    return recorderVerdicts(ctx, { workload: ctx.graph.ofType(BOT, BOT_ALIAS), types: [BOT, BOT_ALIAS], baselineSeverity: 'INFO' });
  },
});
