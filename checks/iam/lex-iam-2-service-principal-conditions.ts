import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Unknown, render } from '../../lib/model/values';
import { dedupe, resourcePolicy, statementLabel, unreadablePrincipal } from '../shared/lex-iam';
import { confusedDeputyGaps } from '../shared/trust';
import { RESOURCE_POLICY } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-IAM-2',
  title: 'Resource-policy statements for AWS services carry aws:SourceAccount and aws:SourceArn',
  severity: 'MEDIUM',
  rationale:
    'A statement that lets a service (connect.amazonaws.com, lambda.amazonaws.com...) call the bot without aws:SourceAccount and aws:SourceArn lets that service act on behalf of any of its customers: the confused-deputy problem.',
  remediation:
    'Add both conditions to every statement with a service principal: StringEquals aws:SourceAccount = your account, and ArnEquals/ArnLike aws:SourceArn = the calling resource (e.g. the Connect instance ARN).',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_resource-based-policy-examples.html',
  modes: ['synth', 'live'],
  resourceTypes: [RESOURCE_POLICY],
  evaluate(resource, { graph }) {
    const doc = resourcePolicy(graph, resource);
    if (doc instanceof Unknown) return unknown(`the policy cannot be read: ${doc.reason}`, { path: 'Policy' });
    const verdicts: Verdict[] = [];
    let services = 0;
    for (const stmt of doc?.statements ?? []) {
      if (stmt.effect === 'Deny') continue;
      const path = `Policy.Statement.${stmt.index}`;
      const unreadable = unreadablePrincipal(stmt);
      if (unreadable) {
        verdicts.push(unknown(`the principal of ${statementLabel(stmt)} cannot be known: ${unreadable.reason}`, { findingKey: `Statement[${stmt.index}]::Principal`, path: `${path}.Principal` }));
        continue;
      }
      const named = (stmt.principal?.service ?? []).map(render);
      if (named.length === 0) continue;
      services++;
      const gaps = confusedDeputyGaps(stmt);
      if (gaps instanceof Unknown) {
        verdicts.push(unknown(`conditions of ${statementLabel(stmt)} cannot be known: ${gaps.reason}`, { findingKey: `Statement[${stmt.index}]::Condition`, path: `${path}.Condition` }));
        continue;
      }
      for (const gap of gaps) {
        verdicts.push(fail(`${statementLabel(stmt)} lets ${named.join(', ')} call the bot, but ${gap.detail}`, { findingKey: `Statement[${stmt.index}]::Condition::${gap.key}`, path: `${path}.Condition` }));
      }
    }
    if (verdicts.length > 0) return dedupe(verdicts);
    if (services === 0) return notApplicable('no Allow statement names an AWS service principal');
    return pass(`every statement with a service principal is bound to a source account and ARN`);
  },
});
