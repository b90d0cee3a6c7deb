import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { parseArn } from '../../lib/model/arn';
import { Unknown, render } from '../../lib/model/values';
import { keyFacts } from '../shared/kms';
import { transcribeKeys, usedBy } from '../shared/transcribe';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';

export default defineCheck({
  id: 'TR-DP-3',
  title: 'Keys used by Transcribe are symmetric, customer managed, enabled and rotated',
  severity: 'LOW',
  rationale:
    'Transcribe needs symmetric keys (encryption context requires them); an AWS-managed key leaves the transcripts outside your key policy, and an unrotated key keeps old key material in use indefinitely. A key of another account must be named by its full ARN or Transcribe cannot find it.',
  remediation:
    'Use a symmetric (SYMMETRIC_DEFAULT) customer-managed key with EnableKeyRotation: true for OutputEncryptionKMSKeyId, and name keys of other accounts by their full key ARN.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/data-encryption.html',
  modes: ['synth', 'live'],
  reads: [KMS_KEY, KMS_ALIAS],
  evaluateGraph(ctx) {
    const { graph } = ctx;
    const { keys, others } = transcribeKeys(graph);
    const out: Verdict[] = [];
    for (const other of others) {
      if (!graph.isEvaluated(other.from)) continue;
      // A key that cannot be known is keyed by what names it: its reason (a date, a job status) changes from run to run.
      const at = { resource: other.from, path: other.path, findingKey: `Key::${other.value instanceof Unknown ? other.what : render(other.value)}` };
      if (other.key instanceof Unknown) out.push(unknown(`the key named by ${other.what} cannot be known: ${other.key.reason}`, at));
      else if (other.key.kind === 'aws-managed') out.push(fail(`${other.what} is the AWS-managed key ${other.key.label}, not a customer-managed key`, at));
      else {
        const arn = parseArn(other.key.label);
        const own = other.from.stack.account;
        if (arn && /^\d{12}$/.test(arn.account) && own !== undefined && arn.account !== own) {
          out.push(pass(`key ${other.key.label} of account ${arn.account} is named by its full ARN (${other.what}); its spec and rotation are checked in that account`, at));
        } else {
          const where = ctx.graph.notHere;
          out.push(unknown(`key ${other.key.label} (${other.what}) ${where}: its spec and rotation cannot be checked`, at));
        }
      }
    }
    for (const [key, refs] of keys) {
      if (!graph.isEvaluated(key)) continue;
      for (const fact of keyFacts(graph, key)) {
        const extra = { resource: key, findingKey: fact.aspect, path: fact.property };
        const reason = `${fact.detail} (used by ${usedBy(refs)})`;
        out.push(fact.ok instanceof Unknown ? unknown(reason, extra) : fact.ok ? pass(reason, extra) : fail(reason, extra));
      }
    }
    return out;
  },
});
