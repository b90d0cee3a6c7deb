import { fail, unknown, type Verdict } from '../../lib/engine/check';
import type { Severity } from '../../lib/model/finding';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { actionInfo, actionsCovered, invalidAction, isKnownService, takesResourceArns } from '../../lib/policy/actions';
import { isAllow, onAnyResource, unreadableActions, unreadableResources, type Statement } from '../../lib/policy/document';
import { managedPolicyArns } from '../../lib/policy/identity';
import { awsManagedPolicyDocument, awsManagedPolicyName } from '../../lib/policy/managed';
import { resourceReach } from '../../lib/policy/resources';
import { policiesOf } from '../../lib/model/relations/iam';
import { MANAGED_POLICY } from '../../lib/model/types/iam';
import { statementLabel } from './lex-iam';

/**
 * What a service role carries, judged for what it allows (LEX-IAM-7 on the bot role, TR-IAM-2 on
 * Transcribe's data-access roles): every policy that applies to the role, the well-known AWS managed
 * policies included (`lib/policy/managed.ts`), statement by statement, against the IAM data.
 *
 * - `*` and `service:*` actions and NotAction: HIGH, as AWS's guidance for these roles calls them.
 * - A wildcard that takes in deletions or permission management (`s3:DeleteObject*` from a CDK
 *   `grantReadWrite`, `s3:Put*`, `kms:Create*`): more than the role needs.
 * - An action that is no IAM action (`polly:SynthesizeSpeech,`): it grants nothing, so the role lacks
 *   what its author meant to give.
 * - `Resource: "*"` only for actions that can be granted on specific resources (not for
 *   `polly:SynthesizeSpeech` or `comprehend:DetectSentiment`); an ARN that takes in every resource of a
 *   type (`key/*`, `bot/*`) likewise; an ARN that matches no resource (`arn:aws:kms::…:key/*`, no Region).
 */

/** AWS managed policies that give full access (to a service, or to everything): on a service role, HIGH, by name alone. */
const FULL_ACCESS = /(FullAccess|^AdministratorAccess|^PowerUserAccess)$/;

const WILDCARD_SERVICE = /^[^:]+:\*$/;

const upTo = (list: readonly string[], n = 4) => (list.length <= n ? list.join(', ') : `${list.slice(0, n).join(', ')} and ${list.length - n} more`);

/** The verdicts on one statement (no resource, no path: the caller's). */
export function statementVerdicts(stmt: Statement, label: string): Verdict[] {
  if (stmt.effect instanceof Unknown) return [unknown(`the effect of ${label} cannot be known: ${stmt.effect.reason}`, { findingKey: 'Effect' })];
  if (!isAllow(stmt)) return [];
  const out: Verdict[] = [];
  const high = { severity: 'HIGH' as Severity };
  const unreadActions = unreadableActions(stmt);
  if (unreadActions) out.push(unknown(`the actions of ${label} cannot be known: ${unreadActions.reason}`, { findingKey: 'Action' }));
  if (stmt.notActions) out.push(fail(`${label} uses NotAction, which allows everything it does not list`, { findingKey: 'NotAction', ...high }));
  // The real actions the statement grants that take resource ARNs, and whether some grant cannot be weighed (every action, an unknown service).
  const scoped: string[] = [];
  let broad = stmt.notActions !== undefined;
  const literal = [stmt.raw.Action ?? []].flat().filter((a): a is string => typeof a === 'string');
  for (const a of unreadActions ? literal : (stmt.actions ?? [])) {
    if (a === '*' || WILDCARD_SERVICE.test(a)) {
      out.push(fail(`${label} allows ${a}`, { findingKey: `Action::${a}`, ...high }));
      broad = true;
      continue;
    }
    const invalid = invalidAction(a);
    if (invalid) {
      out.push(fail(`${label} lists "${a}", which is no IAM action (${invalid}): it grants nothing, so the role lacks what it was meant to have`, { findingKey: `InvalidAction::${a}` }));
      continue;
    }
    const covered = actionsCovered(a);
    if (covered === undefined || !isKnownService(a.split(':')[0])) {
      broad = true;
      continue;
    }
    scoped.push(...covered.filter(takesResourceArns));
    if (/[*?]/.test(a)) {
      const beyond = covered.filter((x) => {
        const info = actionInfo(x);
        return info !== undefined && (info.accessLevel === 'Permissions management' || info.name.startsWith('Delete'));
      });
      if (beyond.length > 0) out.push(fail(`${label} allows ${a}, which takes in ${upTo(beyond)}: deletion or permission changes the role does not need`, { findingKey: `Action::${a}` }));
    }
  }
  if (!broad && scoped.length === 0 && !unreadActions) return out;
  const unreadResources = unreadableResources(stmt);
  if (unreadResources && !onAnyResource(stmt)) {
    out.push(unknown(`the resources of ${label} cannot be known: ${unreadResources.reason}`, { findingKey: 'Resource' }));
    return out;
  }
  if (unreadActions && !broad && scoped.length === 0) return out;
  if (onAnyResource(stmt)) {
    const what = broad ? '' : ` for ${upTo([...new Set(scoped)])}, which can be granted on named resources`;
    out.push(fail(`${label} applies to every resource (${render(stmt.raw.Resource ?? 'NotResource')})${what}`, { findingKey: 'Resource::*' }));
    return out;
  }
  if (broad) return out;
  for (const r of stmt.resources ?? []) {
    const reach = resourceReach(r, scoped);
    if (reach.kind === 'every') out.push(fail(`${label} reaches every ${reach.type} (${render(r)}) with ${upTo([...new Set(scoped)])}`, { findingKey: `Resource::${render(r)}` }));
    else if (reach.kind === 'nothing') out.push(fail(`${label} names ${render(r)}, which matches no resource (${reach.why}): it grants nothing there`, { findingKey: `Resource::${render(r)}` }));
  }
  return out;
}

const RANK: Record<string, number> = { INFO: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/**
 * Verdicts on every policy of a role. Inline statements carry their path (`at`) when written on the
 * role; an AWS managed policy gives one verdict, keyed `ManagedPolicy::<name>`, whatever its statements.
 */
export function rolePermissionVerdicts(graph: ResourceGraph, role: Resource): Verdict[] {
  const out: Verdict[] = [];
  for (const { holder, path, document } of policiesOf(graph, role)) {
    const where = holder === role ? path : `${holder.logicalId}.${path}`;
    if (document instanceof Unknown) {
      out.push(unknown(`a policy of the role cannot be read (${where}): ${document.reason}`, { findingKey: `Policy::${where}` }));
      continue;
    }
    for (const stmt of document?.statements ?? []) {
      const at = holder === role ? `${path}.Statement.${stmt.index}` : undefined;
      out.push(...statementVerdicts(stmt, `${statementLabel(stmt)} of ${where}`).map((v) => ({ ...v, ...(at ? { path: at } : {}) })));
    }
  }
  for (const arn of managedPolicyArns(graph, role)) {
    const t = graph.target(arn, MANAGED_POLICY);
    if (t && !(t instanceof Unknown) && 'resource' in t && t.resource.type === MANAGED_POLICY) continue;
    const managed = awsManagedPolicyDocument(arn);
    const name = awsManagedPolicyName(arn);
    const full = name !== undefined && FULL_ACCESS.test(name);
    const at = { findingKey: `ManagedPolicy::${full || managed ? name : render(arn)}`, path: 'ManagedPolicyArns' };
    if (!managed && !full) {
      out.push(unknown(`the managed policy ${render(arn)} is attached and its document is not in this run${name ? ' nor among the AWS managed policies lexscribe knows' : ''}`, at));
      continue;
    }
    const found = (managed?.document.statements ?? []).flatMap((s) => statementVerdicts(s, `statement ${s.index}`));
    if (found.length === 0 && !full) continue;
    const severity = full ? 'HIGH' : found.reduce<Severity | undefined>((max, v) => (v.severity && (!max || RANK[v.severity] > RANK[max]) ? v.severity : max), undefined);
    const why = found.length > 0 ? `: ${[...new Set(found.map((v) => v.reason))].join('; ')}` : ', which gives it full access';
    out.push(fail(`the AWS managed policy ${name} is attached${why}`, { ...at, ...(severity ? { severity } : {}) }));
  }
  return out;
}
