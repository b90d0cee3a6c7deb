import picomatch from 'picomatch';
import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { coversAction, isAllow, onAnyResource, type Statement } from '../../lib/policy/document';
import { dedupe, heldStatementVerdicts, isAnyRole, statementLabel } from '../shared/lex-iam';
import { BOT, LEX_V1_PRINCIPAL, LEX_V2_PRINCIPAL } from '../../lib/model/types/lex';
import { POLICY_HOLDERS, ROLE } from '../../lib/model/types/iam';
import { LEX_ROLES, reachesLex } from '../../lib/model/relations/lex';
import type { Resource } from '../../lib/model/resource';
import { isAwsManaged } from '../../lib/model/relations/iam';

const LEX_SERVICES = [LEX_V2_PRINCIPAL, LEX_V1_PRINCIPAL];

export default defineCheck({
  id: 'LEX-IAM-6',
  title: 'iam:PassRole for Lex roles names the roles and is limited by iam:PassedToService',
  severity: 'MEDIUM',
  rationale:
    'Whoever can pass a role to Lex gets what that role can do, through the bot. iam:PassRole on "*", or on a Lex role without iam:PassedToService, lets a principal hand powerful roles to any service.',
  remediation:
    'Grant iam:PassRole only on the bot role ARNs, with Condition StringEquals iam:PassedToService = lexv2.amazonaws.com (optionally iam:AssociatedResourceARN = the bot ARN).',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_id-based-policy-examples.html',
  modes: ['synth', 'live'],
  resourceTypes: POLICY_HOLDERS,
  reads: [BOT, 'AWS::IAM::Role'],
  evaluate(resource, { graph }) {
    if (isAwsManaged(graph, resource)) return notApplicable("AWS managed policy: its content is AWS's");
    const { verdicts, relevant } = heldStatementVerdicts(graph, resource, (stmt, path) =>
      isAllow(stmt) && coversAction(stmt, 'iam:PassRole') ? statementVerdicts(graph, resource, stmt, path) : undefined,
    );
    if (verdicts.length > 0) return dedupe(verdicts);
    return relevant > 0 ? pass('iam:PassRole reaches Lex roles only by name and with iam:PassedToService') : notApplicable('no iam:PassRole grant that can reach Lex');
  },
});

/**
 * Verdicts for one PassRole statement; undefined when it cannot reach Lex: passed to other services, on
 * other roles, or on every role without iam:PassedToService in a run with no Lex role, by a principal
 * that can call no Lex action (passing a role to Lex takes lex:CreateBot or lex:UpdateBot).
 */
function statementVerdicts(graph: ResourceGraph, holder: Resource, stmt: Statement, path: string): Verdict[] | undefined {
  const label = statementLabel(stmt);
  const services = passedToServices(stmt);
  if (services instanceof Unknown) return [unknown(`iam:PassedToService of ${label} cannot be known: ${services.reason}`, { findingKey: 'Condition::iam:PassedToService', path: `${path}.Condition` })];
  const toLex = services === undefined || services.some((s) => LEX_SERVICES.some((l) => picomatch.isMatch(l, s, { nocase: true })));
  if (!toLex) return undefined;
  const anyRole = onAnyResource(stmt) || (stmt.resources ?? []).some(isAnyRole);
  if (anyRole) {
    // Without iam:PassedToService, every role is every role: Lex's only where the principal can call Lex or the run has Lex roles.
    const lexRoles = [...graph.memo(LEX_ROLES)].map((r) => r.logicalId);
    if (services === undefined && lexRoles.length === 0 && !reachesLex(graph, holder)) return undefined;
    const passed = lexRoles.length > 0 ? `the Lex role${lexRoles.length > 1 ? 's' : ''} ${lexRoles.join(', ')} included` : 'Lex included (this principal can call Lex)';
    const why = services === undefined ? `without iam:PassedToService, so any role can be passed to any service, ${passed}` : 'so every role of the account can be passed to Lex';
    return [fail(`${label} allows iam:PassRole on every role, ${why}`, { findingKey: `Resource::${render((stmt.resources ?? []).find(isAnyRole) ?? '*')}`, path: `${path}.Resource` })];
  }
  if (services !== undefined) return [];
  const lexRoles = graph.memo(LEX_ROLES);
  const out: Verdict[] = [];
  for (const value of stmt.resources ?? []) {
    const t = graph.target(value, ROLE);
    if (t instanceof Unknown) out.push(unknown(`${label} passes a role that cannot be known, without iam:PassedToService: ${t.reason}`, { findingKey: `Resource::${render(value)}`, path: `${path}.Resource` }));
    else if (t && 'resource' in t && lexRoles.has(t.resource)) {
      out.push(fail(`${label} allows passing the Lex role ${t.resource.logicalId} without iam:PassedToService`, { findingKey: 'Condition::iam:PassedToService', path: `${path}.Condition` }));
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Services named by a restricting iam:PassedToService condition; undefined when there is none (or only "*"). */
function passedToServices(stmt: Statement): string[] | Unknown | undefined {
  const entries = stmt.conditions.get('iam:PassedToService').filter((e) => !/not|ifexists$/i.test(e.operator));
  const values = entries.flatMap((e) => e.values);
  for (const v of values) {
    if (v instanceof Unknown) return v;
    if (v instanceof Choice) return new Unknown(`depends on condition ${v.condition}`);
    if (v instanceof Composite && v.unknowns.length > 0) return v.unknowns[0];
  }
  const services = values.map(render);
  return services.length === 0 || services.includes('*') ? undefined : services;
}

