import { Choice, Composite, Pseudo, Reference, Unknown, render } from './values';

/**
 * JSON documents that templates carry as strings (Step Functions `DefinitionString`, the `Create`/
 * `Update` calls of CDK's `AwsCustomResource`), often built with `Fn::Join`/`Fn::Sub` around references.
 * The literal skeleton is parsed with a placeholder standing for each part that is not literal; each
 * placeholder then comes back as what it stands for (a `Reference` to a bucket stays a reference, an
 * unknown parameter stays `Unknown`), so a key whose value is computed at deploy time is unknown for
 * that key only.
 */

type Part = Reference | Pseudo | Unknown;

const TOKEN = /@@lexscribe(\d+)@@/g;

/** Parse a resolved value holding JSON: an object as is, a string or a `Composite` parsed. Unknown when it cannot be read. */
export function parseJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Unknown) return value;
  if (value instanceof Choice) return new Unknown(`the document depends on condition ${value.condition}`);
  if (value instanceof Reference || value instanceof Pseudo) return new Unknown(`the document is ${render(value)}, computed at deploy time`);
  if (typeof value === 'string') return parse(value, []);
  if (value instanceof Composite) {
    const parts: Part[] = [];
    let text = '';
    const state = { inString: false, escaped: false };
    for (const p of value.parts) {
      if (typeof p === 'string') {
        text += p;
        track(p, state);
        continue;
      }
      const token = `@@lexscribe${parts.length}@@`;
      parts.push(p);
      // A part inside a JSON string becomes part of that string; one outside stands for a whole value.
      text += state.inString ? token : `"${token}"`;
    }
    return parse(text, parts);
  }
  return value;
}

function track(text: string, state: { inString: boolean; escaped: boolean }): void {
  for (const ch of text) {
    if (state.escaped) state.escaped = false;
    else if (state.inString && ch === '\\') state.escaped = true;
    else if (ch === '"') state.inString = !state.inString;
  }
}

function parse(text: string, parts: Part[]): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Unknown('the document is not valid JSON once its deploy-time parts are set aside');
  }
  return restore(body, parts);
}

function restore(node: unknown, parts: Part[]): unknown {
  if (typeof node === 'string') return parts.length > 0 ? restoreString(node, parts) : node;
  if (Array.isArray(node)) return node.map((n) => restore(n, parts));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[render(restoreString(k, parts))] = restore(v, parts);
    return out;
  }
  return node;
}

function restoreString(text: string, parts: Part[]): unknown {
  const pieces: Array<string | Part> = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    pieces.push(text.slice(last, m.index));
    pieces.push(parts[Number(m[1])]);
    last = m.index! + m[0].length;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(last));
  const kept = pieces.filter((p) => p !== '');
  if (kept.length === 1 && typeof kept[0] !== 'string') return kept[0];
  return new Composite(kept);
}

/**
 * Replace `${Name}` placeholders in the string values of a parsed document with the values of a
 * substitution map (Step Functions `DefinitionSubstitutions`), which may themselves be references.
 */
export function substitute(node: unknown, values: Record<string, unknown>): unknown {
  if (typeof node === 'string') {
    if (!node.includes('${')) return node;
    const pieces: Array<string | Part> = [];
    let last = 0;
    for (const m of node.matchAll(/\$\{([^}]+)\}/g)) {
      if (!(m[1] in values)) continue;
      pieces.push(node.slice(last, m.index));
      const v = values[m[1]];
      pieces.push(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : v instanceof Reference || v instanceof Pseudo || v instanceof Unknown ? v : new Unknown(`substitution ${m[1]} is ${render(v)}`));
      last = m.index! + m[0].length;
    }
    if (pieces.length === 0) return node;
    pieces.push(node.slice(last));
    const kept = pieces.filter((p) => p !== '');
    if (kept.length === 1) return kept[0];
    return kept.every((p) => typeof p === 'string') ? kept.join('') : new Composite(kept);
  }
  if (node instanceof Composite) {
    return new Composite(node.parts.flatMap((p) => (typeof p === 'string' ? toParts(substitute(p, values)) : [p])));
  }
  if (Array.isArray(node)) return node.map((n) => substitute(n, values));
  if (node && typeof node === 'object' && node.constructor === Object) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substitute(v, values)]));
  }
  return node;
}

function toParts(v: unknown): Array<string | Part> {
  if (v instanceof Composite) return [...v.parts];
  if (v instanceof Reference || v instanceof Pseudo || v instanceof Unknown) return [v];
  return [String(v)];
}
