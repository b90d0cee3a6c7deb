import fc from 'fast-check';

/**
 * How hard the properties try. `npm test` runs a bounded number of cases with a fixed seed, so that CI
 * is deterministic and a failure reproduces; `LEXSCRIBE_FUZZ_RUNS=N` multiplies the work (N cases for
 * the cheapest properties, proportionally fewer for the expensive ones), `LEXSCRIBE_FUZZ_SEED=S` explores
 * other cases (fast-check prints the seed and path of any failure; give them back to replay it).
 */
const DEFAULT_RUNS = 60;
const DEFAULT_SEED = 20261202;

function integerSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name}=${raw}: expected an integer`);
  return n;
}

export const FUZZ_RUNS = integerSetting('LEXSCRIBE_FUZZ_RUNS', DEFAULT_RUNS);
export const FUZZ_SEED = integerSetting('LEXSCRIBE_FUZZ_SEED', DEFAULT_SEED);

/** Cases for a property, given its share of the default budget (1 = the cheapest properties). */
export function runs(share = 1): number {
  return Math.max(1, Math.round(FUZZ_RUNS * share));
}

/** fast-check's parameters for a property: the run's seed, `share` of its cases. */
export function params<T>(share = 1, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: runs(share), endOnFailure: false, ...extra };
}

// Say once per test file which seed and size ran, so that a CI log tells how to replay it.
if (process.env.LEXSCRIBE_FUZZ_QUIET !== '1') process.stderr.write(`fuzz: LEXSCRIBE_FUZZ_SEED=${FUZZ_SEED} LEXSCRIBE_FUZZ_RUNS=${FUZZ_RUNS}\n`);
