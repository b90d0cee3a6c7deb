import type { At, ItemOf, PathOf } from '../model/types/view';
import { Choice, Composite, Pseudo, Reference, Unknown, render } from '../model/values';

/**
 * Reading resolved property trees with three-valued answers. Checks use these instead of plain
 * property access so that a value behind a token, a parameter or an undecidable `Fn::If` comes out
 * as `Unknown` (with the reason) and never as a silent pass.
 */

/**
 * The node at a dotted path (`DataPrivacy.ChildDirected`, `Items.0.Name`). `Fn::If` branches are
 * followed. On a typed view (`lib/model/types/`) the path is checked against the view.
 */
export function get<T, P extends PathOf<T>>(tree: T, path: P): At<T, P>;
export function get(tree: unknown, path: string): unknown {
  let node: unknown = tree;
  const parts = steps(path);
  for (let i = 0; i < parts.length; i++) {
    node = stepInto(node, parts[i]);
    if (node === undefined || node instanceof Unknown) return node;
  }
  return node;
}

// Checks read the same few paths on every resource: split each once. Bounded, as paths may be built from indexes.
const split = new Map<string, readonly string[]>();

function steps(path: string): readonly string[] {
  let parts = split.get(path);
  if (!parts) {
    if (split.size >= 10_000) split.clear();
    split.set(path, (parts = path.split('.')));
  }
  return parts;
}

function stepInto(node: unknown, step: string): unknown {
  if (node === undefined || node === null) return undefined;
  // Most steps are into a plain object of the template: answered before the value classes are tried.
  if (typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) return (node as Record<string, unknown>)[step];
  if (node instanceof Unknown) return node;
  if (node instanceof Choice) {
    const [a, b] = node.options.map((o) => stepInto(o, step));
    return same(a, b) ? a : new Choice(node.condition, [a, b]);
  }
  if (node instanceof Reference || node instanceof Composite || node instanceof Pseudo) {
    return new Unknown(`${render(node)} is not an object`);
  }
  if (Array.isArray(node)) {
    const i = Number(step);
    return Number.isInteger(i) ? node[i] : undefined;
  }
  if (typeof node === 'object') return (node as Record<string, unknown>)[step];
  return undefined;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (isPlain(a) && isPlain(b) && JSON.stringify(a) === JSON.stringify(b));
}

function isPlain(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every(isPlain);
  return v.constructor === Object && Object.values(v).every(isPlain);
}

/**
 * What an undecidable `Fn::If` leaves open: a branch that gives no value (`AWS::NoValue`) or one that
 * cannot be known, as Unknown naming the condition; undefined when every branch gives a value.
 */
export function openBranch(node: unknown): Unknown | undefined {
  if (!(node instanceof Choice)) return undefined;
  const [whenTrue, whenFalse] = node.options;
  for (const [value, when] of [[whenTrue, true], [whenFalse, false]] as const) {
    if (value === undefined) return new Unknown(`not given when condition ${node.condition} is ${when}, which nothing in the template decides`);
    if (value instanceof Unknown) return new Unknown(`when condition ${node.condition} is ${when}: ${value.reason}`);
  }
  return openBranch(whenTrue) ?? openBranch(whenFalse);
}

/** Items of a list node; a list that cannot be known is Unknown; absent is []. */
export function items<T>(node: T): ItemOf<T>[] | Unknown;
export function items(node: unknown): unknown[] | Unknown {
  if (node === undefined || node === null) return [];
  if (Array.isArray(node)) return node;
  if (node instanceof Unknown) return node;
  if (node instanceof Choice) {
    const [a, b] = node.options.map(items);
    if (a instanceof Unknown) return a;
    if (b instanceof Unknown) return b;
    if (same(a, b)) return a;
    return new Unknown(`list depends on condition ${node.condition}`);
  }
  return new Unknown(`expected a list, found ${render(node)}`);
}

/** A boolean property: true, false, undefined when absent, Unknown when it cannot be known. */
export function bool(node: unknown): boolean | undefined | Unknown {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'boolean') return node;
  if (node === 'true' || node === 'false') return node === 'true';
  if (node instanceof Unknown) return node;
  if (node instanceof Choice) {
    const [a, b] = node.options.map(bool);
    return a === b ? a : new Unknown(`depends on condition ${node.condition}`);
  }
  return new Unknown(`${render(node)} is not known at synth`);
}

/** A string property: the string, undefined when absent, Unknown when not literal. */
export function str(node: unknown): string | undefined | Unknown {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node instanceof Unknown) return node;
  if (node instanceof Choice) {
    const [a, b] = node.options.map(str);
    return a === b ? a : new Unknown(`depends on condition ${node.condition}`);
  }
  return new Unknown(`${render(node)} is not known at synth`);
}

/** A number property (CloudFormation accepts numeric strings). */
export function num(node: unknown): number | undefined | Unknown {
  const s = typeof node === 'number' ? node : str(node);
  if (s === undefined || s instanceof Unknown || typeof s === 'number') return s;
  const n = Number(s);
  return Number.isFinite(n) ? n : new Unknown(`${s} is not a number`);
}

/** Tags as a map, from CloudFormation's `[{Key,Value}]` or a plain `{k: v}`; Unknown if not literal. */
export function tags(node: unknown): Map<string, string> | Unknown {
  const out = new Map<string, string>();
  if (node === undefined || node === null) return out;
  if (node instanceof Unknown) return node;
  if (Array.isArray(node)) {
    for (const t of node) {
      const k = str(get(t, 'Key'));
      const v = str(get(t, 'Value'));
      if (k instanceof Unknown) return k;
      if (typeof k === 'string') out.set(k, typeof v === 'string' ? v : v instanceof Unknown ? render(v) : '');
    }
    return out;
  }
  if (typeof node === 'object' && node.constructor === Object) {
    for (const [k, v] of Object.entries(node)) out.set(k, typeof v === 'string' ? v : render(v));
    return out;
  }
  return new Unknown(`tags ${render(node)} are not known at synth`);
}
