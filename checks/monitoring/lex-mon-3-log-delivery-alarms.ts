import { defineCheck, notApplicable } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import { Unknown } from '../../lib/model/values';
import { alarmVerdicts } from '../shared/alarms';
import { logSettings } from '../shared/lex';
import { ALARM } from '../../lib/model/types/cloudwatch';
import { ALIAS_HOLDERS, BOT, BOT_ALIAS } from '../../lib/model/types/lex';

/** Is some alias writing (or possibly writing) conversation logs of this kind? */
function logsOn(graph: ResourceGraph, kind: 'Audio' | 'Text'): boolean {
  return graph.ofType(...ALIAS_HOLDERS).some((holder) => {
    const settings = logSettings(graph, holder, kind);
    if (settings instanceof Unknown) return true;
    return settings.some(({ value }) => {
      const enabled = bool(get(value, 'Enabled'));
      return enabled === true || enabled instanceof Unknown;
    });
  });
}

export default defineCheck({
  id: 'LEX-MON-3',
  title: 'Alarms notify on conversation-log delivery failures',
  severity: 'LOW',
  rationale:
    'When Lex cannot write conversation logs (a KMS key policy, bucket policy or role mistake), it drops them silently and reports only the ConversationLogs*DeliveryFailure metrics. Without an alarm, the audit trail of conversations is lost unnoticed.',
  remediation:
    'Create CloudWatch alarms on AWS/Lex ConversationLogsTextDeliveryFailure and ConversationLogsAudioDeliveryFailure (for the kinds of logs you enable) with an AlarmActions target such as an SNS topic.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-monitoring.html',
  modes: ['synth', 'live'],
  reads: [ALARM, ...ALIAS_HOLDERS],
  // Delivery-failure metrics carry the bot's dimensions, so their alarms belong with the bot: absence is a
  // FAIL at the catalog severity, not a baseline INFO.
  evaluateGraph({ graph }) {
    const anchor = graph.anchor(BOT, BOT_ALIAS);
    if (!anchor) return [];
    const metrics = [
      ...(logsOn(graph, 'Text') ? ['ConversationLogsTextDeliveryFailure'] : []),
      ...(logsOn(graph, 'Audio') ? ['ConversationLogsAudioDeliveryFailure'] : []),
    ];
    if (metrics.length === 0) return [notApplicable('no alias writes conversation logs', { resource: anchor })];
    return alarmVerdicts(graph, { anchor, namespace: 'AWS/Lex', metrics });
  },
});
