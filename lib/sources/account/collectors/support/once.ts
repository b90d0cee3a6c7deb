/**
 * Resources that several collectors reference (a bucket, a KMS key, a log group) are read and
 * emitted once per run and Region. The context hands out one client per class, run and Region,
 * so that client is the scope of the memo; concurrent readers share the same promise.
 */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

export function once<T>(scope: object, key: string, read: () => Promise<T>): Promise<T> {
  let memo = memos.get(scope);
  if (!memo) memos.set(scope, (memo = new Map()));
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) memo.set(key, (hit = read()));
  return hit;
}
