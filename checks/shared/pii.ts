import { fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Choice, Composite, Pseudo, Reference, Unknown } from '../../lib/model/values';

/**
 * Personal data in free-text fields (names, descriptions, tags, prefixes), which land in logs,
 * billing and consoles (LEX-DP-16, TR-DP-11). Reasons name the kind of data, never the value.
 */

export type PiiKind = 'email' | 'phone' | 'ssn' | 'card';

/** How reasons name each kind: "looks like an email address". */
export const PII_LABELS: Record<PiiKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  ssn: 'a social security number',
  card: 'a card number',
};

/**
 * Every quantifier is bounded (an email's local part is at most 64 characters, a domain label 63, a
 * top-level domain 24): each start position is tried over a bounded span, so a scan is linear in the
 * text, however long and however adversarial (a 100 KB description of `a`s took minutes with `+`).
 */
/** `needs`: a character every match holds (`@` or a digit), looked for before the pattern is tried. */
const PATTERNS: Array<{ kind: PiiKind; needs: '@' | 'digit'; re: RegExp; valid?: (match: string) => boolean }> = [
  { kind: 'email', needs: '@', re: /(?<![A-Z0-9._%+-])[A-Z0-9._%+-]{1,64}@[A-Z0-9-]{1,63}(?:\.[A-Z0-9-]{1,63}){0,8}\.[A-Z]{2,24}/gi },
  { kind: 'ssn', needs: 'digit', re: /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g },
  // Card numbers: 13–19 digits, optionally grouped by spaces or dashes, passing the Luhn check.
  { kind: 'card', needs: 'digit', re: /(?<!\d)[3-6]\d{3}(?:[ -]?\d){9,15}(?!\d)/g, valid: (m) => luhn(m.replace(/\D/g, '')) },
  // Phone numbers: international (+ and 8–15 digits) or grouped North-American style.
  { kind: 'phone', needs: 'digit', re: /(?<![\w+])(?:\+\d[\d -]{7,17}\d|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})(?!\d)/g },
];

// The same patterns without `g`: a test that finds nothing (nearly every name) allocates no match list.
const ANY = PATTERNS.map(({ re }) => new RegExp(re.source, re.flags.replace('g', '')));
const HAS_DIGIT = /\d/;

function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Kinds of personal data found in a text (each kind once), in one linear pass per kind. Most names and
 * prefixes hold neither an `@` nor a digit: such a text is answered before any pattern is tried at each
 * of its positions.
 */
export function piiIn(text: string): PiiKind[] {
  const found: PiiKind[] = [];
  const at = text.includes('@');
  const digits = HAS_DIGIT.test(text);
  if (!at && !digits) return found;
  let rest = text;
  for (let i = 0; i < PATTERNS.length; i++) {
    const { kind, needs, re, valid } = PATTERNS[i];
    if (!(needs === '@' ? at : digits) || !ANY[i].test(rest)) continue;
    let hit = false;
    // A number already classified (an SSN, a card) is blanked, so it is not reported again as a phone number.
    rest = rest.replace(re, (m) => {
      if (valid && !valid(m)) return m;
      hit = true;
      return ' ';
    });
    if (hit) found.push(kind);
  }
  return found;
}

/**
 * Personal data in a resolved value: the literal parts of a string built with `Fn::Sub`/`Fn::Join`
 * are scanned (names of other resources are not free text); a value that cannot be known is Unknown.
 */
export function piiInValue(value: unknown): PiiKind[] | Unknown {
  if (value === undefined || value === null || value instanceof Reference || value instanceof Pseudo) return [];
  if (typeof value === 'string') return piiIn(value);
  if (typeof value === 'number') return piiIn(String(value));
  if (value instanceof Composite) {
    const doubt = value.unknowns[0];
    const found = piiIn(value.parts.filter((p): p is string => typeof p === 'string').join(' '));
    return found.length === 0 && doubt ? doubt : found;
  }
  if (value instanceof Choice) {
    const [a, b] = value.options.map(piiInValue);
    if (a instanceof Unknown || b instanceof Unknown) return a instanceof Unknown ? a : (b as Unknown);
    return [...new Set([...a, ...b])];
  }
  if (value instanceof Unknown) return value;
  return new Unknown('the value is not a literal string');
}

/**
 * A FAIL for each kind of personal data in each field, UNKNOWN for each field that cannot be scanned,
 * or one PASS naming how many `what` fields were scanned. Fields without a value are skipped.
 */
export function piiVerdicts(fields: ReadonlyArray<{ path: string; value: unknown }>, what: string): Verdict[] {
  const verdicts: Verdict[] = [];
  let scanned = 0;
  for (const { path, value } of fields) {
    if (value === undefined) continue;
    const found = piiInValue(value);
    if (found instanceof Unknown) verdicts.push(unknown(`${path} cannot be scanned: ${found.reason}`, { path, findingKey: path }));
    else {
      scanned++;
      for (const kind of found) verdicts.push(fail(`${path} contains what looks like ${PII_LABELS[kind]}`, { path, findingKey: `${path}::${kind}` }));
    }
  }
  return verdicts.length > 0 ? verdicts : [pass(`no personal data found in ${scanned} ${what} field(s)`)];
}
