import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import { Unknown, render } from '../../lib/model/values';
import { ALIAS_HOLDERS, aliasLabel, logSettings } from '../shared/lex';

export default defineCheck({
  id: 'LEX-DP-2',
  title: 'Enabled audio logs are encrypted with a customer-managed KMS key',
  service: 'lex',
  topic: 'data-protection',
  severity: 'MEDIUM',
  rationale: 'Audio logs are raw voice recordings. Without a KMS key of your own, you cannot control or audit who decrypts them.',
  remediation: 'Set Destination.S3Bucket.KmsKeyArn on every enabled AudioLogSettings entry to a symmetric customer-managed KMS key.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-encrypting.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  evaluate(resource, { graph }) {
    const settings = logSettings(graph, resource, 'Audio');
    if (settings instanceof Unknown) return unknown(`audio log settings of ${aliasLabel(resource)}: ${settings.reason}`);
    const verdicts: Verdict[] = [];
    for (const { value, path } of settings) {
      const enabled = bool(get(value, 'Enabled'));
      if (enabled instanceof Unknown) {
        verdicts.push(unknown(`whether audio logging is enabled cannot be known: ${enabled.reason}`, { path: `${path}.Enabled` }));
        continue;
      }
      if (!enabled) continue;
      const key = get(value, 'Destination.S3Bucket.KmsKeyArn');
      if (key === undefined) verdicts.push(fail(`audio logs of ${aliasLabel(resource)} are written without a KMS key`, { path: `${path}.Destination.S3Bucket` }));
      else if (key instanceof Unknown) verdicts.push(unknown(`KMS key of the audio logs cannot be known: ${key.reason}`, { path: `${path}.Destination.S3Bucket.KmsKeyArn` }));
      else verdicts.push(pass(`audio logs are encrypted with ${render(key)}`));
    }
    return verdicts.length > 0 ? verdicts : notApplicable(`${aliasLabel(resource)} has no enabled audio logs`);
  },
});
