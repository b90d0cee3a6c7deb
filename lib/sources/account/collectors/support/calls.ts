import { CallFailure, failed, type AwsOperation, type CollectorContext } from '../../collector';
import { Unknown } from '../../../../model/values';

/** `op('lex', 'DescribeBot')`: an operation as IAM names it. */
export function op(service: string, action: string): AwsOperation {
  return { service, action };
}

/** Operations of one IAM service prefix: `ops('lex', 'ListBots', 'DescribeBot')`. */
export function ops(service: string, ...actions: string[]): AwsOperation[] {
  return actions.map((action) => op(service, action));
}

/** Name of an SDK v3 error (`NoSuchBucketPolicy`), whatever the protocol put it in. */
export function errorName(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const x = e as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [x.name, x.Code, x.code]) if (typeof v === 'string' && v !== 'Error') return v;
  return undefined;
}

/**
 * Some APIs answer with an error where the answer is a fact (`ResourceNotFoundException` for a bot
 * without a resource policy, `NoSuchBucketPolicy`, `AWSOrganizationsNotInUseException`). Turn exactly
 * those errors into values before the context classifies failures, so a fact is never mistaken for
 * "unreadable".
 */
export async function answerOn<T, A>(answers: Readonly<Record<string, A>>, send: () => Promise<T>): Promise<T | A> {
  try {
    return await send();
  } catch (e) {
    const name = errorName(e);
    if (name !== undefined && Object.prototype.hasOwnProperty.call(answers, name)) return answers[name];
    throw e;
  }
}

/** `answerOn` for errors that mean "there is none": they become `undefined`. */
export function absentOn<T>(names: readonly string[], send: () => Promise<T>): Promise<T | undefined> {
  return answerOn<T, undefined>(Object.fromEntries(names.map((n) => [n, undefined])), send);
}

/** A value for a property that a failed call would have filled: checks reading it report UNKNOWN. */
export function unknownFrom(failure: CallFailure): Unknown {
  return new Unknown(failure.reason);
}

/** The value, or Unknown carrying the failure's reason. */
export function orUnknown<T, R>(result: T | CallFailure, map: (value: T) => R): R | Unknown {
  return failed(result) ? unknownFrom(result) : map(result);
}

const MAX_PAGES = 10_000;

/**
 * Every item of a paginated list, or the failure of the first page that could not be read: a
 * partial list is never returned, since a missing page could hide exactly the resource that fails.
 */
export async function listAll<P, I>(
  ctx: CollectorContext,
  operation: AwsOperation,
  fetch: (token: string | undefined) => Promise<P>,
  pick: (page: P) => { items?: readonly I[] | undefined; next?: string | undefined },
): Promise<I[] | CallFailure> {
  const out: I[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await ctx.call(operation, () => fetch(token));
    if (failed(result)) return result;
    const { items, next } = pick(result);
    out.push(...(items ?? []));
    // A service that hands back a token it already gave would otherwise loop forever.
    if (!next || seen.has(next)) return out;
    seen.add(next);
    token = next;
  }
  return new CallFailure(operation, 'malformed', `returned more than ${MAX_PAGES} pages`);
}

/** Map with at most `limit` calls in flight (keeps the audit polite to API rate limits). */
export async function mapLimit<T, R>(values: readonly T[], limit: number, fn: (value: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const i = next++;
      out[i] = await fn(values[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return out;
}
