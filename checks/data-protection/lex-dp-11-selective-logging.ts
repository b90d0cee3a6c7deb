import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { aliasLabel, logSettings } from '../shared/lex';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-DP-11',
  title: 'Conversation logs use selective logging where full logging is not needed',
  severity: 'LOW',
  rationale:
    'Conversation logs hold utterances, slot values and audio. With selective logging, only sessions your application flags through session attributes are captured, so less personal data is stored by default.',
  remediation:
    'Set selectiveLoggingEnabled on the alias text and audio log settings (UpdateBotAlias) and flag the sessions to keep with the session attributes; suppress this finding for aliases that must log every conversation.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/monitoring-selective-logging.html',
  // CloudFormation has no SelectiveLoggingEnabled: only DescribeBotAlias shows it.
  modes: ['live'],
  resourceTypes: ALIAS_HOLDERS,
  evaluate(resource, { graph }) {
    const verdicts: Verdict[] = [];
    for (const kind of ['Text', 'Audio'] as const) {
      const settings = logSettings(graph, resource, kind);
      if (settings instanceof Unknown) {
        verdicts.push(unknown(`${kind.toLowerCase()} log settings of ${aliasLabel(resource)}: ${settings.reason}`, { findingKey: kind }));
        continue;
      }
      for (const { value, path } of settings) {
        const enabled = bool(get(value, 'Enabled'));
        if (enabled instanceof Unknown) {
          verdicts.push(unknown(`whether ${kind.toLowerCase()} logging is enabled cannot be known: ${enabled.reason}`, { findingKey: kind, path: `${path}.Enabled` }));
          continue;
        }
        if (!enabled) continue;
        const selective = bool(get(value, 'SelectiveLoggingEnabled'));
        const at = { findingKey: kind, path: `${path}.SelectiveLoggingEnabled` };
        if (selective instanceof Unknown) verdicts.push(unknown(`whether ${kind.toLowerCase()} logging is selective cannot be known: ${selective.reason}`, at));
        else if (selective) verdicts.push(pass(`${aliasLabel(resource)} logs ${kind.toLowerCase()} only for sessions flagged for logging`, at));
        else verdicts.push(fail(`${aliasLabel(resource)} logs the ${kind.toLowerCase()} of every conversation (selective logging is off)`, at));
      }
    }
    return verdicts.length > 0 ? verdicts : notApplicable(`${aliasLabel(resource)} has no enabled conversation logs`);
  },
});
