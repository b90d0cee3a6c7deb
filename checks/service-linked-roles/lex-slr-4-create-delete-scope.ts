import picomatch from 'picomatch';
import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { Unknown, render } from '../../lib/model/values';
import { actionMatches } from '../../lib/policy/actions';
import { coversAction, isAllow, onAnyResource, unreadableResources, type Statement } from '../../lib/policy/document';
import { dedupe, heldStatementVerdicts, isAnyRole, statementLabel } from '../shared/lex-iam';
import { POLICY_HOLDERS } from '../../lib/model/types/iam';
import { isAwsManaged } from '../../lib/model/relations/iam';
import { reachesLex } from '../../lib/model/relations/lex';

const SLR_ACTIONS = ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole'];

export default defineCheck({
  id: 'LEX-SLR-4',
  title: 'Permissions to create or delete service-linked roles are scoped with iam:AWSServiceName',
  severity: 'LOW',
  rationale:
    'iam:CreateServiceLinkedRole or iam:DeleteServiceLinkedRole on "*" without iam:AWSServiceName reaches the service-linked roles of every service, not only Lex\'s; deleting a bot\'s role breaks the bot.',
  remediation:
    'Add Condition StringEquals iam:AWSServiceName = lexv2.amazonaws.com (and channels.lexv2.amazonaws.com, replication.lexv2.amazonaws.com as needed) and name role paths such as arn:aws:iam::*:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots*, as AmazonLexFullAccess does.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security-iam-awsmanpol.html',
  modes: ['synth', 'live'],
  resourceTypes: POLICY_HOLDERS,
  evaluate(resource, { graph }) {
    if (isAwsManaged(graph, resource)) return notApplicable("AWS managed policy: its content is AWS's");
    const { verdicts, relevant } = heldStatementVerdicts(graph, resource, (stmt, path) => {
      if (!isAllow(stmt) || !SLR_ACTIONS.some((a) => coversAction(stmt, a))) return undefined;
      const scope = lexScope(stmt);
      if (scope === 'lex') return [];
      if (scope === 'other') return undefined;
      if (scope instanceof Unknown) return [unknown(`${statementLabel(stmt)} allows ${offending(stmt).join(', ')} on roles that cannot be known, without an iam:AWSServiceName condition: ${scope.reason}`, { findingKey: 'Resource', path })];
      // Unscoped: it reaches Lex's roles only where the principal works with Lex (or is a Lex role).
      if (!reachesLex(graph, resource)) return undefined;
      return offending(stmt).map((pattern) =>
        fail(`${statementLabel(stmt)} allows ${pattern} on every role without an iam:AWSServiceName condition`, { findingKey: `Action::${pattern}`, path }),
      );
    });
    if (verdicts.length > 0) return dedupe(verdicts);
    return relevant > 0 ? pass('service-linked-role creation and deletion are scoped') : notApplicable('no grant of iam:CreateServiceLinkedRole or iam:DeleteServiceLinkedRole that can reach Lex');
  },
});

/**
 * How a statement is scoped: to Lex (an iam:AWSServiceName or role path naming a Lex service), to
 * other services only (Chime, ECS…: not Lex's to judge), or not at all (every role, no service name).
 */
function lexScope(stmt: Statement): 'lex' | 'other' | 'unscoped' | Unknown {
  const names = stmt.conditions
    .get('iam:AWSServiceName')
    .filter((e) => !/not|ifexists$/i.test(e.operator))
    .flatMap((e) => e.values.map(render))
    .filter((v) => v !== '*');
  if (names.length > 0) return names.some(isLexService) ? 'lex' : 'other';
  const anyRole = onAnyResource(stmt) || (stmt.resources ?? []).some(isAnyRole);
  if (anyRole) return 'unscoped';
  const unread = unreadableResources(stmt);
  if (unread) return unread;
  return (stmt.resources ?? []).some((r) => isLexService(render(r))) ? 'lex' : 'other';
}

const LEX_SERVICES = ['lexv2.amazonaws.com', 'channels.lexv2.amazonaws.com', 'replication.lexv2.amazonaws.com', 'lex.amazonaws.com', 'channels.lex.amazonaws.com'];

/** A service name or role path of Lex (V2, its channels and replication, or V1); a wildcard name that takes one in. */
function isLexService(text: string): boolean {
  if (/[*?]/.test(text) && !text.includes('/')) return LEX_SERVICES.some((s) => picomatch.isMatch(s, text, { nocase: true }));
  return /lex/i.test(text);
}

/** The action patterns as written that reach the SLR actions (`iam:*`, `*`), or NotAction. */
function offending(stmt: Statement): string[] {
  if (stmt.notActions) return ['NotAction'];
  return (stmt.actions ?? []).filter((p) => SLR_ACTIONS.some((a) => actionMatches(p, a)));
}
