import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { BOT, type BotProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-MON-5',
  title: 'Bot error logging is enabled',
  severity: 'LOW',
  rationale:
    'Error logs record the errors Amazon Lex meets while handling conversations. Without them, failures users see leave no trace to investigate.',
  remediation: 'Set ErrorLogSettings.Enabled to true on the bot.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/APIReference/API_ErrorLogSettings.html',
  modes: ['synth', 'live'],
  resourceTypes: [BOT],
  evaluate(resource, { graph }) {
    const enabled = bool(get(graph.props<BotProps>(resource), 'ErrorLogSettings.Enabled'));
    if (enabled instanceof Unknown) return unknown(`whether error logging is enabled cannot be known: ${enabled.reason}`, { path: 'ErrorLogSettings.Enabled' });
    if (enabled) return pass(`bot ${resource.logicalId} has error logging enabled`);
    return fail(`bot ${resource.logicalId} has error logging ${enabled === false ? 'disabled' : 'not configured'}`, { path: 'ErrorLogSettings' });
  },
});
