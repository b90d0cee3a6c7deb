import { coversAction, parsePolicy, type Statement } from '../../lib/policy/document';
import { parseArn } from '../../lib/model/arn';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';

/**
 * Trust policies and the confused-deputy conditions (`aws:SourceAccount`, `aws:SourceArn`) that
 * service principals should carry. Shared by the Lex (LEX-IAM-2/7/10) and Transcribe (TR-IAM-1) checks.
 */

/**
 * A service principal reduced to its name (`lexv2`), whatever the DNS suffix: `lexv2.amazonaws.com`,
 * `lexv2.amazonaws.com.cn`, or `lexv2.${AWS::URLSuffix}` from `Fn::Sub`. Unknown when not literal.
 */
export function serviceName(value: unknown): string | Unknown {
  if (value instanceof Unknown) return value;
  if (value instanceof Choice) return new Unknown(`service principal depends on condition ${value.condition}`);
  if (value instanceof Composite && value.unknowns.length > 0) return new Unknown(value.unknowns.map((u) => u.reason).join('; '));
  if (typeof value !== 'string' && !(value instanceof Composite)) return new Unknown(`service principal ${render(value)} is not known here`);
  return render(value)
    .toLowerCase()
    .replace(/\.(amazonaws\.com(\.cn)?|\$\{aws::urlsuffix\})$/, '');
}

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
  const doc = parsePolicy(graph.props(role).AssumeRolePolicyDocument);
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
  const path = graph.props(role).Path;
  return role.type === 'AWS::IAM::ServiceLinkedRole' || (typeof path === 'string' && path.startsWith('/aws-service-role/'));
}

/** Customer roles of the graph a service can assume, with their trust statements (or why they cannot be read). */
export function rolesTrustedBy(graph: ResourceGraph, servicePrincipals: readonly string[]): Array<{ role: Resource; statements: Statement[] | Unknown }> {
  const out: Array<{ role: Resource; statements: Statement[] | Unknown }> = [];
  for (const role of graph.ofType('AWS::IAM::Role')) {
    if (isServiceLinkedRole(graph, role)) continue;
    const statements = trustStatementsFor(graph, role, servicePrincipals);
    if (statements instanceof Unknown || statements.length > 0) out.push({ role, statements });
  }
  return out;
}

export const CONFUSED_DEPUTY_KEYS = ['aws:SourceAccount', 'aws:SourceArn'] as const;
export type ConfusedDeputyKey = (typeof CONFUSED_DEPUTY_KEYS)[number];

/** A confused-deputy condition a statement lacks or leaves wide open. */
export interface ConfusedDeputyGap {
  key: ConfusedDeputyKey;
  /** `missing`: not there, or only under an operator that does not restrict (`StringNotEquals`, `…IfExists`, `Null`); `wildcard`: a value matches any account. */
  problem: 'missing' | 'wildcard';
  /** One clause for reasons: `aws:SourceArn is "*"`. */
  detail: string;
}

/** Operators that do not restrict the caller: negations, `…IfExists` (passes when the key is absent), `Null`. */
function restricts(operator: string): boolean {
  return !/not/i.test(operator) && !/ifexists$/i.test(operator) && operator.toLowerCase() !== 'null';
}

/** The account field of an ARN, with `${…}` placeholders kept out of the way of the `:` separators. */
function arnAccount(text: string): string | undefined {
  return parseArn(text.replace(/\$\{[^}]*\}/g, '§'))?.account;
}

const ONLY_WILDCARDS = /^[*?]*$/;

/**
 * True when a condition value lets any account through: `*`, or for `aws:SourceArn` an ARN whose
 * account field is a wildcard or empty (`arn:aws:connect:*:*:*`). A reference or `${AWS::AccountId}`
 * is specific.
 */
export function wildcardOnly(key: ConfusedDeputyKey, text: string): boolean {
  if (ONLY_WILDCARDS.test(text)) return true;
  if (key === 'aws:SourceAccount') return false;
  const account = arnAccount(text);
  return account !== undefined && ONLY_WILDCARDS.test(account);
}

/**
 * What keeps a service-principal statement from being a confused-deputy hole: both `aws:SourceAccount`
 * and `aws:SourceArn`, under a restricting operator, with values that are not wildcard-only. Keys are
 * compared case-insensitively (AWS's own examples write `AWS:SourceAccount`). Unknown when a value
 * cannot be known here.
 */
export function confusedDeputyGaps(stmt: Statement): ConfusedDeputyGap[] | Unknown {
  const gaps: ConfusedDeputyGap[] = [];
  for (const key of CONFUSED_DEPUTY_KEYS) {
    const entries = stmt.conditions.get(key);
    const restricting = entries.filter((e) => restricts(e.operator));
    if (restricting.length === 0) {
      const weak = entries.map((e) => e.operator);
      gaps.push({ key, problem: 'missing', detail: weak.length > 0 ? `${key} is only used with ${weak.join(', ')}, which does not restrict the caller` : `${key} is missing` });
      continue;
    }
    for (const { values } of restricting) {
      for (const value of values) {
        if (value instanceof Unknown) return new Unknown(`${key}: ${value.reason}`);
        if (value instanceof Choice) return new Unknown(`${key} depends on condition ${value.condition}`);
        if (value instanceof Composite && value.unknowns.length > 0) return new Unknown(`${key}: ${value.unknowns.map((u) => u.reason).join('; ')}`);
        const text = render(value);
        if (wildcardOnly(key, text)) {
          gaps.push({ key, problem: 'wildcard', detail: `${key} is ${JSON.stringify(text)}, which matches any account` });
          break;
        }
      }
      if (gaps.some((g) => g.key === key)) break;
    }
  }
  return gaps;
}
