import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get } from '../../lib/engine/read';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { keyFacts, resolveKey } from '../shared/kms';
import { aliasLabel, enabledLogSettings, logDestinations } from '../shared/lex';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';
import { LOG_GROUP, type LogGroupProps } from '../../lib/model/types/logs';

/** One place a Lex log is encrypted with a key: the alias holder, the key value, and the property. */
interface KeyUse {
  holder: Resource;
  value: unknown;
  /** Property path on `on` (the holder, or the log group for text logs). */
  path: string;
  on: Resource;
  what: string;
}

export default defineCheck({
  id: 'LEX-DP-3',
  title: 'Keys used for Lex logs are symmetric, customer managed, enabled and rotated',
  severity: 'LOW',
  rationale: 'Lex can only use symmetric keys; an AWS-managed key leaves access to the logs outside your key policy, and an unrotated key keeps old key material in use indefinitely.',
  remediation: 'Encrypt audio logs and the text-log group with a symmetric (SYMMETRIC_DEFAULT) customer-managed KMS key that is enabled and has EnableKeyRotation: true.',
  docs: 'https://docs.aws.amazon.com/lex/latest/dg/conversation-logs-encrypting.html',
  modes: ['synth', 'live'],
  reads: [...ALIAS_HOLDERS, KMS_KEY, KMS_ALIAS, LOG_GROUP],
  evaluateGraph(ctx) {
    const { graph } = ctx;
    const uses: KeyUse[] = [];
    const out: Verdict[] = [];
    for (const holder of graph.ofType(...ALIAS_HOLDERS).filter((r) => graph.isEvaluated(r))) {
      for (const { value, path } of enabledLogSettings(graph, holder, 'Audio').settings) {
        const keyPath = `${path}.Destination.S3Bucket.KmsKeyArn`;
        const key = get(value, 'Destination.S3Bucket.KmsKeyArn');
        if (key !== undefined) uses.push({ holder, value: key, path: keyPath, on: holder, what: `audio logs of ${aliasLabel(holder)}` });
      }
      for (const d of logDestinations(ctx, holder, 'Text').destinations) {
        if (d.target instanceof Unknown) {
          out.push(unknown(`key of the text logs of ${aliasLabel(holder)} cannot be known: ${d.target.reason}`, { resource: holder, path: d.targetPath }));
          continue;
        }
        const key = graph.props<LogGroupProps>(d.target).KmsKeyId;
        if (key !== undefined) uses.push({ holder, value: key, path: 'KmsKeyId', on: d.target, what: `log group ${d.target.logicalId} (text logs of ${aliasLabel(holder)})` });
      }
    }

    const judged = new Set<Resource>();
    for (const use of uses) {
      const on = graph.isEvaluated(use.on) ? use.on : use.holder;
      const key = resolveKey(graph, use.value);
      if (key === undefined) continue;
      if (key instanceof Unknown) {
        out.push(unknown(`the key of ${use.what} cannot be known: ${key.reason}`, { resource: on, path: use.path }));
      } else if (key.kind === 'aws-managed') {
        out.push(fail(`${use.what} use the AWS-managed key ${key.label}, not a customer-managed key`, { resource: on, path: use.path, findingKey: 'KeyManager' }));
      } else if (key.kind === 'external') {
        const where = ctx.graph.notHere;
        out.push(unknown(`key ${key.label} of ${use.what} ${where}: its spec, state and rotation cannot be checked`, { resource: on, path: use.path }));
      } else if (!judged.has(key.key)) {
        judged.add(key.key);
        const target = graph.isEvaluated(key.key) ? key.key : on;
        for (const fact of keyFacts(graph, key.key)) {
          const extra = { resource: target, findingKey: fact.aspect, path: target === key.key ? fact.property : undefined };
          const reason = `${fact.detail} (encrypts ${use.what})`;
          if (fact.ok instanceof Unknown) out.push(unknown(reason, extra));
          else out.push(fact.ok ? pass(reason, extra) : fail(reason, extra));
        }
      }
    }
    return out;
  },
});
