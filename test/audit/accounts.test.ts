import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inShard, parseAccountIds, parseShard, readAccountsFile, selectAccounts, shardOf } from '../../lib/sources/account/accounts';
import { memberRoleArn } from '../../lib/sources/account/organization';

const dir = mkdtempSync(join(tmpdir(), 'lexscribe-accounts-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** 2,000 distinct account ids, as an organization at the scale of the issue has. */
const ORG = Array.from({ length: 2000 }, (_, i) => String(100000000000 + i * 7919));

describe('account lists', () => {
  test('--accounts takes repeated flags and comma lists, keeps the first of each id, rejects anything else', () => {
    expect(parseAccountIds(['111122223333, 444455556666', '111122223333', '777788889999'])).toEqual(['111122223333', '444455556666', '777788889999']);
    expect(() => parseAccountIds(['11112222333'])).toThrow('"11112222333" is not an account id (twelve digits)');
    expect(() => parseAccountIds(['arn:aws:iam::111122223333:root'])).toThrow('is not an account id');
  });

  test.each<[string, string, Array<{ id: string; name?: string }>]>([
    ['one id per line, comments and names', '# nightly\n111122223333 Payments prod\n\n444455556666   # the sandbox\n', [{ id: '111122223333', name: 'Payments prod' }, { id: '444455556666' }]],
    ['CSV with a header', 'Id,Name\n111122223333,Payments\n444455556666,Support\n', [{ id: '111122223333', name: 'Payments' }, { id: '444455556666', name: 'Support' }]],
    ['aws organizations list-accounts output', JSON.stringify({ Accounts: [{ Id: '111122223333', Name: 'Payments', Status: 'ACTIVE' }, { Id: '444455556666' }] }), [{ id: '111122223333', name: 'Payments' }, { id: '444455556666' }]],
    ['a JSON list of ids, twice the same', '["111122223333", "111122223333", "444455556666"]', [{ id: '111122223333' }, { id: '444455556666' }]],
  ])('--accounts-file: %s', (_what, text, expected) => {
    expect(readAccountsFile(file('accounts', text))).toEqual(expected);
  });

  test('--accounts-file names the file and line of what is not an account', () => {
    const path = file('bad.txt', '111122223333\narn:aws:iam::444455556666:root\n');
    expect(() => readAccountsFile(path)).toThrow(`${path}:2: "arn:aws:iam::444455556666:root" is not an account id (twelve digits)`);
    expect(() => readAccountsFile(join(dir, 'missing.txt'))).toThrow('no such file');
    expect(() => readAccountsFile(file('bad.json', '{"Accounts": [{"Name": "x"}]}'))).toThrow('entry 1 has no account id');
  });

  test('the organization narrowed by --accounts and --exclude-accounts, sorted by id; named accounts the organization lacks are reported', () => {
    const listed = [{ id: '444455556666', name: 'Support' }, { id: '111122223333', name: 'Payments' }, { id: '777788889999' }];
    expect(selectAccounts(listed, {})).toEqual({ accounts: [listed[1], listed[0], listed[2]], notListed: [] });
    expect(selectAccounts(listed, { include: [{ id: '777788889999', name: 'Logs' }, { id: '000011112222' }], exclude: [] })).toEqual({ accounts: [{ id: '777788889999', name: 'Logs' }], notListed: ['000011112222'] });
    expect(selectAccounts(listed, { exclude: ['111122223333'] }).accounts.map((a) => a.id)).toEqual(['444455556666', '777788889999']);
    // Outside Organizations the named accounts are the list.
    expect(selectAccounts(undefined, { include: [{ id: '444455556666' }, { id: '111122223333' }] }).accounts.map((a) => a.id)).toEqual(['111122223333', '444455556666']);
  });

  test('the role of each account is in the partition of the caller, with its path', () => {
    expect(memberRoleArn('aws-us-gov', '111122223333', 'audit/LexscribeAuditor')).toBe('arn:aws-us-gov:iam::111122223333:role/audit/LexscribeAuditor');
  });
});

describe('--shard K/N', () => {
  test.each([['1/1'], ['3/8'], [' 8 / 8 ']])('%s is a shard', (text) => {
    expect(parseShard(text).count).toBeGreaterThan(0);
  });

  test.each([['0/3'], ['4/3'], ['3'], ['a/b'], ['1/0'], ['-1/3']])('%s is not', (text) => {
    expect(() => parseShard(text)).toThrow('is not a shard: K/N with 1 <= K <= N');
  });

  // Pinned against an independent Python implementation of the same recipe: a change of recipe would split
  // shard reports of two versions differently, and merge would refuse them.
  test('each account is in exactly one shard, the same on every machine and in every version (pinned)', () => {
    expect(['111122223333', '444455556666', '777788889999', '123456789012'].map((id) => shardOf(id, 8))).toEqual([5, 1, 4, 6]);
    for (const id of ORG.slice(0, 200)) expect([1, 2, 3, 4, 5].filter((k) => inShard(id, { index: k, count: 5 }))).toHaveLength(1);
  });

  test('2,000 accounts in 8 shards: each within 20 % of 250', () => {
    const sizes = new Array(8).fill(0);
    for (const id of ORG) sizes[shardOf(id, 8) - 1]++;
    for (const n of sizes) expect(Math.abs(n - 250)).toBeLessThan(50);
  });

  test('stable: an account never moves when others join; from N to N + 1 shards, only accounts the new shard takes move (about 1 in N + 1)', () => {
    const before = ORG.map((id) => shardOf(id, 8));
    // Accounts joining change nothing for the others: the shard depends on the id alone.
    expect(ORG.slice(0, 1000).map((id) => shardOf(id, 8))).toEqual(before.slice(0, 1000));
    const after = ORG.map((id) => shardOf(id, 9));
    const moved = ORG.filter((_, i) => after[i] !== before[i]);
    expect(moved.every((id) => shardOf(id, 9) === 9)).toBe(true);
    expect(moved.length / ORG.length).toBeGreaterThan(0.08);
    expect(moved.length / ORG.length).toBeLessThan(0.15);
  });
});
