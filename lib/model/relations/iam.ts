import { str } from '../../engine/read';
import { parsePolicy, type PolicyDocument } from '../../policy/document';
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
