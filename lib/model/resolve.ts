import type { Resource, StackInfo } from './resource';
import { Choice, Composite, Pseudo, Reference, Unknown } from './values';

/** Everything needed to resolve intrinsics inside one stack. */
export interface StackScope {
  stack: StackInfo;
  resources: Map<string, Resource>;
  parameters: Readonly<Record<string, { Default?: unknown; Type?: string }>>;
  parameterValues: Readonly<Record<string, unknown>>;
  conditions: Readonly<Record<string, unknown>>;
  mappings: Readonly<Record<string, unknown>>;
  exportLookup: (name: string) => { scope: StackScope; value: unknown } | undefined;
  conditionCache: Map<string, boolean | Unknown>;
  /** Parameters each evaluated condition read at their `Default` (no value given): what a deployment may change. */
  conditionDefaults?: Map<string, readonly string[]>;
  /** While a condition is evaluated: the parameters read at their default so far. */
  defaultsRead?: Set<string>;
}

const MAX_DEPTH = 64;
const NO_VALUE = Symbol('AWS::NoValue');

/**
 * A template's own entry, never a member of `Object.prototype`: a parameter, condition, mapping or
 * variable named `constructor`, `toString` or `__proto__` is valid CloudFormation, and a plain lookup
 * would find JavaScript's instead.
 */
function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && table !== null && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** `{{resolve:ssm:…}}`, `{{resolve:secretsmanager:…}}`: values CloudFormation reads at deploy time. */
const DYNAMIC_REFERENCE = /\{\{resolve:[^}]*\}\}/g;

/** A string with dynamic references, as parts: each reference an `Unknown` naming it. */
function dynamicParts(s: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(DYNAMIC_REFERENCE)) {
    parts.push(s.slice(last, m.index));
    parts.push(new Unknown(`${m[0]} is a dynamic reference, resolved by CloudFormation at deploy time`));
    last = m.index + m[0].length;
  }
  parts.push(s.slice(last));
  return parts;
}

/** A literal string, or (when it holds dynamic references) what it is once they are unknown. */
function literal(s: string): unknown {
  if (!s.includes('{{resolve:')) return s;
  const parts = dynamicParts(s).filter((p) => p !== '');
  return parts.length === 1 ? parts[0] : new Composite(parts);
}

type Part = string | Reference | Pseudo | Unknown;

/**
 * Replace CloudFormation intrinsics by literal values where they can be computed, and by
 * `Reference`/`Composite`/`Choice`/`Pseudo`/`Unknown` nodes where they cannot.
 */
export function resolveIntrinsics(value: unknown, scope: StackScope, depth = 0, asCondition = false): unknown {
  const out = resolve(value, scope, depth, asCondition);
  return out === NO_VALUE ? undefined : out;
}

/**
 * `depth` counts indirections (a parameter's default, an export, a condition's body, a mapping's
 * value), not the nesting of literal trees, which the parser already bounds.
 */
function resolve(value: unknown, scope: StackScope, depth: number, asCondition = false): unknown {
  if (depth > MAX_DEPTH) return new Unknown('reference chain too deep (a cycle?)');
  if (typeof value === 'string') return literal(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Unknown || value instanceof Reference || value instanceof Composite || value instanceof Pseudo || value instanceof Choice) {
    return value;
  }
  // A list or plain object in which nothing resolves to something else is returned as it is: most of
  // a template is literal, and copying it all would double what a large scan holds in memory.
  // Resolved trees are only ever read, by every check alike, so sharing the literal parts is safe.
  if (Array.isArray(value)) {
    let items: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = resolve(value[i], scope, depth);
      if (!items && v !== value[i]) items = value.slice(0, i);
      if (items && v !== NO_VALUE) items.push(v);
    }
    return items ?? value;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const key = keys[0];
    const arg = obj[key];
    if (key === 'Ref') return ref(arg, scope, depth);
    if (key === 'Condition' && asCondition) return condition(arg, scope, depth);
    if (key.startsWith('Fn::')) return intrinsic(key, arg, scope, depth);
  }
  // The copy is a clone, its values then replaced: one step, where adding key after key would make V8
  // walk a new hidden class per key. Spread defines keys (an own `__proto__` stays a key), and a value
  // is only ever written over a key the copy already has.
  let result: Record<string, unknown> | undefined = Object.getPrototypeOf(obj) === Object.prototype ? undefined : { ...obj };
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = resolve(obj[k], scope, depth);
    if (v === obj[k]) continue;
    result ??= { ...obj };
    if (v === NO_VALUE) delete result[k];
    else result[k] = v;
  }
  return result ?? obj;
}

function pseudo(name: string, scope: StackScope): unknown {
  const { stack } = scope;
  switch (name) {
    case 'AWS::NoValue':
      return NO_VALUE;
    case 'AWS::StackName':
      return stack.name;
    case 'AWS::AccountId':
      return stack.account ?? new Pseudo(name);
    case 'AWS::Region':
      return stack.region ?? new Pseudo(name);
    case 'AWS::Partition':
      return stack.region ? partitionOf(stack.region).partition : new Pseudo(name);
    case 'AWS::URLSuffix':
      return stack.region ? partitionOf(stack.region).urlSuffix : new Pseudo(name);
    default:
      return new Pseudo(name);
  }
}

/** The partition of a Region, and its URL suffix, from the Region's prefix. */
const PARTITIONS: ReadonlyArray<[prefix: string, partition: string, urlSuffix: string]> = [
  ['cn-', 'aws-cn', 'amazonaws.com.cn'],
  ['us-gov-', 'aws-us-gov', 'amazonaws.com'],
  ['us-isob-', 'aws-iso-b', 'sc2s.sgov.gov'],
  ['us-iso-', 'aws-iso', 'c2s.ic.gov'],
  ['eu-isoe-', 'aws-iso-e', 'cloud.adc-e.uk'],
  ['us-isof-', 'aws-iso-f', 'csp.hci.ic.gov'],
];

export function partitionOf(region: string): { partition: string; urlSuffix: string } {
  const hit = PARTITIONS.find(([prefix]) => region.startsWith(prefix));
  return hit ? { partition: hit[1], urlSuffix: hit[2] } : { partition: 'aws', urlSuffix: 'amazonaws.com' };
}

function ref(arg: unknown, scope: StackScope, depth: number): unknown {
  if (typeof arg !== 'string') return new Unknown(`malformed Ref ${JSON.stringify(arg)}`);
  if (arg.startsWith('AWS::')) return pseudo(arg, scope);
  const resource = scope.resources.get(arg);
  if (resource) return new Reference(resource, 'Ref');
  const param = own(scope.parameters, arg);
  if (param) return parameter(arg, param, scope, depth);
  return new Unknown(`Ref to ${arg}, which is not in stack ${scope.stack.name}`);
}

function parameter(name: string, param: { Default?: unknown; Type?: string }, scope: StackScope, depth: number): unknown {
  const type = param.Type ?? 'String';
  const given = own(scope.parameterValues, name);
  const value = given !== undefined ? given : param.Default;
  if (given === undefined && param.Default !== undefined) scope.defaultsRead?.add(name);
  if (type.startsWith('AWS::SSM::Parameter::Value')) {
    return new Unknown(`parameter ${name} is read from SSM parameter ${String(value)} at deploy time`);
  }
  if (value === undefined) return new Unknown(`parameter ${name} has no value and no default`);
  if ((type.startsWith('List<') || type === 'CommaDelimitedList') && typeof value === 'string') {
    return value.split(',').map((s) => s.trim());
  }
  // CloudFormation hands every parameter value over as a string (a Number parameter's 3 is "3").
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return resolve(value, scope, depth + 1);
}

function condition(name: unknown, scope: StackScope, depth: number): boolean | Unknown {
  if (typeof name !== 'string') return new Unknown(`malformed Condition ${JSON.stringify(name)}`);
  const cached = scope.conditionCache.get(name);
  if (cached !== undefined) {
    for (const p of scope.conditionDefaults?.get(name) ?? []) scope.defaultsRead?.add(p);
    return cached;
  }
  const body = own(scope.conditions, name);
  let result: boolean | Unknown;
  const outer = scope.defaultsRead;
  const reads = new Set<string>();
  scope.defaultsRead = reads;
  try {
    if (body === undefined) result = new Unknown(`condition ${name} is not defined`);
    else {
      const v = resolve(body, scope, depth + 1, true);
      result = typeof v === 'boolean' ? v : v instanceof Unknown ? v : new Unknown(`condition ${name} cannot be evaluated`);
    }
  } finally {
    scope.defaultsRead = outer;
  }
  for (const p of reads) outer?.add(p);
  scope.conditionDefaults?.set(name, [...reads]);
  scope.conditionCache.set(name, result);
  return result;
}

function isLiteral(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every(isLiteral);
  if (v.constructor !== Object) return false;
  return Object.values(v).every(isLiteral);
}

function toParts(v: unknown): Part[] | undefined {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  if (v instanceof Reference || v instanceof Pseudo || v instanceof Unknown) return [v];
  if (v instanceof Composite) return [...v.parts];
  return undefined;
}

/** Join parts into a literal string when every part is literal, otherwise a `Composite`. */
function join(parts: Part[]): string | Composite {
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
    else if (p !== '') merged.push(p);
  }
  if (merged.length === 0) return '';
  if (merged.length === 1 && typeof merged[0] === 'string') return merged[0];
  return new Composite(merged);
}

function getAtt(arg: unknown, scope: StackScope, depth: number): unknown {
  let logicalId: unknown;
  let attribute: unknown;
  if (typeof arg === 'string' && arg.includes('.')) [logicalId, attribute] = [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)];
  else if (Array.isArray(arg)) [logicalId, attribute] = [arg[0], resolve(arg[1], scope, depth + 1)];
  if (typeof logicalId !== 'string' || typeof attribute !== 'string') return new Unknown(`malformed Fn::GetAtt ${JSON.stringify(arg)}`);
  const resource = scope.resources.get(logicalId);
  if (!resource) return new Unknown(`Fn::GetAtt to ${logicalId}, which is not in stack ${scope.stack.name}`);
  return new Reference(resource, attribute);
}

function sub(arg: unknown, scope: StackScope, depth: number): unknown {
  let template: unknown = arg;
  let vars: Record<string, unknown> = {};
  if (Array.isArray(arg)) {
    template = arg[0];
    const raw = arg[1];
    if (raw && typeof raw === 'object') vars = raw as Record<string, unknown>;
  }
  if (typeof template !== 'string') return new Unknown('malformed Fn::Sub');
  const parts: Part[] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    parts.push(...dynamicParts(template.slice(last, m.index)));
    last = m.index + m[0].length;
    const name = m[1];
    if (name.startsWith('!')) {
      parts.push(`\${${name.slice(1)}}`);
      continue;
    }
    let v: unknown;
    if (own(vars, name) !== undefined) v = resolve(vars[name], scope, depth + 1);
    else if (name.includes('.') && !name.startsWith('AWS::')) v = getAtt(name, scope, depth);
    else v = ref(name, scope, depth);
    const p = toParts(v);
    parts.push(...(p ?? [new Unknown(`\${${name}} is not a string`)]));
  }
  parts.push(...dynamicParts(template.slice(last)));
  return join(parts);
}

function intrinsic(fn: string, arg: unknown, scope: StackScope, depth: number): unknown {
  const args = Array.isArray(arg) ? arg : [arg];
  switch (fn) {
    case 'Fn::GetAtt':
      return getAtt(arg, scope, depth);
    case 'Fn::Sub':
      return sub(arg, scope, depth);
    case 'Fn::Join': {
      const [delim, list] = args;
      const items = resolve(list, scope, depth + 1);
      if (typeof delim !== 'string' || !Array.isArray(items)) return items instanceof Unknown ? items : new Unknown('Fn::Join over a list that cannot be resolved');
      const parts: Part[] = [];
      items.forEach((item, i) => {
        if (i > 0) parts.push(delim);
        parts.push(...(toParts(item) ?? [new Unknown(`Fn::Join item ${i} is not a string`)]));
      });
      return join(parts);
    }
    case 'Fn::Select': {
      const index = resolve(args[0], scope, depth + 1);
      const list = resolve(args[1], scope, depth + 1);
      if (!Array.isArray(list)) return list instanceof Unknown ? list : new Unknown('Fn::Select over a list that cannot be resolved');
      if (index instanceof Unknown) return index;
      const i = typeof index === 'string' && index.trim() !== '' ? Number(index) : index;
      if (typeof i !== 'number' || !Number.isInteger(i)) return new Unknown(`Fn::Select index ${JSON.stringify(index)} is not a whole number`);
      return i >= 0 && i < list.length ? list[i] : new Unknown(`Fn::Select index ${i} out of range`);
    }
    case 'Fn::Split': {
      const [delim, source] = args;
      const s = resolve(source, scope, depth + 1);
      if (typeof delim === 'string' && typeof s === 'string') return s.split(delim);
      return s instanceof Unknown ? s : new Unknown('Fn::Split of a value that cannot be resolved');
    }
    case 'Fn::If': {
      const [cond, whenTrue, whenFalse] = args;
      const c = condition(cond, scope, depth);
      if (c === true) return resolve(whenTrue, scope, depth + 1);
      if (c === false) return resolve(whenFalse, scope, depth + 1);
      const a = resolve(whenTrue, scope, depth + 1);
      const b = resolve(whenFalse, scope, depth + 1);
      return new Choice(shown(cond), [a === NO_VALUE ? undefined : a, b === NO_VALUE ? undefined : b]);
    }
    case 'Fn::ImportValue': {
      const name = resolve(arg, scope, depth + 1);
      if (typeof name !== 'string') return new Unknown(`Fn::ImportValue of a name that cannot be resolved (${shown(name)})`);
      const exported = scope.exportLookup(name);
      if (!exported) return new Unknown(`Fn::ImportValue ${name}: no stack in this run exports it`);
      return resolve(exported.value, exported.scope, depth + 1);
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = args.map((a) => resolve(a, scope, depth + 1));
      if (typeof map !== 'string' || typeof top !== 'string' || typeof second !== 'string') return new Unknown('Fn::FindInMap with keys that cannot be resolved');
      const v = own(own(own(scope.mappings, map) as Record<string, Record<string, unknown>> | undefined, top), second);
      return v === undefined ? new Unknown(`Fn::FindInMap ${map}.${top}.${second} is not defined`) : resolve(v, scope, depth + 1);
    }
    case 'Fn::Equals': {
      const [a, b] = args.map((x) => resolve(x, scope, depth + 1, true));
      // CloudFormation compares scalars as text: a parameter "true" equals YAML's `true`, "3" equals 3.
      const text = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);
      if (isLiteral(a) && isLiteral(b)) return JSON.stringify(text(a)) === JSON.stringify(text(b));
      return new Unknown(`Fn::Equals of values not known at synth (${shown(a)}, ${shown(b)})`);
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const vals = args.map((x) => resolve(x, scope, depth + 1, true));
      const decisive = fn === 'Fn::And' ? false : true;
      if (vals.some((v) => v === decisive)) return decisive;
      const unknown = vals.find((v) => typeof v !== 'boolean');
      return unknown === undefined ? !decisive : unknown instanceof Unknown ? unknown : new Unknown(`${fn} cannot be evaluated`);
    }
    case 'Fn::Not': {
      const v = resolve(args[0], scope, depth + 1, true);
      return typeof v === 'boolean' ? !v : v instanceof Unknown ? v : new Unknown('Fn::Not cannot be evaluated');
    }
    case 'Fn::ToJsonString': {
      const v = resolve(arg, scope, depth + 1);
      return isLiteral(v) ? JSON.stringify(v) : new Unknown('Fn::ToJsonString of values not known at synth');
    }
    case 'Fn::Length': {
      const v = resolve(arg, scope, depth + 1);
      return Array.isArray(v) ? v.length : new Unknown('Fn::Length of a list that cannot be resolved');
    }
    default:
      return new Unknown(`${fn} is computed at deploy time`);
  }
}

/**
 * A value as a reason shows it. Never throws: a template's object may have an own `toString` or
 * `valueOf` key that is no function, which `String()` would call.
 */
function shown(v: unknown): string {
  if (v === null || typeof v !== 'object' || v instanceof Unknown) return String(v);
  if (typeof (v as { toString?: unknown }).toString === 'function' && !Object.hasOwn(v, 'toString')) return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}
