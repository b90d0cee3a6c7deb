import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import { statementLabel } from '../shared/lex-iam';
import { confusedDeputyGaps } from '../shared/trust';
import { isServiceLinkedRole, trustStatementsFor } from '../../lib/policy/trust';
import { LEX_V2_PRINCIPAL } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-IAM-10',
  title: 'Roles trusted by Lex V2 carry aws:SourceAccount and aws:SourceArn conditions (advisory)',
  severity: 'LOW',
  rationale:
    "Without aws:SourceAccount/aws:SourceArn in its trust policy, a role trusted by lexv2.amazonaws.com could be assumed by Lex on behalf of another account's bot (confused deputy). Advisory: the Lex documentation's own trust example omits the conditions, so verify Lex supplies them for your use before failing builds on this.",
  remediation:
    'Add Condition StringEquals aws:SourceAccount = your account and ArnLike aws:SourceArn = arn:aws:lex:REGION:ACCOUNT:bot/* (or the bot ARN) to the lexv2.amazonaws.com trust statement.',
  docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  modes: ['synth', 'live'],
  resourceTypes: ['AWS::IAM::Role'],
  evaluate(role, { graph }) {
    if (isServiceLinkedRole(graph, role)) return notApplicable('service-linked role: its trust policy is defined by AWS');
    const statements = trustStatementsFor(graph, role, [LEX_V2_PRINCIPAL]);
    if (statements instanceof Unknown) return unknown(`whether Lex can assume the role cannot be known: ${statements.reason}`, { path: 'AssumeRolePolicyDocument' });
    if (statements.length === 0) return notApplicable(`the role is not trusted by ${LEX_V2_PRINCIPAL}`);
    const verdicts: Verdict[] = [];
    for (const stmt of statements) {
      const path = `AssumeRolePolicyDocument.Statement.${stmt.index}`;
      const gaps = confusedDeputyGaps(stmt);
      if (gaps instanceof Unknown) verdicts.push(unknown(`conditions of ${statementLabel(stmt)} cannot be known: ${gaps.reason}`, { findingKey: `Statement[${stmt.index}]::Condition`, path }));
      else for (const gap of gaps) verdicts.push(fail(`trust ${statementLabel(stmt)} lets ${LEX_V2_PRINCIPAL} assume the role, but ${gap.detail}`, { findingKey: `Statement[${stmt.index}]::Condition::${gap.key}`, path }));
    }
    return verdicts.length > 0 ? verdicts : pass(`the ${LEX_V2_PRINCIPAL} trust is bound to a source account and ARN`);
  },
});
