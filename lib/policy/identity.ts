import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import { Unknown } from '../model/values';
import { parsePolicy, type PolicyDocument } from './document';
import { PRINCIPAL_TYPES } from '../model/types/iam';

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

const cache = new WeakMap<ResourceGraph, IdentityPolicy[]>();

function attachments(graph: ResourceGraph, props: Record<string, unknown>): Array<Resource | Unknown> {
  const out: Array<Resource | Unknown> = [];
  for (const [prop, type] of [
    ['Roles', 'AWS::IAM::Role'],
    ['Users', 'AWS::IAM::User'],
    ['Groups', 'AWS::IAM::Group'],
    ['RoleName', 'AWS::IAM::Role'],
    ['UserName', 'AWS::IAM::User'],
    ['GroupName', 'AWS::IAM::Group'],
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

/** Every identity-based policy document in the graph (inline and standalone), computed once per graph. */
export function identityPolicies(graph: ResourceGraph): IdentityPolicy[] {
  const hit = cache.get(graph);
  if (hit) return hit;
  const out: IdentityPolicy[] = [];
  for (const principal of graph.ofType(...PRINCIPAL_TYPES)) {
    const inline = graph.props(principal).Policies;
    if (!Array.isArray(inline)) continue;
    inline.forEach((p, i) => {
      const doc = (p as Record<string, unknown> | undefined)?.PolicyDocument;
      out.push({ holder: principal, path: `Policies.${i}.PolicyDocument`, document: parsePolicy(doc), attachedTo: [principal] });
    });
  }
  for (const policy of graph.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy')) {
    const props = graph.props(policy);
    out.push({ holder: policy, path: 'PolicyDocument', document: parsePolicy(props.PolicyDocument), attachedTo: attachments(graph, props) });
  }
  // Managed policies attached from the principal's side (ManagedPolicyArns → a ManagedPolicy of the graph).
  for (const principal of graph.ofType(...PRINCIPAL_TYPES)) {
    const arns = graph.props(principal).ManagedPolicyArns;
    if (!Array.isArray(arns)) continue;
    for (const arn of arns) {
      const t = graph.target(arn, 'AWS::IAM::ManagedPolicy');
      if (!t || !('resource' in t)) continue;
      const entry = out.find((p) => p.holder === t.resource);
      if (entry && !entry.attachedTo.includes(principal)) entry.attachedTo.push(principal);
    }
  }
  cache.set(graph, out);
  return out;
}

const byPrincipal = new WeakMap<ResourceGraph, Map<Resource, IdentityPolicy[]>>();

/** Identity policies that apply to one principal (indexed once per graph, in the order of `identityPolicies`). */
export function policiesOf(graph: ResourceGraph, principal: Resource): IdentityPolicy[] {
  let index = byPrincipal.get(graph);
  if (!index) {
    index = new Map();
    for (const p of identityPolicies(graph)) {
      for (const r of new Set(p.attachedTo)) {
        if (r instanceof Unknown) continue;
        const list = index.get(r);
        if (list) list.push(p);
        else index.set(r, [p]);
      }
    }
    byPrincipal.set(graph, index);
  }
  return [...(index.get(principal) ?? [])];
}

/** Managed policy ARNs attached to a principal, as literal strings (AWS managed policies are literal ARNs). */
export function managedPolicyArns(graph: ResourceGraph, principal: Resource): unknown[] {
  const arns = graph.props(principal).ManagedPolicyArns;
  return Array.isArray(arns) ? arns : [];
}

const managedPolicyPatterns = new Map<string, RegExp>();

/** `arn:${Partition}:iam::aws:policy/Name` in any partition, or a Composite rendering of it. */
export function isAwsManagedPolicy(arn: unknown, name: string): boolean {
  let re = managedPolicyPatterns.get(name);
  if (!re) managedPolicyPatterns.set(name, (re = new RegExp(`^arn:(?:[^:]+|\\$\\{AWS::Partition\\}):iam::aws:policy/(?:.*/)?${name}$`)));
  return re.test(String(arn));
}
