import { Choice, Composite, Pseudo, Reference, Unknown, render } from '../model/values';
import { actionMatches } from './actions';

/** Condition block with case-insensitive keys (IAM compares condition keys case-insensitively). */
export class Conditions {
  private readonly entries: Array<{ operator: string; key: string; values: unknown[] }> = [];
  constructor(readonly raw: unknown) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return;
    for (const [operator, block] of Object.entries(raw as Record<string, unknown>)) {
      if (!block || typeof block !== 'object' || Array.isArray(block)) continue;
      for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
        this.entries.push({ operator, key: key.toLowerCase(), values: Array.isArray(value) ? value : [value] });
      }
    }
  }
  get isEmpty(): boolean {
    return this.entries.length === 0;
  }
  /** Entries for a key (`aws:SourceAccount`), whatever its case and operator. */
  get(key: string): Array<{ operator: string; values: unknown[] }> {
    const k = key.toLowerCase();
    return this.entries.filter((e) => e.key === k);
  }
  has(key: string): boolean {
    return this.get(key).length > 0;
  }
  /** Keys present, lower-cased. */
  keys(): string[] {
    return [...new Set(this.entries.map((e) => e.key))];
  }
  /** True when some key starts with the prefix (`aws:ResourceTag/`). */
  hasPrefix(prefix: string): boolean {
    const p = prefix.toLowerCase();
    return this.entries.some((e) => e.key.startsWith(p));
  }
}

export interface Principals {
  /** `"*"` or `{"AWS":"*"}`. */
  wildcard: boolean;
  aws: unknown[];
  service: unknown[];
  federated: unknown[];
  canonicalUser: unknown[];
}

export interface Statement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny' | Unknown;
  principal?: Principals;
  notPrincipal?: Principals;
  /** Action patterns as strings; entries that are not literal are rendered (`<unknown: …>`). */
  actions?: string[];
  notActions?: string[];
  resources?: unknown[];
  notResources?: unknown[];
  conditions: Conditions;
  raw: Record<string, unknown>;
}

export interface PolicyDocument {
  statements: Statement[];
}

function list(v: unknown): unknown[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : [v];
}

function principals(v: unknown): Principals | undefined {
  if (v === undefined) return undefined;
  const p: Principals = { wildcard: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (v === '*') return { ...p, wildcard: true };
  if (!v || typeof v !== 'object') return { ...p, aws: [v] };
  for (const [k, raw] of Object.entries(v as Record<string, unknown>)) {
    const values = list(raw) ?? [];
    switch (k.toLowerCase()) {
      case 'aws':
        p.aws.push(...values);
        if (values.includes('*')) p.wildcard = true;
        break;
      case 'service':
        p.service.push(...values);
        break;
      case 'federated':
        p.federated.push(...values);
        break;
      case 'canonicaluser':
        p.canonicalUser.push(...values);
        break;
    }
  }
  return p;
}

/**
 * Parse a policy document given as a resolved object or as a JSON string (Lex resource policies
 * and CloudFormation accept both). A document built from tokens cannot be read: Unknown.
 */
export function parsePolicy(doc: unknown): PolicyDocument | Unknown | undefined {
  if (doc === undefined || doc === null) return undefined;
  if (doc instanceof Unknown) return doc;
  if (doc instanceof Composite || doc instanceof Reference) return new Unknown(`policy document is computed at deploy time (${render(doc)})`);
  if (typeof doc !== 'object') return parseDocument(doc);
  // Resolved properties are computed once per graph, so the checks reading one trust or permission
  // policy hand in the same object: parse it once. Parsed documents are only ever read.
  let parsed = parsedDocuments.get(doc);
  if (!parsed) parsedDocuments.set(doc, (parsed = parseDocument(doc)));
  return parsed;
}

const parsedDocuments = new WeakMap<object, PolicyDocument | Unknown>();

function parseDocument(doc: unknown): PolicyDocument | Unknown {
  let body: unknown = doc;
  if (typeof doc === 'string') {
    try {
      body = JSON.parse(decodeIfEncoded(doc));
    } catch {
      return new Unknown('policy document is not valid JSON');
    }
  }
  if (!body || typeof body !== 'object') return new Unknown('policy document is not an object');
  const stmts = list((body as Record<string, unknown>).Statement);
  if (stmts === undefined) return { statements: [] };
  const statements: Statement[] = [];
  stmts.forEach((s, index) => {
    if (!s || typeof s !== 'object' || Array.isArray(s)) return;
    const raw = s as Record<string, unknown>;
    const effect = raw.Effect === 'Allow' || raw.Effect === 'Deny' ? raw.Effect : new Unknown(`statement ${index} has effect ${render(raw.Effect)}`);
    statements.push({
      index,
      sid: typeof raw.Sid === 'string' ? raw.Sid : undefined,
      effect,
      principal: principals(raw.Principal),
      notPrincipal: principals(raw.NotPrincipal),
      actions: list(raw.Action)?.map(render),
      notActions: list(raw.NotAction)?.map(render),
      resources: list(raw.Resource),
      notResources: list(raw.NotResource),
      conditions: new Conditions(raw.Condition),
      raw,
    });
  });
  return { statements };
}

/** Documents that IAM returns URL-encoded (`%7B%22Version…`); plain JSON is left as is. */
export function decodeIfEncoded(text: string): string {
  const t = text.trim();
  if (t.startsWith('%7B') || t.startsWith('%7b')) {
    try {
      return decodeURIComponent(t);
    } catch {
      return text;
    }
  }
  return text;
}

/** Does the statement's Action (or NotAction) cover the action? */
export function coversAction(stmt: Statement, action: string): boolean {
  // Loops, not some(): this runs for every action of every statement a check asks about.
  if (stmt.actions) {
    for (const p of stmt.actions) if (actionMatches(p, action)) return true;
    return false;
  }
  if (stmt.notActions) {
    for (const p of stmt.notActions) if (actionMatches(p, action)) return false;
    return true;
  }
  return false;
}

/** Actions of the statement that match a pattern (`lex:*`): the patterns as written, for finding keys. */
export function actionsMatching(stmt: Statement, test: (pattern: string) => boolean): string[] {
  return (stmt.actions ?? []).filter(test);
}

/** Resource is `"*"` (or NotResource is used, which reaches nearly everything). */
export function onAnyResource(stmt: Statement): boolean {
  if (stmt.notResources) return true;
  return (stmt.resources ?? []).some((r) => r === '*');
}

export function isAllow(stmt: Statement): boolean {
  return stmt.effect === 'Allow';
}

/** Members of a statement whose values a template may write as intrinsics. */
export type StatementMember = 'Action' | 'NotAction' | 'Resource' | 'NotResource';

/**
 * Why some of a statement's `Action`, `NotAction`, `Resource` or `NotResource` cannot be read, if it
 * cannot: a `Ref` to a list parameter without a value, `Fn::Split` over an import, a `Fn::If` whose
 * condition is not known, an action built from a reference. An action must be literal text; a resource
 * may also be a reference, or a string built around one (even an unknown one), which names a resource.
 */
export function unreadableMember(stmt: Statement, member: StatementMember): Unknown | undefined {
  const raw = stmt.raw[member];
  if (raw === undefined) return undefined;
  const action = member === 'Action' || member === 'NotAction';
  for (const v of Array.isArray(raw) ? raw : [raw]) {
    if (typeof v === 'string') continue;
    if (v instanceof Unknown) return v;
    if (v instanceof Choice) return new Unknown(`${member} depends on condition ${v.condition}`);
    // `arn:aws:s3:::${BucketName}/*` names a resource even when its name is not known: what reaches it is read from its form.
    if (!action && (v instanceof Reference || v instanceof Composite)) continue;
    if (v instanceof Composite && v.unknowns.length > 0) return v.unknowns[0];
    if (v instanceof Reference || v instanceof Composite || v instanceof Pseudo) return new Unknown(`${member} ${render(v)} is only known once deployed`);
    return new Unknown(`${member} ${render(v)} is not a string`);
  }
  return undefined;
}

/** Why the actions a statement allows (or, with NotAction, leaves out) cannot be read, if they cannot. */
export function unreadableActions(stmt: Statement): Unknown | undefined {
  return unreadableMember(stmt, 'Action') ?? unreadableMember(stmt, 'NotAction');
}

/** Why the resources of a statement cannot be read, if they cannot. */
export function unreadableResources(stmt: Statement): Unknown | undefined {
  return unreadableMember(stmt, 'Resource') ?? unreadableMember(stmt, 'NotResource');
}
