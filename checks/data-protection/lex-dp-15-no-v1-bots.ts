import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import { LEX_V1_BOT, type LexV1BotProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-DP-15',
  title: 'No Lex V1 bots remain',
  severity: 'LOW',
  rationale:
    'Lex V1 kept utterances for 15 days and voice input indefinitely, and reached end of support on 2025-09-15. A V1 bot left behind is unmanaged legacy data with no current controls.',
  remediation: 'Migrate remaining V1 bots to Lex V2 (or export them), then delete the V1 bots, their aliases and stored utterances.',
  docs: 'https://docs.aws.amazon.com/lex/latest/dg/data-protection.html',
  // Lex V1 has no CloudFormation types.
  modes: ['live'],
  evaluateGraph({ graph }) {
    const out: Verdict[] = [];
    const bots = graph.ofType(LEX_V1_BOT).filter((b) => graph.isEvaluated(b));
    for (const bot of bots) {
      const name = str(graph.props<LexV1BotProps>(bot).Name);
      out.push(fail(`Lex V1 bot ${typeof name === 'string' ? name : bot.logicalId} remains after the end of support of Lex V1`, { resource: bot }));
    }
    // Without its V1 endpoint a Region can hold no reachable V1 bot: not knowing is informational.
    const unreadable = new Set<string>();
    for (const gap of graph.gaps) {
      if (!gap.types.includes(LEX_V1_BOT)) continue;
      unreadable.add(gap.stack.name);
      out.push(unknown(`Lex V1 bots cannot be listed: ${gap.reason}`, { resource: graph.stackResource(gap.stack), severity: 'INFO' }));
    }
    for (const stack of graph.stacks) {
      // The account-wide scope of global services holds no Region's bots.
      if (stack.region === undefined || stack.region === 'global' || unreadable.has(stack.name)) continue;
      if (bots.some((b) => b.stack.name === stack.name)) continue;
      out.push(pass(`no Lex V1 bot in ${stack.region}`, { resource: graph.stackResource(stack) }));
    }
    return out;
  },
});
