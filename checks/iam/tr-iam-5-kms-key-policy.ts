import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import { isAllow, parsePolicy } from '../../lib/policy/document';
import { statementLabel, unreadablePrincipal } from '../shared/lex-iam';
import { transcribeKeys, usedBy } from '../shared/transcribe';
import { KMS_ALIAS, KMS_KEY, type KeyProps } from '../../lib/model/types/kms';

export default defineCheck({
  id: 'TR-IAM-5',
  title: 'KMS keys used by Transcribe grant nothing to everyone, and gate use on the encryption context',
  severity: 'LOW',
  rationale:
    'The key that encrypts transcripts decides who can read them. A key-policy statement for Principal "*" without conditions opens that key to any principal; kms:EncryptionContext conditions additionally tie each use of the key to the job it was meant for.',
  remediation:
    'Grant the key to the data-access role and the callers that start jobs by ARN, never to Principal "*" without conditions, and add kms:EncryptionContext:<key> conditions matching the KMSEncryptionContext your jobs pass.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/security_iam_id-based-policy-examples.html#kms-context-policy',
  modes: ['synth', 'live'],
  reads: [KMS_KEY, KMS_ALIAS],
  evaluateGraph(ctx) {
    const { graph } = ctx;
    const { keys, others } = transcribeKeys(graph);
    const out: Verdict[] = [];
    for (const other of others) {
      if (!graph.isEvaluated(other.from) || (!(other.key instanceof Unknown) && other.key.kind === 'aws-managed')) continue;
      const why = other.key instanceof Unknown ? other.key.reason : `key ${other.key.label} ${graph.notHere}`;
      out.push(unknown(`the key policy of the key named by ${other.what} cannot be checked: ${why}`, { resource: other.from, path: other.path, findingKey: 'KeyPolicy' }));
    }
    for (const [key, refs] of keys) {
      if (!graph.isEvaluated(key)) continue;
      const at = (findingKey: string, path = 'KeyPolicy') => ({ resource: key, findingKey, path });
      const doc = parsePolicy(graph.props<KeyProps>(key).KeyPolicy);
      if (doc instanceof Unknown) {
        out.push(unknown(`the key policy cannot be read: ${doc.reason}`, at('KeyPolicy')));
        continue;
      }
      const verdicts: Verdict[] = [];
      for (const stmt of doc?.statements ?? []) {
        if (!isAllow(stmt)) continue;
        const path = `KeyPolicy.Statement.${stmt.index}`;
        const unreadable = unreadablePrincipal(stmt);
        if (unreadable) verdicts.push(unknown(`the principal of ${statementLabel(stmt)} cannot be known: ${unreadable.reason}`, at(`Statement[${stmt.index}]::Principal`, path)));
        else if ((stmt.principal?.wildcard || stmt.notPrincipal) && stmt.conditions.isEmpty) {
          // Any AWS account could use the key Transcribe output is encrypted with: public exposure, HIGH.
          verdicts.push(fail(`${statementLabel(stmt)} allows every principal without conditions`, { ...at(`Statement[${stmt.index}]::Principal::*`, path), severity: 'HIGH' }));
        }
      }
      // Without a KeyPolicy, KMS applies the default policy: the account root only.
      const gated = (doc?.statements ?? []).some((s) => s.conditions.hasPrefix('kms:EncryptionContext:'));
      if (!gated) {
        verdicts.push(fail('no statement gates use of the key on kms:EncryptionContext:* conditions (advisory)', { ...at('Condition::kms:EncryptionContext'), severity: 'INFO' }));
      }
      const context = `key ${key.logicalId} (used by ${usedBy(refs)})`;
      out.push(...(verdicts.length > 0 ? verdicts.map((v) => ({ ...v, reason: `${context}: ${v.reason}` })) : [pass(`${context}: grants nothing to everyone and gates use on the encryption context`, at('KeyPolicy'))]));
    }
    return out;
  },
});
