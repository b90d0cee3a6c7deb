import { str } from '../../engine/read';
import { actionMatches, expandAction } from '../../policy/actions';
import { parsePolicy, type PolicyDocument, type Statement } from '../../policy/document';
import { awsManagedPolicyDocument } from '../../policy/managed';
import { relation, type ResourceGraph } from '../graph';
import type { Resource } from '../resource';
import { GROUP, MANAGED_POLICY, POLICY_TYPES, PRINCIPAL_TYPES, ROLE, USER, type GroupProps, type PolicyProps, type RoleProps, type UserProps } from '../types/iam';
import { Unknown } from '../values';

/** Identity-based policies: where each document is written, and whom it applies to. */

/** An identity-based policy document, where it is written, and who it is attached to. */
export interface IdentityPolicy {
  /** The resource holding the document: a role/user/group (inline) or a policy resource. */
  holder: Resource;
  /** Property path of the document inside `holder`, for finding locations. */
  path: string;
  document: PolicyDocument | Unknown | undefined;
  /** Principals it applies to; Unknown when an attachment cannot be resolved. */
  attachedTo: Array<Resource | Unknown>;
}

function attachments(graph: ResourceGraph, props: PolicyProps): Array<Resource | Unknown> {
  const out: Array<Resource | Unknown> = [];
  for (const [prop, type] of [
    ['Roles', ROLE],
    ['Users', USER],
    ['Groups', GROUP],
    ['RoleName', ROLE],
    ['UserName', USER],
    ['GroupName', GROUP],
  ] as const) {
    const raw = props[prop];
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      const t = graph.target(v, type);
      if (t instanceof Unknown) out.push(t);
      else if (t && 'resource' in t) out.push(t.resource);
    }
  }
  return out;
}

/** Every identity-based policy document in the graph (inline and standalone). */
export const IDENTITY_POLICIES = relation('identity policies', (graph): IdentityPolicy[] => {
  const out: IdentityPolicy[] = [];
  for (const principal of graph.ofType(...PRINCIPAL_TYPES)) {
    const inline = graph.props<RoleProps | UserProps | GroupProps>(principal).Policies;
    if (!Array.isArray(inline)) continue;
    inline.forEach((p, i) => {
      const doc = (p as Record<string, unknown> | undefined)?.PolicyDocument;
      out.push({ holder: principal, path: `Policies.${i}.PolicyDocument`, document: parsePolicy(doc), attachedTo: [principal] });
    });
  }
  for (const policy of graph.ofType(...POLICY_TYPES)) {
    const props = graph.props<PolicyProps>(policy);
    out.push({ holder: policy, path: 'PolicyDocument', document: parsePolicy(props.PolicyDocument), attachedTo: attachments(graph, props) });
  }
  // Managed policies attached from the principal's side (ManagedPolicyArns → a ManagedPolicy of the graph).
  for (const principal of graph.ofType(...PRINCIPAL_TYPES)) {
    const arns = graph.props<RoleProps | UserProps | GroupProps>(principal).ManagedPolicyArns;
    if (!Array.isArray(arns)) continue;
    for (const arn of arns) {
      const t = graph.target(arn, MANAGED_POLICY);
      if (!t || !('resource' in t)) continue;
      const entry = out.find((p) => p.holder === t.resource);
      if (entry && !entry.attachedTo.includes(principal)) entry.attachedTo.push(principal);
    }
  }
  return out;
});

/** The identity policies that apply to each principal, in the order of `IDENTITY_POLICIES`. */
export const POLICIES_BY_PRINCIPAL = relation('identity policies by principal', (graph): ReadonlyMap<Resource, readonly IdentityPolicy[]> => {
  const index = new Map<Resource, IdentityPolicy[]>();
  for (const p of graph.memo(IDENTITY_POLICIES)) {
    for (const r of new Set(p.attachedTo)) {
      if (r instanceof Unknown) continue;
      const list = index.get(r);
      if (list) list.push(p);
      else index.set(r, [p]);
    }
  }
  return index;
});

/** The identity-policy documents written on each resource (not those merely attached to it). */
export const POLICIES_BY_HOLDER = relation('identity policies by holder', (graph): ReadonlyMap<Resource, readonly IdentityPolicy[]> => {
  const index = new Map<Resource, IdentityPolicy[]>();
  for (const p of graph.memo(IDENTITY_POLICIES)) index.set(p.holder, [...(index.get(p.holder) ?? []), p]);
  return index;
});

/** Identity policies that apply to one principal. */
export function policiesOf(graph: ResourceGraph, principal: Resource): readonly IdentityPolicy[] {
  return graph.memo(POLICIES_BY_PRINCIPAL).get(principal) ?? [];
}

/** Identity-policy documents written on one resource. */
export function heldPolicies(graph: ResourceGraph, holder: Resource): readonly IdentityPolicy[] {
  return graph.memo(POLICIES_BY_HOLDER).get(holder) ?? [];
}

/**
 * An AWS managed policy read from an account (live collectors may emit them as `AWS::IAM::ManagedPolicy`):
 * its content is AWS's; findings belong to the principals it is attached to.
 */
export function isAwsManaged(graph: ResourceGraph, r: Resource): boolean {
  return /^arn:[^:]+:iam::aws:policy\//.test(graph.arnOf(r) ?? '');
}

const NAME_PROPERTIES: Readonly<Record<string, string>> = { [ROLE]: 'RoleName', [USER]: 'UserName', [GROUP]: 'GroupName' };

/** Every name a user might use for a resource in an option pattern: logical id, construct path, name, ARN. */
export function namesOf(graph: ResourceGraph, r: Resource): string[] {
  const prop = NAME_PROPERTIES[r.type];
  const name = prop ? str(graph.props(r)[prop]) : undefined;
  return [r.logicalId, r.provenance.constructPath, typeof name === 'string' ? name : undefined, graph.arnOf(r)].filter((x): x is string => !!x);
}

/** Where a statement that applies to a principal is written: an identity policy, or a well-known AWS managed policy by name. */
export interface PrincipalStatement {
  statement: Statement;
  /** The resource holding the document, or the AWS managed policy's name. */
  source: Resource | string;
}

/**
 * The Allow statements that apply to each principal: its inline policies, the policy resources attached
 * to it and the well-known AWS managed policies it names (`lib/policy/managed.ts`). What cannot be read
 * is left out here: the checks that judge documents report it.
 */
export const PRINCIPAL_STATEMENTS = relation('allow statements by principal', (graph): ReadonlyMap<Resource, readonly PrincipalStatement[]> => {
  const out = new Map<Resource, PrincipalStatement[]>();
  for (const principal of graph.ofType(...PRINCIPAL_TYPES)) {
    const list: PrincipalStatement[] = [];
    for (const p of policiesOf(graph, principal)) {
      if (p.document instanceof Unknown || !p.document) continue;
      for (const statement of p.document.statements) if (statement.effect !== 'Deny') list.push({ statement, source: p.holder });
    }
    const arns = graph.props<RoleProps | UserProps | GroupProps>(principal).ManagedPolicyArns;
    for (const arn of Array.isArray(arns) ? arns : []) {
      const managed = awsManagedPolicyDocument(arn);
      if (managed) for (const statement of managed.document.statements) list.push({ statement, source: managed.name });
    }
    out.set(principal, list);
  }
  return out;
});

/**
 * Whether a statement allows some action of a service (`lex`, `transcribe`): an action pattern of that
 * service that covers a real action, `*`, a wildcard service, a NotAction that does not leave the
 * service out, or an action that cannot be read (it may be one).
 */
export function statementReaches(stmt: Statement, service: string): boolean {
  if (stmt.effect === 'Deny') return false;
  const raw = [stmt.raw.Action ?? []].flat();
  if (raw.some((a) => typeof a !== 'string')) return true;
  if (stmt.notActions) return !stmt.notActions.some((p) => p === '*' || p.toLowerCase() === `${service}:*`);
  return (stmt.actions ?? []).some((pattern) => patternReaches(pattern, service));
}

/** Policies repeat the same few patterns over thousands of statements: each pattern is weighed once per service. */
const reachCache = new Map<string, boolean>();

function patternReaches(pattern: string, service: string): boolean {
  const key = `${service}|${pattern}`;
  let hit = reachCache.get(key);
  if (hit === undefined) {
    const [svc, name] = pattern.split(':');
    if (pattern === '*') hit = true;
    else if (name === undefined) hit = false;
    else if (/[*?]/.test(svc)) hit = actionMatches(svc, service);
    else hit = svc.toLowerCase() === service && expandAction(pattern, service).length > 0;
    reachCache.set(key, hit);
  }
  return hit;
}

/**
 * Whether a principal is allowed some action of the service, by any policy that applies to it. A policy
 * that cannot be read may allow it: true, so that the checks judging documents report it UNKNOWN.
 */
export function principalReaches(graph: ResourceGraph, principal: Resource, service: string): boolean {
  if (policiesOf(graph, principal).some((p) => p.document instanceof Unknown)) return true;
  return (graph.memo(PRINCIPAL_STATEMENTS).get(principal) ?? []).some((s) => statementReaches(s.statement, service));
}

/**
 * Whether a policy holder is about a service: a principal allowed some of its actions, or a policy
 * resource whose own statements allow some, or that is attached to such a principal. A policy attached
 * to no principal of the run is judged by its own statements.
 */
export function holderReaches(graph: ResourceGraph, holder: Resource, service: string): boolean {
  if (PRINCIPAL_TYPES.includes(holder.type)) return principalReaches(graph, holder, service);
  for (const p of heldPolicies(graph, holder)) {
    if (p.document instanceof Unknown) return true;
    if ((p.document?.statements ?? []).some((s) => statementReaches(s, service))) return true;
    if (p.attachedTo.some((a) => a instanceof Unknown || principalReaches(graph, a, service))) return true;
  }
  return false;
}
