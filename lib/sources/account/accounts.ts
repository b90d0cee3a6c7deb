import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** An account to audit, as the organization or the user names it. */
export interface AccountRef {
  id: string;
  name?: string;
}

const ACCOUNT_ID = /^\d{12}$/;

export function isAccountId(text: string): boolean {
  return ACCOUNT_ID.test(text);
}

/** `--accounts 111122223333,444455556666 --accounts 777788889999` → the distinct ids in order; throws on anything else. */
export function parseAccountIds(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const raw of value.split(',')) {
      const id = raw.trim();
      if (!id) continue;
      if (!isAccountId(id)) throw new Error(`"${id}" is not an account id (twelve digits)`);
      if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}

interface ListedAccount {
  Id?: unknown;
  Name?: unknown;
}

function fromJson(raw: unknown, path: string): AccountRef[] {
  // `aws organizations list-accounts` output, a list of ids, or a list of {Id, Name} / {id, name}.
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { Accounts?: unknown }).Accounts) ? (raw as { Accounts: unknown[] }).Accounts : undefined;
  if (!list) throw new Error(`${path}: a JSON accounts file is a list of ids, a list of {"Id", "Name"}, or the output of aws organizations list-accounts`);
  return list.map((item, i) => {
    const entry = item as ListedAccount & { id?: unknown; name?: unknown };
    const id = typeof item === 'string' ? item : (entry?.Id ?? entry?.id);
    const name = typeof item === 'string' ? undefined : (entry?.Name ?? entry?.name);
    if (typeof id !== 'string' || !isAccountId(id)) throw new Error(`${path}: entry ${i + 1} has no account id (twelve digits)`);
    return typeof name === 'string' && name ? { id, name } : { id };
  });
}

/**
 * The accounts of `--accounts-file`: one per line (`111122223333` or `111122223333 Payments prod`,
 * `#` starts a comment; a CSV line `111122223333,Payments` works too), or JSON (a list of ids, a list
 * of `{Id, Name}`, or what `aws organizations list-accounts` prints). Throws an Error naming the file
 * and line.
 */
export function readAccountsFile(path: string): AccountRef[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)}`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(trimmed);
    } catch (e) {
      throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
    }
    return dedupe(fromJson(raw, path));
  }
  const out: AccountRef[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const content = line.replace(/#.*$/, '').trim();
    if (!content) return;
    const m = /^(\S+?)(?:\s*[,;\t ]\s*(.*))?$/.exec(content);
    const id = m?.[1] ?? '';
    // A CSV header (`Id,Name`) is not an account.
    if (i === 0 && /^(account[ _-]?)?id$/i.test(id)) return;
    if (!isAccountId(id)) throw new Error(`${path}:${i + 1}: "${id}" is not an account id (twelve digits)`);
    const name = m?.[2]?.trim();
    out.push(name ? { id, name } : { id });
  });
  return dedupe(out);
}

function dedupe(accounts: AccountRef[]): AccountRef[] {
  const seen = new Map<string, AccountRef>();
  for (const a of accounts) if (!seen.has(a.id)) seen.set(a.id, a);
  return [...seen.values()];
}

/** `--shard K/N`: the K-th of N partitions of the accounts (1-based). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`"${text}" is not a shard: K/N with 1 <= K <= N (e.g. 2/8)`);
  return { index, count };
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

const MASK_64 = (1n << 64n) - 1n;

/**
 * The shard (1..count) an account belongs to: jump consistent hash (Lamping and Veach, 2014) of the
 * first 64 bits of SHA-256 of the account id. It depends on nothing but the id and the count, so
 * accounts joining or leaving the organization never move the others; raising the count from N to
 * N + 1 moves only the accounts the new shard takes (about 1 in N + 1), and none between old shards.
 */
export function shardOf(accountId: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a shard count is a positive whole number, not ${count}`);
  let key = createHash('sha256').update(accountId).digest().readBigUInt64BE(0);
  let b = -1;
  let j = 0;
  while (j < count) {
    b = j;
    key = (key * 2862933555777941757n + 1n) & MASK_64;
    j = Math.floor((b + 1) * (2 ** 31 / (Number(key >> 33n) + 1)));
  }
  return b + 1;
}

export function inShard(accountId: string, shard: Shard): boolean {
  return shardOf(accountId, shard.count) === shard.index;
}

/** What narrows the list of accounts: the flags, as given. */
export interface AccountSelection {
  /** `--accounts` and `--accounts-file`, together: the accounts to keep (or, outside an organization, to audit). */
  include?: readonly AccountRef[];
  /** `--exclude-accounts`. */
  exclude?: readonly string[];
}

export interface Selected {
  /** The accounts the run covers, before sharding, sorted by id. */
  accounts: AccountRef[];
  /** Accounts named with `--accounts` that the organization does not list as active, with why. */
  notListed: string[];
}

/**
 * The accounts of a run: the organization's (when listed) narrowed to `include`, or `include` alone;
 * less `exclude`. Sorted by id, so reports and shards do not depend on the order of the listing.
 */
export function selectAccounts(listed: readonly AccountRef[] | undefined, selection: AccountSelection): Selected {
  const exclude = new Set(selection.exclude ?? []);
  const include = selection.include && selection.include.length > 0 ? selection.include : undefined;
  let accounts: AccountRef[];
  const notListed: string[] = [];
  if (listed) {
    const byId = new Map(listed.map((a) => [a.id, a]));
    if (include) {
      accounts = [];
      for (const a of include) {
        const known = byId.get(a.id);
        if (known) accounts.push(known.name || !a.name ? known : { ...known, name: a.name });
        else notListed.push(a.id);
      }
    } else accounts = [...listed];
  } else accounts = [...(include ?? [])];
  const kept = dedupe(accounts.filter((a) => !exclude.has(a.id)));
  return { accounts: kept.sort((a, b) => a.id.localeCompare(b.id)), notListed };
}
