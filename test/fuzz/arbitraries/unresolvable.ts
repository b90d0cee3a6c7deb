import fc from 'fast-check';
import { ABSENT, type SlotKind, type SlotValue } from '../scenarios';
import { PROTOTYPE_NAMES } from './values';

/** What a form adds to the template besides the slot's value. */
export interface Additions {
  Parameters: Record<string, unknown>;
  Conditions: Record<string, unknown>;
  Mappings: Record<string, unknown>;
}

/** An insecure value made unresolvable: the slot's new value, what it needs, and the forms it used. */
export interface Obscured {
  value: SlotValue;
  add: Additions;
  /** The forms used, outermost first (`if`, `list-param`, …): what the exclusions of known gaps match. */
  forms: string[];
}

/** A form: builds the obscured value from the insecure and secure ones; `undefined` where it does not apply. */
type Form = (insecure: SlotValue, secure: SlotValue, kind: SlotKind, name: (base: string) => string, inner: Obscured) => Obscured | undefined;

const none = (): Additions => ({ Parameters: {}, Conditions: {}, Mappings: {} });
const merge = (a: Additions, b: Additions): Additions => ({ Parameters: { ...a.Parameters, ...b.Parameters }, Conditions: { ...a.Conditions, ...b.Conditions }, Mappings: { ...a.Mappings, ...b.Mappings } });
const only = (value: SlotValue, forms: string[], add: Partial<Additions> = {}): Obscured => ({ value, forms, add: { ...none(), ...add } });
const scalar = (kind: SlotKind) => kind === 'string' || kind === 'number' || kind === 'boolean';
const paramType = (kind: SlotKind) => (kind === 'number' ? 'Number' : kind === 'list' ? 'CommaDelimitedList' : 'String');
const asDefault = (v: SlotValue) => (Array.isArray(v) ? v.join(',') : String(v));
/** `AWS::NoValue` where the insecure value is the property's absence. */
const orNoValue = (v: SlotValue) => (v === ABSENT ? { Ref: 'AWS::NoValue' } : v);
/** A condition CloudFormation decides at deploy time: a parameter without a default. */
const unknownCondition = (name: (base: string) => string) => {
  const p = name('Env');
  const c = name('IsProd');
  return { c, add: { ...none(), Parameters: { [p]: { Type: 'String' } }, Conditions: { [c]: { 'Fn::Equals': [{ Ref: p }, 'prod'] } } } };
};

const FORMS: Record<string, Form> = {
  'param-no-default': (_i, _s, kind, name) => {
    const p = name('Value');
    return only({ Ref: p }, ['param-no-default'], { Parameters: { [p]: { Type: paramType(kind) } } });
  },
  'param-insecure-default': (insecure, _s, kind, name) => {
    if (insecure === ABSENT || !(scalar(kind) || kind === 'list') || (typeof insecure === 'object' && !Array.isArray(insecure))) return undefined;
    const p = name('Value');
    return only({ Ref: p }, ['param-insecure-default'], { Parameters: { [p]: { Type: paramType(kind), Default: asDefault(insecure) } } });
  },
  'list-param': (_i, _s, kind, name) => {
    const p = name('Values');
    const add = { Parameters: { [p]: { Type: 'CommaDelimitedList' } } };
    if (kind === 'list') return only({ Ref: p }, ['list-param'], add);
    if (kind === 'string') return only({ 'Fn::Select': [0, { Ref: p }] }, ['list-param', 'select'], add);
    return undefined;
  },
  'ssm-param': (_i, _s, kind, name) => {
    if (kind === 'object') return undefined;
    const p = name('Stored');
    return only({ Ref: p }, ['ssm-param'], { Parameters: { [p]: { Type: kind === 'list' ? 'AWS::SSM::Parameter::Value<List<String>>' : 'AWS::SSM::Parameter::Value<String>', Default: '/lexscribe/value' } } });
  },
  import: (_i, _s, kind) => (kind === 'object' ? undefined : only({ 'Fn::ImportValue': 'NoStackExportsThis' }, ['import'])),
  'import-sub': (_i, _s, kind) => (kind === 'object' ? undefined : only({ 'Fn::ImportValue': { 'Fn::Sub': '${AWS::StackName}-Value' } }, ['import', 'sub'])),
  dynamic: (_i, _s, kind) => (kind === 'string' || kind === 'number' ? only('{{resolve:ssm:/lexscribe/value}}', ['dynamic']) : undefined),
  'dynamic-secure': (_i, _s, kind) => (kind === 'string' ? only('{{resolve:secretsmanager:lexscribe:SecretString:value}}', ['dynamic']) : undefined),
  'sub-param': (_i, _s, kind, name) => {
    if (kind !== 'string') return undefined;
    const p = name('Part');
    return only({ 'Fn::Sub': `\${${p}}` }, ['sub', 'param-no-default'], { Parameters: { [p]: { Type: 'String' } } });
  },
  'sub-getatt-missing': (_i, _s, kind) => (kind === 'string' ? only({ 'Fn::Sub': '${Missing.Arn}' }, ['sub', 'getatt-missing']) : undefined),
  'getatt-missing': (_i, _s, kind) => (kind === 'object' ? undefined : only({ 'Fn::GetAtt': ['Missing', 'Arn'] }, ['getatt-missing'])),
  'join-param': (_i, _s, kind, name) => {
    if (kind !== 'string') return undefined;
    const p = name('Part');
    return only({ 'Fn::Join': ['', [{ Ref: p }]] }, ['join', 'param-no-default'], { Parameters: { [p]: { Type: 'String' } } });
  },
  'select-unknown-index': (insecure, secure, kind, name) => {
    if (insecure === ABSENT || secure === ABSENT || kind === 'list') return undefined;
    const p = name('Index');
    return only({ 'Fn::Select': [{ Ref: p }, [insecure, secure]] }, ['select', 'param-no-default'], { Parameters: { [p]: { Type: 'Number' } } });
  },
  'find-in-map': (insecure, secure, _kind, name) => {
    if (insecure === ABSENT || secure === ABSENT) return undefined;
    const p = name('Stage');
    const m = name('Settings');
    return only({ 'Fn::FindInMap': [m, { Ref: p }, 'value'] }, ['find-in-map', 'param-no-default'], { Parameters: { [p]: { Type: 'String' } }, Mappings: { [m]: { dev: { value: secure }, prod: { value: insecure } } } });
  },
  // Fn::If with the insecure value (or an already obscured one) in one branch and the secure one in the other.
  'if-then': (_i, secure, _k, name, inner) => {
    const { c, add } = unknownCondition(name);
    return { value: { 'Fn::If': [c, orNoValue(inner.value), orNoValue(secure)] }, add: merge(add, inner.add), forms: ['if', ...inner.forms] };
  },
  'if-else': (_i, secure, _k, name, inner) => {
    const { c, add } = unknownCondition(name);
    return { value: { 'Fn::If': [c, orNoValue(secure), orNoValue(inner.value)] }, add: merge(add, inner.add), forms: ['if', ...inner.forms] };
  },
};

/** Values CloudFormation or the service rejects: never a PASS either (FAIL, or an invalid/UNKNOWN verdict). */
const INVALID: Record<SlotKind, readonly unknown[]> = {
  string: ['', 42, true, [], {}],
  number: [-1, '-1', 'abc', 1.5, '', true, []],
  boolean: ['maybe', 2, '', []],
  object: ['x', 42, [], {}],
  list: ['', [], [''], 42],
};

/** Names for what a form adds: ordinary, or the prototype's, and never twice the same. */
function namer(style: 'plain' | 'prototype'): (base: string) => string {
  const used = new Set<string>();
  const pool = [...PROTOTYPE_NAMES];
  return (base) => {
    let n = style === 'prototype' ? (pool.shift() ?? base) : base;
    for (let i = 2; used.has(n); i++) n = `${base}${i}`;
    used.add(n);
    return n;
  };
}

/**
 * The insecure value of a slot made unresolvable: one form, or a conditional wrapping another form
 * (or the insecure literal itself), or an invalid value; the names it adds are ordinary or the
 * JavaScript prototype's (`toString`, `constructor`, `__proto__`…).
 */
export function obscured(insecure: SlotValue, secure: SlotValue, kind: SlotKind): fc.Arbitrary<Obscured> {
  const leafNames = Object.keys(FORMS).filter((f) => !f.startsWith('if-'));
  const literal: Obscured = { value: insecure, add: none(), forms: ['literal'] };
  const form = fc.tuple(fc.constantFrom(...leafNames), fc.constantFrom<'plain' | 'prototype'>('plain', 'prototype'), fc.constantFrom('none', 'if-then', 'if-else'), fc.boolean()).map(([leaf, style, wrap, wrapLiteral]) => {
    const name = namer(style);
    const inner = FORMS[leaf](insecure, secure, kind, name, literal);
    if (wrap === 'none') return inner;
    return FORMS[wrap](insecure, secure, kind, name, wrapLiteral || !inner ? literal : inner);
  });
  const invalid = fc.constantFrom(...INVALID[kind]).map((value): Obscured => ({ value, add: none(), forms: ['invalid'] }));
  return fc.oneof({ weight: 5, arbitrary: form.filter((o): o is Obscured => o !== undefined) }, { weight: 1, arbitrary: invalid });
}

/** The template with the obscured value's parameters, conditions and mappings added. */
export function withAdditions(template: Record<string, unknown>, add: Additions): Record<string, unknown> {
  const out: Record<string, unknown> = { ...template };
  for (const section of ['Parameters', 'Conditions', 'Mappings'] as const) {
    const entries = Object.entries(add[section]);
    if (entries.length === 0) continue;
    const table: Record<string, unknown> = { ...((template[section] as Record<string, unknown>) ?? {}) };
    for (const [k, v] of entries) Object.defineProperty(table, k, { value: v, enumerable: true, writable: true, configurable: true });
    out[section] = table;
  }
  return out;
}
