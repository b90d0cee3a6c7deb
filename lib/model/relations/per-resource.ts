import { relation, type Relation, type ResourceGraph } from '../graph';
import type { Resource } from '../resource';

/**
 * A fact about single resources that several checks read (the log settings of an alias, whether a
 * bucket's policy denies plain HTTP): a relation holding one value per resource, filled as checks ask.
 * `graph.memo` keeps one map per graph, and apart for each deployed alternative (`graph.under`), whose
 * properties differ.
 */
export type PerResource<T> = Relation<Map<Resource, T>>;

export function perResource<T>(name: string): PerResource<T> {
  return relation(name, () => new Map<Resource, T>());
}

/** The value of `fact` for `r`, computed on first use. Callers share it: they must not change it. */
export function once<T>(graph: ResourceGraph, fact: PerResource<T>, r: Resource, compute: () => T): T {
  const cache = graph.memo(fact);
  let value = cache.get(r);
  if (value === undefined && !cache.has(r)) cache.set(r, (value = compute()));
  return value as T;
}
