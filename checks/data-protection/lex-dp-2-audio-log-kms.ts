import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { isCustomerManaged, resolveKey } from '../shared/kms';
import { aliasLabel, enabledLogSettings, escalateIfSensitive } from '../shared/lex';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-DP-2',
  title: 'Enabled audio logs are encrypted with a customer-managed KMS key',
  severity: 'MEDIUM',
  rationale: 'Audio logs are raw voice recordings. Without a KMS key of your own, you cannot control or audit who decrypts them.',
  remediation: 'Set Destination.S3Bucket.KmsKeyArn on every enabled AudioLogSettings entry to a symmetric customer-managed KMS key (not an alias/aws/* key).',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-encrypting.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  reads: [KMS_KEY, KMS_ALIAS],
  evaluate(resource, { graph, classification }) {
    const { settings, unknowns } = enabledLogSettings(graph, resource, 'Audio');
    const verdicts: Verdict[] = [...unknowns];
    for (const { value, path } of settings) {
      const keyPath = `${path}.Destination.S3Bucket.KmsKeyArn`;
      const key = resolveKey(graph, get(value, 'Destination.S3Bucket.KmsKeyArn'));
      if (key === undefined) {
        verdicts.push(fail(`audio logs of ${aliasLabel(resource)} are written without a KMS key`, { path: `${path}.Destination.S3Bucket` }));
        continue;
      }
      if (key instanceof Unknown) {
        verdicts.push(unknown(`KMS key of the audio logs cannot be known: ${key.reason}`, { path: keyPath }));
        continue;
      }
      const customer = isCustomerManaged(graph, key);
      if (customer instanceof Unknown) verdicts.push(unknown(`whether key ${key.label} is customer managed cannot be known: ${customer.reason}`, { path: keyPath }));
      else if (!customer) verdicts.push(fail(`audio logs are encrypted with the AWS-managed key ${key.label}, which you cannot control`, { path: keyPath }));
      else verdicts.push(pass(`audio logs are encrypted with customer-managed key ${key.label}${key.kind === 'external' ? ' (defined outside this run)' : ''}`));
    }
    if (verdicts.length === 0) return notApplicable(`${aliasLabel(resource)} has no enabled audio logs`);
    return escalateIfSensitive(graph, resource, classification, verdicts);
  },
});
