import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { isAllow, onAnyResource, parsePolicy } from '../../lib/policy/document';
import { managedPolicyArns } from '../../lib/policy/identity';
import { dedupe, statementLabel, unreadablePrincipal } from '../shared/lex-iam';
import { BOT, LEX_V2_PRINCIPAL } from '../../lib/model/types/lex';
import { serviceName } from '../../lib/policy/trust';
import { policiesOf } from '../../lib/model/relations/iam';
import { botRole } from '../../lib/model/relations/lex';
import { MANAGED_POLICY, type RoleProps } from '../../lib/model/types/iam';

export default defineCheck({
  id: 'LEX-IAM-7',
  title: 'A customer-managed bot role trusts only Lex V2 and grants no wildcard actions or resources',
  severity: 'MEDIUM',
  rationale:
    'Lex assumes the bot role on every conversation. A role others can assume, or one with "*" actions or resources, gives the bot (and anyone who can assume the role) far more than Polly, sentiment, log and key access.',
  remediation:
    'Trust only lexv2.amazonaws.com, and grant only what enabled features need: polly:SynthesizeSpeech, comprehend:DetectSentiment, logs:CreateLogStream/PutLogEvents on the log group, s3:PutObject on bucket/*, kms:GenerateDataKey on the audio key. Or use the Lex V2 service-linked role.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-policies.html',
  modes: ['synth', 'live'],
  resourceTypes: [BOT],
  reads: ['AWS::IAM::Role', 'AWS::IAM::ServiceLinkedRole', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  evaluate(bot, { graph }) {
    const role = botRole(graph, bot);
    if (role === undefined) return unknown('the bot has no RoleArn, so its role cannot be checked', { path: 'RoleArn' });
    if (role instanceof Unknown) return unknown(`the bot role cannot be known: ${role.reason}`, { path: 'RoleArn' });
    if (role.kind === 'slr') return notApplicable(`the bot uses a service-linked role (${role.label}); see LEX-SLR-1`);
    if (role.kind === 'external') return unknown(`the bot role ${role.arn} is not defined in this app`, { path: 'RoleArn' });
    const verdicts = dedupe([...trustVerdicts(graph, role.role), ...permissionVerdicts(graph, role.role)]);
    // Findings sit on the role, where the fix goes; the reason names the bot that assumes it.
    return verdicts.length > 0 ? verdicts.map((v) => ({ ...v, reason: `bot ${bot.logicalId}: ${v.reason}`, resource: role.role })) : pass(`bot role ${role.role.logicalId} trusts only ${LEX_V2_PRINCIPAL} and grants no wildcard actions or resources`);
  },
});

/** Every Allow statement of the trust policy must name lexv2.amazonaws.com and nothing else. */
function trustVerdicts(graph: ResourceGraph, role: Resource): Verdict[] {
  const doc = parsePolicy(graph.props<RoleProps>(role).AssumeRolePolicyDocument);
  if (doc instanceof Unknown) return [unknown(`the trust policy of ${role.logicalId} cannot be read: ${doc.reason}`, { findingKey: 'Trust', path: 'AssumeRolePolicyDocument' })];
  const out: Verdict[] = [];
  for (const stmt of doc?.statements ?? []) {
    if (stmt.effect === 'Deny') continue;
    const path = `AssumeRolePolicyDocument.Statement.${stmt.index}`;
    const unreadable = unreadablePrincipal(stmt);
    if (unreadable) {
      out.push(unknown(`who ${statementLabel(stmt)} of the trust policy lets in cannot be known: ${unreadable.reason}`, { findingKey: 'Trust', path }));
      continue;
    }
    const p = stmt.principal;
    const others = [
      ...(stmt.notPrincipal ? ['NotPrincipal'] : []),
      ...(p?.wildcard ? ['*'] : []),
      ...(p?.aws ?? []).filter((v) => v !== '*').map(render),
      ...(p?.federated ?? []).map(render),
      ...(p?.canonicalUser ?? []).map(render),
      ...(p?.service ?? []).filter((v) => serviceName(v) !== serviceName(LEX_V2_PRINCIPAL)).map(render),
    ];
    for (const other of others) {
      out.push(fail(`the bot role ${role.logicalId} also trusts ${other} (${statementLabel(stmt)})`, { findingKey: `Trust::${other}`, path }));
    }
  }
  return out;
}

/**
 * "*" actions (`*`, `service:*`, NotAction) or resources in policies attached to the role. AWS managed
 * policies whose documents are not in the graph cannot be weighed: UNKNOWN, never a pass.
 */
function permissionVerdicts(graph: ResourceGraph, role: Resource): Verdict[] {
  const out: Verdict[] = [];
  for (const { holder, path, document } of policiesOf(graph, role)) {
    const where = holder === role ? path : `${holder.logicalId}.${path}`;
    if (document instanceof Unknown) {
      out.push(unknown(`a policy of the bot role cannot be read (${where}): ${document.reason}`, { findingKey: `Policy::${where}` }));
      continue;
    }
    for (const stmt of document?.statements ?? []) {
      if (!isAllow(stmt)) continue;
      const label = `${statementLabel(stmt)} of ${where}`;
      if (stmt.notActions) out.push(fail(`${label} uses NotAction`, { findingKey: 'NotAction' }));
      for (const a of (stmt.actions ?? []).filter((x) => x === '*' || /^[^:]+:\*$/.test(x))) out.push(fail(`${label} allows ${a}`, { findingKey: `Action::${a}` }));
      if (onAnyResource(stmt)) out.push(fail(`${label} applies to every resource`, { findingKey: 'Resource::*' }));
    }
  }
  for (const arn of managedPolicyArns(graph, role)) {
    const t = graph.target(arn, MANAGED_POLICY);
    if (t && !(t instanceof Unknown) && 'resource' in t && t.resource.type === MANAGED_POLICY) continue;
    out.push(unknown(`the managed policy ${render(arn)} is attached to the bot role and its document is not in this app`, { findingKey: `ManagedPolicy::${render(arn)}`, path: 'ManagedPolicyArns' }));
  }
  return out;
}
