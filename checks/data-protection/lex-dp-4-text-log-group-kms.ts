import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Unknown, render } from '../../lib/model/values';
import { CLASSIFICATION_OPTIONS } from '../shared/classification';
import { KMS_KEY } from '../shared/kms';
import { ALIAS_HOLDERS, LOG_GROUP, aliasLabel, escalateIfSensitive, logDestinations } from '../shared/lex';

export default defineCheck({
  id: 'LEX-DP-4',
  title: 'The CloudWatch Logs group receiving text logs is KMS-encrypted',
  service: 'lex',
  topic: 'data-protection',
  severity: 'MEDIUM',
  rationale: 'Text logs hold transcripts and slot values. Lex has no key setting for them: only a KMS key on the log group puts their decryption under your key policy.',
  remediation: 'Set KmsKeyId on the log group named by TextLogSettings (CDK: logs.LogGroup encryptionKey) to a customer-managed KMS key that CloudWatch Logs may use.',
  docs: 'https://docs.aws.amazon.com/lex/latest/dg/conversation-logs-encrypting.html',
  modes: ['synth', 'live'],
  options: { ...CLASSIFICATION_OPTIONS },
  resourceTypes: ALIAS_HOLDERS,
  reads: [LOG_GROUP, KMS_KEY],
  evaluate(resource, ctx) {
    const { destinations, unknowns } = logDestinations(ctx, resource, 'Text');
    const verdicts: Verdict[] = [...unknowns];
    for (const { target, targetPath } of destinations) {
      if (target instanceof Unknown) {
        verdicts.push(unknown(target.reason, { path: targetPath }));
        continue;
      }
      const key = ctx.graph.props(target).KmsKeyId;
      if (key === undefined) verdicts.push(fail(`text logs of ${aliasLabel(resource)} go to log group ${target.logicalId}, which has no KMS key`, { path: targetPath }));
      else if (key instanceof Unknown) verdicts.push(unknown(`KMS key of log group ${target.logicalId} cannot be known: ${key.reason}`, { path: targetPath }));
      else verdicts.push(pass(`log group ${target.logicalId} is encrypted with ${render(key)}`));
    }
    if (verdicts.length === 0) return notApplicable(`${aliasLabel(resource)} has no enabled text logs`);
    return escalateIfSensitive(ctx.graph, resource, ctx.options, verdicts);
  },
});
