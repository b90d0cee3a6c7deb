import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import { aliasLabel, childDirected, enabledLogSettings } from '../shared/lex';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';
import { botOf } from '../../lib/model/relations/lex';

export default defineCheck({
  id: 'LEX-DP-10',
  title: 'A child-directed bot has no conversation logging configured',
  severity: 'LOW',
  rationale: 'Lex does not allow conversation logs for bots subject to COPPA: such a configuration contradicts the declared audience and fails at deploy time or stores what must not be stored.',
  remediation: 'Turn off text and audio conversation logs on every alias (and the test alias) of a bot with DataPrivacy.ChildDirected true, or correct ChildDirected.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/monitoring-logs.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  evaluate(resource, { graph }) {
    const bot = botOf(graph, resource);
    const botName = bot instanceof Unknown || bot === undefined ? 'the bot' : `bot ${bot.logicalId}`;
    const child =
      bot instanceof Unknown ? new Unknown(`the bot of ${aliasLabel(resource)} cannot be known: ${bot.reason}`)
      : bot === undefined ? new Unknown(`the bot of ${aliasLabel(resource)} is not in this run`)
      : childDirected(graph, bot);
    if (child === false || child === undefined) return notApplicable(`${botName} is not child-directed`);
    const text = enabledLogSettings(graph, resource, 'Text');
    const audio = enabledLogSettings(graph, resource, 'Audio');
    const [logging] = [...text.settings, ...audio.settings];
    if (logging && child instanceof Unknown) {
      return unknown(`${aliasLabel(resource)} logs conversations, and whether ${botName} is child-directed cannot be known: ${child.reason}`, { path: logging.path });
    }
    if (logging) return fail(`${botName} is child-directed but ${aliasLabel(resource)} logs conversations`, { path: logging.path });
    const doubts = [...text.unknowns, ...audio.unknowns];
    return doubts.length > 0 ? doubts : pass(`${aliasLabel(resource)} logs no conversations`);
  },
});
