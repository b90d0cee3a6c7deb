import fc from 'fast-check';
import { stringify } from 'yaml';

/** How a template is written: the file's name says JSON or YAML, as `lexscribe scan` expects. */
export type Format = 'json' | 'json-compact' | 'yaml-short' | 'yaml-long';
export const FORMATS: readonly Format[] = ['json', 'json-compact', 'yaml-short', 'yaml-long'];
export const format: fc.Arbitrary<Format> = fc.constantFrom(...FORMATS);

export const extensionOf = (f: Format) => (f.startsWith('json') ? 'json' : 'yaml');

const quote = (s: string) => JSON.stringify(s);

/** The one key of a `{ "Fn::X": … }` / `{ "Ref": … }` object, if it is an intrinsic. */
function intrinsic(v: unknown): [string, unknown] | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const [key] = keys;
  if (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) return [key, (v as Record<string, unknown>)[key]];
  return undefined;
}

/** YAML in flow style, with CloudFormation's short-form tags (`!Ref X`, `!GetAtt A.B`, `!If [...]`). */
function flow(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : quote(String(v));
  if (typeof v === 'boolean') return String(v);
  const fn = intrinsic(v);
  if (fn) {
    const [key, arg] = fn;
    const tag = key === 'Ref' || key === 'Condition' ? key : key.slice(4);
    if (key === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2 && arg.every((a) => typeof a === 'string')) return `!GetAtt ${quote(arg.join('.'))}`;
    // A tag cannot take a tagged node (`!Base64 !Sub x` is not YAML): the outer function stays long-form.
    if (intrinsic(arg)) return `{${quote(key)}: ${flow(arg)}}`;
    if (typeof arg === 'string' || Array.isArray(arg) || (arg && typeof arg === 'object')) return `!${tag} ${flow(arg)}`;
  }
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${quote(k)}: ${flow(x)}`)
    .join(', ')}}`;
}

/** Block style for the template's top levels, flow style below them, as hand-written templates look. */
function yamlShort(t: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [section, body] of Object.entries(t)) {
    if (body && typeof body === 'object' && !Array.isArray(body) && !intrinsic(body)) {
      lines.push(`${quote(section)}:`);
      const entries = Object.entries(body as Record<string, unknown>);
      if (entries.length === 0) lines[lines.length - 1] += ' {}';
      for (const [name, value] of entries) lines.push(`  ${quote(name)}: ${flow(value)}`);
    } else {
      lines.push(`${quote(section)}: ${flow(body)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The template as text in a format. */
export function serialise(t: unknown, f: Format): string {
  switch (f) {
    case 'json':
      return JSON.stringify(t, null, 2);
    case 'json-compact':
      return JSON.stringify(t);
    case 'yaml-short':
      return yamlShort(t as Record<string, unknown>);
    case 'yaml-long':
      return stringify(t, { lineWidth: 0 });
  }
}
