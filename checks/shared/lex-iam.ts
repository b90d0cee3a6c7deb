import picomatch from 'picomatch';
import { unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { actionMatches, actionsOf } from '../../lib/policy/actions';
import { parsePolicy, unreadableActions, type PolicyDocument, type Statement } from '../../lib/policy/document';
import { BOT, BOT_ALIAS, type ResourcePolicyProps } from '../../lib/model/types/lex';
import { heldPolicies, namesOf } from '../../lib/model/relations/iam';

/** Identity and access helpers shared by the Lex IAM and service-linked-role checks. */

/** The runtime API a bot's callers need; everything else acts on the bot's definition. */
export const RUNTIME_ACTIONS = ['RecognizeText', 'RecognizeUtterance', 'StartConversation', 'GetSession', 'PutSession', 'DeleteSession'].map((a) => `lex:${a}`);

const ADMIN_PATTERNS = ['lex:Update*', 'lex:Delete*', 'lex:*ResourcePolicy*', 'lex:StartImport'];
let admin: string[] | undefined;
// Policies repeat the same few patterns: match each against the action list once.
const adminCache = new Map<string, boolean>();
const allCache = new Map<string, boolean>();

/** Build/admin actions (`Update*`, `Delete*`, `*ResourcePolicy*`, `StartImport`) from the real action list, runtime actions left out. */
export function adminActions(): string[] {
  admin ??= actionsOf('lex')
    .map((a) => `lex:${a}`)
    .filter((a) => ADMIN_PATTERNS.some((p) => actionMatches(p, a)) && !RUNTIME_ACTIONS.some((r) => actionMatches(r, a)));
  return admin;
}

/** Does an action pattern (`lex:Update*`, `lex:*Bot*`) cover a build/admin action? */
export function coversAdmin(pattern: string): boolean {
  let hit = adminCache.get(pattern);
  if (hit === undefined) adminCache.set(pattern, (hit = adminActions().some((a) => actionMatches(pattern, a))));
  return hit;
}

/** Does an action pattern cover every Lex action (`*`, `lex:*`, `LEX:*`)? */
export function coversAllLex(pattern: string): boolean {
  let hit = allCache.get(pattern);
  if (hit === undefined) {
    const all = actionsOf('lex');
    allCache.set(pattern, (hit = all.length > 0 && all.every((a) => actionMatches(pattern, `lex:${a}`))));
  }
  return hit;
}

/** The policy of an `AWS::Lex::ResourcePolicy` (object or JSON string, as CloudFormation and the API give it). */
export function resourcePolicy(graph: ResourceGraph, r: Resource): PolicyDocument | Unknown | undefined {
  return parsePolicy(graph.props<ResourcePolicyProps>(r).Policy);
}

/** Why a statement's principal cannot be read here (a token, a parameter, an undecidable `Fn::If`), if it cannot. */
export function unreadablePrincipal(stmt: Statement): Unknown | undefined {
  const raw = stmt.raw.Principal ?? stmt.raw.NotPrincipal;
  const p = stmt.principal ?? stmt.notPrincipal;
  for (const v of [raw, ...(p?.aws ?? []), ...(p?.service ?? []), ...(p?.federated ?? [])]) {
    if (v instanceof Unknown) return v;
    if (v instanceof Choice) return new Unknown(`principal depends on condition ${v.condition}`);
    if (v instanceof Composite && v.unknowns.length > 0) return v.unknowns[0];
  }
  return undefined;
}

/** How reasons name a statement: `statement 2`, or `statement 2 (AllowConnect)` when it has a Sid. */
export function statementLabel(stmt: Statement): string {
  return stmt.sid ? `statement ${stmt.index} (${stmt.sid})` : `statement ${stmt.index}`;
}

/** `bot` or `alias` from a Lex V2 ARN (or a rendering of one built with `Fn::Sub`). */
export function lexArnKind(value: unknown): 'bot' | 'alias' | undefined {
  // `${AWS::Region}` holds colons of its own: take placeholders out before reading the ARN's fields.
  const text = render(value).replace(/\$\{[^}]*\}/g, '§');
  if (/^arn:[^:]+:lex:.*:bot-alias\//.test(text)) return 'alias';
  if (/^arn:[^:]+:lex:.*:bot\//.test(text)) return 'bot';
  return undefined;
}

const TEST_ALIAS_ARN = /^(arn:[^:]+:lex:[^:]*:[^:]*:)bot-alias\/([^/]+)\/TSTALIASID$/;

/**
 * What a Lex ARN value denotes: a bot or alias of the graph, something else, or nothing knowable.
 * The built-in test alias (`…/TSTALIASID`) has no resource of its own: its settings live on the bot,
 * so it resolves to the bot (callers that care whether an ARN is an alias ask `lexArnKind`).
 */
export function lexTarget(graph: ResourceGraph, value: unknown): { resource: Resource } | { external: string } | Unknown | undefined {
  // `arn:…:bot-alias/${Bot.Id}/${Alias.BotAliasId}` names two resources: the ARN's own kind decides.
  if (value instanceof Composite && value.unknowns.length === 0 && value.references.length > 0) {
    const kind = lexArnKind(value);
    const text = render(value);
    const type = kind === 'alias' && !text.endsWith('/TSTALIASID') ? BOT_ALIAS : BOT;
    const hit = value.references.map((r) => r.target).find((r) => r.type === type);
    if (kind && hit && !text.endsWith('*')) return { resource: hit };
    if (kind) return { external: text };
  }
  const test = typeof value === 'string' ? TEST_ALIAS_ARN.exec(value) : null;
  if (test) {
    const bot = graph.target(`${test[1]}bot/${test[2]}`, BOT);
    if (bot && !(bot instanceof Unknown) && 'resource' in bot) return bot;
  }
  const t = graph.target(value, BOT, BOT_ALIAS);
  if (t && !(t instanceof Unknown) && 'resource' in t && t.resource.type !== BOT && t.resource.type !== BOT_ALIAS) {
    return { external: render(value) };
  }
  return t;
}

/** `*`, `arn:aws:iam::123456789012:role/*`, `arn:aws:iam::*:role/aws-service-role/*`: IAM resources that take in every role. */
export function isAnyRole(resource: unknown): boolean {
  return resource === '*' || (typeof resource === 'string' && /^arn:[^:]+:iam::[^:]*:(role\/(aws-service-role\/)?)?\*$/.test(resource));
}

/**
 * Verdicts on the statements of the identity policies written on `holder`, in document order. `judge`
 * gives one statement's verdicts (`path` is the statement's, `docPath` its document's), or undefined when
 * the statement is not about the check's subject; a document that cannot be read is UNKNOWN. `relevant`
 * counts the statements `judge` took up.
 */
export function heldStatementVerdicts(
  graph: ResourceGraph,
  holder: Resource,
  judge: (stmt: Statement, path: string, document: PolicyDocument, docPath: string) => Verdict[] | undefined,
): { verdicts: Verdict[]; relevant: number } {
  const verdicts: Verdict[] = [];
  let relevant = 0;
  for (const { path, document } of heldPolicies(graph, holder)) {
    if (document instanceof Unknown) {
      verdicts.push(unknown(`policy document cannot be read: ${document.reason}`, { findingKey: path, path }));
      continue;
    }
    for (const stmt of document?.statements ?? []) {
      const at = `${path}.Statement.${stmt.index}`;
      const out = judge(stmt, at, document!, path);
      const doubt = stmt.effect === 'Deny' ? undefined : unreadableGrant(stmt);
      if (out || doubt) relevant++;
      verdicts.push(...(out ?? []));
      if (doubt) verdicts.push(unknown(`${doubt.what} of ${statementLabel(stmt)} cannot be known: ${doubt.why.reason}`, { findingKey: `${path}::Statement[${stmt.index}]::${doubt.key}`, path: at }));
    }
  }
  return { verdicts, relevant };
}

/**
 * What of an Allow statement (or one whose effect is not known) cannot be read so that what it grants
 * is not known: its effect, or its actions (a list parameter, `Fn::Split` over an import). Whatever a
 * check looks for, such a statement may grant it.
 */
function unreadableGrant(stmt: Statement): { what: string; key: string; why: Unknown } | undefined {
  if (stmt.effect instanceof Unknown) return { what: 'the effect', key: 'Effect', why: stmt.effect };
  const actions = unreadableActions(stmt);
  return actions ? { what: 'the actions', key: 'Action', why: actions } : undefined;
}

/** Glob match of any name against any pattern (`*Admin*`, `arn:aws:iam::*:role/admin/*`). */
export function matchesAny(names: readonly string[], patterns: readonly string[]): boolean {
  return patterns.length > 0 && names.some((n) => picomatch.isMatch(n, [...patterns], { dot: true, bash: true }));
}

/** Names of a principal value in a policy: the literal ARN, or the graph resource a reference points at. */
export function principalNames(graph: ResourceGraph, value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const t = graph.target(value);
  const names = t && !(t instanceof Unknown) && 'resource' in t ? namesOf(graph, t.resource) : [];
  return [render(value), ...names];
}

/** One verdict per finding key: the same offending part written twice is one finding. */
export function dedupe(verdicts: Verdict[]): Verdict[] {
  const seen = new Set<string>();
  return verdicts.filter((v) => {
    if (v.findingKey === undefined) return true;
    const key = `${v.status}|${v.findingKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
