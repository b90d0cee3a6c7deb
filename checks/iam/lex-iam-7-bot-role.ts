import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { parsePolicy } from '../../lib/policy/document';
import { dedupe, statementLabel, unreadablePrincipal } from '../shared/lex-iam';
import { BOT, LEX_V2_PRINCIPAL } from '../../lib/model/types/lex';
import { serviceName } from '../../lib/policy/trust';
import { botRole } from '../../lib/model/relations/lex';
import { type RoleProps } from '../../lib/model/types/iam';
import { rolePermissionVerdicts } from '../shared/role-permissions';

export default defineCheck({
  id: 'LEX-IAM-7',
  title: 'A customer-managed bot role trusts only Lex V2 and grants no wildcard actions or resources',
  severity: 'MEDIUM',
  rationale:
    'Lex assumes the bot role on every conversation. A role others can assume, or one with "*" actions or full-access managed policies (HIGH), or "*" resources on actions that take resource ARNs, gives the bot (and anyone who can assume the role) far more than Polly, sentiment, log and key access.',
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
    const verdicts = dedupe([...trustVerdicts(graph, role.role), ...rolePermissionVerdicts(graph, role.role)]);
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
      // Anyone (a wildcard or NotPrincipal) could assume the role every conversation runs with: HIGH.
      const anyone = other === '*' || other === 'NotPrincipal';
      out.push(fail(`the bot role ${role.logicalId} also trusts ${anyone ? 'any principal' : other} (${statementLabel(stmt)})`, { findingKey: `Trust::${other}`, path, ...(anyone ? { severity: 'HIGH' as const } : {}) }));
    }
  }
  return out;
}
