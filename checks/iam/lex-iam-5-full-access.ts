import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { actionsOf } from '../../lib/policy/actions';
import { coversAction, isAllow, onAnyResource, unreadableResources, type Statement } from '../../lib/policy/document';
import { resourceReach } from '../../lib/policy/resources';
import { reachesLex } from '../../lib/model/relations/lex';
import { isAwsManagedPolicy, managedPolicyArns } from '../../lib/policy/identity';
import { coversAllLex, dedupe, heldStatementVerdicts, matchesAny, statementLabel } from '../shared/lex-iam';
import { PRINCIPAL_TYPES, POLICY_HOLDERS } from '../../lib/model/types/iam';
import { heldPolicies, isAwsManaged, namesOf } from '../../lib/model/relations/iam';

const FULL_ACCESS = 'AmazonLexFullAccess';

export default defineCheck({
  id: 'LEX-IAM-5',
  title: 'Only admin principals get lex:* on every resource or AmazonLexFullAccess',
  severity: 'MEDIUM',
  rationale:
    'AmazonLexFullAccess and "lex:*" on "*" reach every bot of the account, including deleting bots and rewriting resource policies; AmazonLexFullAccess also adds Lambda permissions, service-linked-role creation and PassRole. Concentrated in everyday roles, that is privilege no caller needs.',
  remediation:
    'Give callers AmazonLexRunBotsOnly, AmazonLexReadOnly or a custom policy naming the bot and alias ARNs; keep AmazonLexFullAccess and lex:* for the admin roles listed in adminRolePatterns.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security-iam-awsmanpol.html',
  modes: ['synth', 'live'],
  options: {
    adminRolePatterns: option.strings(
      [],
      'Globs naming admin roles, users or groups (matched against logical id, construct path, name and ARN) that may hold AmazonLexFullAccess or lex:* on "*". Default: none, so every such grant is reported.',
    ),
  },
  resourceTypes: POLICY_HOLDERS,
  reads: ['AWS::IAM::ManagedPolicy'],
  evaluate(resource, { graph, options }) {
    if (isAwsManaged(graph, resource)) return notApplicable('AWS managed policy: reported on the principals it is attached to');
    if (!reachesLex(graph, resource)) return notApplicable('allows no Lex action and is not a Lex role');
    const admins = (options.adminRolePatterns as string[] | undefined) ?? [];
    const verdicts: Verdict[] = [];
    if (PRINCIPAL_TYPES.includes(resource.type)) verdicts.push(...fullAccess(graph, resource, admins));
    const broad = broadStatements(graph, resource);
    verdicts.push(...broad.filter((v) => v.status === 'UNKNOWN'));
    const grants = broad.filter((v) => v.status === 'FAIL');
    if (grants.length > 0) {
      const outsiders = nonAdmins(graph, resource, admins);
      if (outsiders instanceof Unknown) verdicts.push(unknown(`who this policy is attached to cannot be known: ${outsiders.reason}`, { findingKey: grants[0].findingKey }));
      else if (outsiders.length > 0) verdicts.push(...grants.map((v) => ({ ...v, reason: `${v.reason}, for ${outsiders.join(', ')}` })));
    }
    if (verdicts.length > 0) return dedupe(verdicts);
    if (heldPolicies(graph, resource).length === 0 && managedPolicyArns(graph, resource).length === 0) {
      return notApplicable('holds no policy of its own (attached policy resources are evaluated themselves)');
    }
    return pass('no AmazonLexFullAccess and no lex:* on "*" outside admin principals');
  },
});

function fullAccess(graph: ResourceGraph, principal: Resource, admins: string[]): Verdict[] {
  if (matchesAny(namesOf(graph, principal), admins)) return [];
  const arns = managedPolicyArns(graph, principal);
  const out = arns
    .filter((arn) => isAwsManagedPolicy(arn, FULL_ACCESS))
    .map(() =>
      fail(`${principal.logicalId} has AmazonLexFullAccess and is not matched by adminRolePatterns`, { findingKey: `Policy::${FULL_ACCESS}`, path: 'ManagedPolicyArns' }),
    );
  const doubt = out.length === 0 ? arns.map(unreadableArn).find((u) => u !== undefined) : undefined;
  if (doubt) out.push(unknown(`whether ${principal.logicalId} has AmazonLexFullAccess cannot be known: ${doubt.reason}`, { findingKey: `Policy::${FULL_ACCESS}`, path: 'ManagedPolicyArns' }));
  return out;
}

/** Why a managed policy ARN cannot be read, if it cannot. */
function unreadableArn(arn: unknown): Unknown | undefined {
  if (arn instanceof Unknown) return arn;
  if (arn instanceof Choice) return new Unknown(`ManagedPolicyArns depends on condition ${arn.condition}`);
  if (arn instanceof Composite && arn.unknowns.length > 0) return arn.unknowns[0];
  return undefined;
}

/**
 * Allow statements of documents written on this resource that grant every Lex action on every bot: on
 * `"*"`, or on an ARN that takes in every bot or alias (`arn:aws:lex:us-east-1:111122223333:bot/*`).
 */
function broadStatements(graph: ResourceGraph, holder: Resource): Verdict[] {
  return heldStatementVerdicts(graph, holder, (stmt, at) => {
    if (!isAllow(stmt)) return undefined;
    const where = everyBot(stmt);
    if (!where) {
      const resources = unreadableResources(stmt);
      const allowsAll = (stmt.notActions !== undefined && allLex().every((a) => coversAction(stmt, a))) || (stmt.actions ?? []).some(coversAllLex);
      return resources && allowsAll ? [unknown(`${statementLabel(stmt)} allows every Lex action on resources that cannot be known: ${resources.reason}`, { findingKey: 'Resource', path: at })] : undefined;
    }
    const out: Verdict[] = [];
    if (stmt.notActions && allLex().every((a) => coversAction(stmt, a))) {
      out.push(fail(`${statementLabel(stmt)} allows every Lex action on ${where} through NotAction`, { findingKey: 'NotAction', path: at }));
    }
    for (const p of (stmt.actions ?? []).filter(coversAllLex)) out.push(fail(`${statementLabel(stmt)} allows ${p} on ${where}`, { findingKey: `Action::${p}`, path: at }));
    return out;
  }).verdicts;
}

let lexActions: string[] | undefined;
const allLex = () => (lexActions ??= actionsOf('lex').map((a) => `lex:${a}`));

/** `"*"`, or the ARN that reaches every bot or alias, as reasons name it; undefined when the statement names bots. */
function everyBot(stmt: Statement): string | undefined {
  if (onAnyResource(stmt)) return '"*"';
  for (const r of stmt.resources ?? []) {
    const reach = resourceReach(r, allLex());
    if (reach.kind === 'everything') return '"*"';
    if (reach.kind === 'every') return `every ${reach.type} (${render(r)})`;
  }
  return undefined;
}

/**
 * Who a document applies to, admins left out: the principal itself for inline policies, the attached
 * principals for policy resources. A policy attached to no principal of the app is still reported, as
 * it may be attached outside it.
 */
function nonAdmins(graph: ResourceGraph, holder: Resource, admins: string[]): string[] | Unknown {
  const principals = PRINCIPAL_TYPES.includes(holder.type) ? [holder] : heldPolicies(graph, holder).flatMap((p) => p.attachedTo);
  const unreadable = principals.find((p): p is Unknown => p instanceof Unknown);
  if (unreadable) return unreadable;
  const resources = principals.filter((p): p is Resource => !(p instanceof Unknown));
  if (resources.length === 0) return ['whoever it is attached to outside this app'];
  return resources.filter((p) => !matchesAny(namesOf(graph, p), admins)).map((p) => p.logicalId);
}
