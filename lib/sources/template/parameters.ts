import { InputError } from './errors';
import { readInput } from './read';

/** Parameter values from the command line and parameter files: for every stack, and per stack. */
export interface ParameterValues {
  all: Record<string, string>;
  byStack: Record<string, Record<string, string>>;
}

export function emptyParameters(): ParameterValues {
  return { all: {}, byStack: {} };
}

/** Thrown for a `--parameters` argument that is not `Key=Value` or `Stack:Key=Value`. */
export class ParameterSyntaxError extends Error {}

/** Add `Key=Value` and `Stack:Key=Value` arguments (as `cdk deploy --parameters` takes them). */
export function addParameterArgs(into: ParameterValues, args: readonly string[]): ParameterValues {
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? '' : arg.slice(0, eq);
    const colon = name.indexOf(':');
    const stack = colon < 0 ? undefined : name.slice(0, colon);
    const key = colon < 0 ? name : name.slice(colon + 1);
    if (!/^[A-Za-z0-9]+$/.test(key) || stack === '') {
      throw new ParameterSyntaxError(`--parameters ${arg}: expected Key=Value or Stack:Key=Value (parameter names are alphanumeric)`);
    }
    const value = arg.slice(eq + 1);
    if (stack === undefined) into.all[key] = value;
    else (into.byStack[stack] ??= {})[key] = value;
  }
  return into;
}

function asValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(',');
  return undefined;
}

/**
 * Read a parameters file: CloudFormation's `[{ "ParameterKey": …, "ParameterValue": … }]`, a plain
 * `{ "Key": "Value" }` object, or CodePipeline's template configuration `{ "Parameters": { … } }`.
 */
export function readParametersFile(file: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readInput(file).toString('utf8'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `malformed JSON: ${(e as Error).message}`);
  }
  const out: Record<string, string> = {};
  const bad = (what: string) => new InputError(file, `${what}; expected [{"ParameterKey": "…", "ParameterValue": "…"}] or {"Key": "Value"}`);
  if (Array.isArray(raw)) {
    raw.forEach((item, i) => {
      const entry = item as { ParameterKey?: unknown; ParameterValue?: unknown } | null;
      const value = asValue(entry?.ParameterValue);
      if (typeof entry?.ParameterKey !== 'string' || value === undefined) throw bad(`entry ${i} has no ParameterKey and ParameterValue`);
      out[entry.ParameterKey] = value;
    });
    return out;
  }
  if (!raw || typeof raw !== 'object') throw bad('not a list or an object');
  const obj = raw as Record<string, unknown>;
  const entries = obj.Parameters && typeof obj.Parameters === 'object' && !Array.isArray(obj.Parameters) ? (obj.Parameters as Record<string, unknown>) : obj;
  for (const [key, v] of Object.entries(entries)) {
    const value = asValue(v);
    if (value === undefined) throw bad(`the value of ${key} is not a string`);
    out[key] = value;
  }
  return out;
}

/** The values a stack gets: its own (`Stack:Key=Value`) win over those given for every stack. */
export function parametersFor(values: ParameterValues, stack: string, fromManifest?: Record<string, string>): Record<string, string> {
  return { ...fromManifest, ...values.all, ...values.byStack[stack] };
}
