import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { openBranch } from '../../lib/engine/read';
import { Unknown, render } from '../../lib/model/values';
import { aliasLabel, escalateIfSensitive, logDestinationVerdicts } from '../shared/lex';
import { KMS_KEY } from '../../lib/model/types/kms';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';
import { LOG_GROUP, LOG_GROUP_ALLOWED, type LogGroupProps } from '../../lib/model/types/logs';
import { invalidValue } from '../../lib/model/types/view';

export default defineCheck({
  id: 'LEX-DP-4',
  title: 'The CloudWatch Logs group receiving text logs is KMS-encrypted',
  severity: 'MEDIUM',
  rationale: 'Text logs hold transcripts and slot values. Lex has no key setting for them: only a KMS key on the log group puts their decryption under your key policy.',
  remediation: 'Set KmsKeyId on the log group named by TextLogSettings (CDK: logs.LogGroup encryptionKey) to a customer-managed KMS key that CloudWatch Logs may use.',
  docs: 'https://docs.aws.amazon.com/lex/latest/dg/conversation-logs-encrypting.html',
  modes: ['synth', 'live'],
  resourceTypes: ALIAS_HOLDERS,
  reads: [LOG_GROUP, KMS_KEY],
  evaluate(resource, ctx) {
    const verdicts = logDestinationVerdicts(ctx, resource, 'Text', (target, targetPath) => {
      const key = ctx.graph.props<LogGroupProps>(target).KmsKeyId;
      if (key === undefined) return fail(`text logs of ${aliasLabel(resource)} go to log group ${target.logicalId}, which has no KMS key`, { path: targetPath });
      if (key instanceof Unknown) return unknown(`KMS key of log group ${target.logicalId} cannot be known: ${key.reason}`, { path: targetPath });
      const open = openBranch(key);
      if (open) return unknown(`KMS key of log group ${target.logicalId} is ${open.reason}`, { path: targetPath });
      const invalid = invalidValue(key, LOG_GROUP_ALLOWED.KmsKeyId);
      if (invalid) return fail(`KmsKeyId of log group ${target.logicalId}: ${invalid}, as CloudFormation requires: the value is invalid, so the group is not encrypted with a key of yours`, { path: targetPath });
      return pass(`log group ${target.logicalId} is encrypted with ${render(key)}`);
    });
    if (verdicts.length === 0) return notApplicable(`${aliasLabel(resource)} has no enabled text logs`);
    return escalateIfSensitive(ctx.graph, resource, ctx.classification, verdicts);
  },
});
