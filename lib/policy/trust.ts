import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import { ROLE, SERVICE_LINKED_ROLE, type RoleProps } from '../model/types/iam';
import { Choice, Composite, Unknown, render } from '../model/values';
import { coversAction, parsePolicy, type Statement } from './document';

/** Trust policies: which service principals a role lets assume it. */

/**
 * A service principal reduced to its name (`lexv2`), whatever the DNS suffix: `lexv2.amazonaws.com`,
 * `lexv2.amazonaws.com.cn`, or `lexv2.${AWS::URLSuffix}` from `Fn::Sub`. Unknown when not literal.
 */
export function serviceName(value: unknown): string | Unknown {
  if (value instanceof Unknown) return value;
  if (value instanceof Choice) return new Unknown(`service principal depends on condition ${value.condition}`);
  if (value instanceof Composite && value.unknowns.length > 0) return new Unknown(value.unknowns.map((u) => u.reason).join('; '));
  if (typeof value !== 'string' && !(value instanceof Composite)) return new Unknown(`service principal ${render(value)} is not known here`);
  const text = render(value);
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= 10_000) names.clear();
    names.set(text, (name = text.toLowerCase().replace(/\.(amazonaws\.com(\.cn)?|\$\{aws::urlsuffix\})$/, '')));
  }
  return name;
}

// Every trust policy names the same few services, and every check of roles asks: each is reduced once. Bounded, as the texts come from input.
const names = new Map<string, string>();

/** Does the statement name one of the services (given as `lexv2.amazonaws.com` or `lexv2`)? Unknown when a principal is not literal. */
export function namesService(stmt: Statement, servicePrincipals: readonly string[]): boolean | Unknown {
  const wanted = servicePrincipals.map(serviceName);
  for (const value of stmt.principal?.service ?? []) {
    const name = serviceName(value);
    if (name instanceof Unknown) return name;
    if (wanted.includes(name)) return true;
  }
  return false;
}

/**
 * Allow statements of a role's trust policy that let one of the services assume it. Unknown when the
 * trust policy, or a statement's effect or service principal, cannot be read.
 */
export function trustStatementsFor(graph: ResourceGraph, role: Resource, servicePrincipals: readonly string[]): Statement[] | Unknown {
  const doc = parsePolicy(graph.props<RoleProps>(role).AssumeRolePolicyDocument);
  if (doc instanceof Unknown) return new Unknown(`trust policy of ${role.logicalId}: ${doc.reason}`);
  const out: Statement[] = [];
  for (const stmt of doc?.statements ?? []) {
    if (stmt.effect === 'Deny' || !coversAction(stmt, 'sts:AssumeRole')) continue;
    const named = namesService(stmt, servicePrincipals);
    if (named instanceof Unknown) return new Unknown(`trust policy of ${role.logicalId}, statement ${stmt.index}: ${named.reason}`);
    if (!named) continue;
    if (stmt.effect instanceof Unknown) return new Unknown(`trust policy of ${role.logicalId}: ${stmt.effect.reason}`);
    out.push(stmt);
  }
  return out;
}

/**
 * A service-linked role read from an account (an `AWS::IAM::Role` under `/aws-service-role/`): its trust
 * and permissions are AWS's and cannot be edited, so customer-role controls do not apply to it.
 */
export function isServiceLinkedRole(graph: ResourceGraph, role: Resource): boolean {
  const path = graph.props<RoleProps>(role).Path;
  return role.type === SERVICE_LINKED_ROLE || (typeof path === 'string' && path.startsWith('/aws-service-role/'));
}

/** Customer roles of the graph a service can assume, with their trust statements (or why they cannot be read). */
export function rolesTrustedBy(graph: ResourceGraph, servicePrincipals: readonly string[]): Array<{ role: Resource; statements: Statement[] | Unknown }> {
  const out: Array<{ role: Resource; statements: Statement[] | Unknown }> = [];
  for (const role of graph.ofType(ROLE)) {
    if (isServiceLinkedRole(graph, role)) continue;
    const statements = trustStatementsFor(graph, role, servicePrincipals);
    if (statements instanceof Unknown || statements.length > 0) out.push({ role, statements });
  }
  return out;
}

/**
 * Whether only the given services can assume a role: every Allow statement of its trust policy names
 * those service principals and no other principal. False when the trust policy cannot be read, or
 * names nobody.
 */
export function assumedOnlyBy(graph: ResourceGraph, role: Resource, servicePrincipals: readonly string[]): boolean {
  const doc = parsePolicy(graph.props<RoleProps>(role).AssumeRolePolicyDocument);
  if (!doc || doc instanceof Unknown) return false;
  const wanted = servicePrincipals.map(serviceName);
  const allows = doc.statements.filter((s) => s.effect !== 'Deny');
  if (allows.length === 0) return false;
  return allows.every((s) => {
    if (s.effect instanceof Unknown || s.notPrincipal || !s.principal || s.principal.wildcard) return false;
    const p = s.principal;
    if (p.aws.length + p.federated.length + p.canonicalUser.length > 0 || p.service.length === 0) return false;
    return p.service.every((v) => {
      const name = serviceName(v);
      return !(name instanceof Unknown) && wanted.includes(name);
    });
  });
}
