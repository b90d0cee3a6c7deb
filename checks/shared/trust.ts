import { parseArn } from '../../lib/model/arn';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import type { Statement } from '../../lib/policy/document';

/**
 * The confused-deputy conditions (`aws:SourceAccount`, `aws:SourceArn`) that service principals of
 * trust policies should carry (which statements trust a service: `lib/policy/trust.ts`). Shared by the
 * Lex (LEX-IAM-2/7/10) and Transcribe (TR-IAM-1) checks.
 */

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
