import type { Finding, RunWarning } from '../../lib/model/finding';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MergeError, mergeReports, runMerge, type MergeInput } from '../../lib/cli/merge';
import { renderReport } from '../../lib/report/render';
import { parseReport } from '../../lib/report/shape';
import { buildReport, type AccountInfo, type Report } from '../../lib/report/report';
import { shardOf } from '../../lib/sources/account/accounts';

const IDS = ['111122223333', '222233334444', '333344445555', '444455556666', '555566667777'];
const SHARDS = 2;
const shardIds = (k: number) => IDS.filter((id) => shardOf(id, SHARDS) === k);

function finding(account: string, checkId = 'LEX-DP-2', status: Finding['status'] = 'FAIL'): Finding {
  return {
    checkId,
    title: 't',
    severity: 'MEDIUM',
    status,
    remediation: 'r',
    docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/what-is.html',
    topic: 'Data protection',
    service: 'lex',
    resource: { type: 'AWS::Lex::BotAlias', arn: `arn:aws:lex:us-east-1:${account}:bot-alias/B/A`, account, region: 'us-east-1' },
  };
}

const info = (id: string): AccountInfo => ({ id, status: 'complete', regions: ['us-east-1'], resources: 3, failedCalls: 0 });
const UNUSED_BOTH: RunWarning = { kind: 'suppression-unused', message: 'Suppression of LEX-DP-2 on resources matching 999999999999/** matched no finding; remove it.' };

/** A shard report as `audit --shard k/2` writes it: its accounts, their findings, a run-level and an account warning. */
function shard(k: number, extra: Partial<Report['scope']> = {}, warnings: RunWarning[] = []): MergeInput {
  const ids = shardIds(k);
  const report = buildReport(
    ids.map((id) => finding(id)),
    [UNUSED_BOTH, ...warnings, ...ids.map((id): RunWarning => ({ kind: 'coverage', message: `${id}/us-east-1: lex:ListBotReplicas failed`, resource: { type: 'AWS::Region', account: id, region: 'us-east-1' } }))],
    'audit',
    { startedAt: new Date(`2026-12-01T0${k}:00:00Z`), accounts: ids.map(info), scope: { organization: 'o-abc123', selected: IDS, shard: { index: k, count: SHARDS }, regions: ['us-east-1'], configDigest: 'd1', ...extra } },
  );
  return { source: `shard-${k}.json`, report };
}

describe('lexscribe merge', () => {
  test('reads shard reports of either JSON shape (schema version 2 and 1) and merges them as if both were flat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexscribe-merge-'));
    try {
      writeFileSync(join(dir, 'shard-1.json'), renderReport(shard(1).report, 'json'));
      writeFileSync(join(dir, 'shard-2.json'), renderReport(shard(2).report, 'json', { shape: 'flat' }));
      const out = join(dir, 'merged.json');
      const code = await runMerge([join(dir, 'shard-1.json'), join(dir, 'shard-2.json')], { quiet: true, failOn: 'critical', jsonShape: 'indexed' }, [{ format: 'json', output: out }]);
      expect(code).toBe(0);
      const written = JSON.parse(readFileSync(out, 'utf8'));
      expect(written.schemaVersion).toBe(2);
      const expected = mergeReports([shard(1), shard(2)]).report;
      // The merge's gate marks each FAIL (MEDIUM under --fail-on critical: not blocking).
      expect(parseReport(written).findings).toEqual(JSON.parse(JSON.stringify(expected.findings.map((f) => ({ ...f, blocking: false })))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('shards join into the report of every account: findings and rows in account order, the run earliest start', () => {
    const { report, missing } = mergeReports([shard(2), shard(1)]);
    expect(missing).toEqual([]);
    expect(report.accounts!.map((a) => a.id)).toEqual(IDS);
    expect(report.findings.map((f) => f.resource.account)).toEqual(IDS);
    expect(report.accounts!.every((a) => a.byStatus.FAIL === 1)).toBe(true);
    expect(report.summary.byStatus.FAIL).toBe(IDS.length);
    expect(report.startedAt).toBe('2026-12-01T01:00:00.000Z');
    expect(report.scope).toEqual({
      organization: 'o-abc123',
      selected: IDS,
      regions: ['us-east-1'],
      configDigest: 'd1',
      merged: [
        { source: 'shard-2.json', startedAt: '2026-12-01T02:00:00.000Z', shard: '2/2' },
        { source: 'shard-1.json', startedAt: '2026-12-01T01:00:00.000Z', shard: '1/2' },
      ],
    });
  });

  test('an unused suppression stays only if no shard used it; account warnings are kept, by account', () => {
    const onlyOne: RunWarning = { kind: 'suppression-unused', message: 'Suppression of LEX-IAM-1 on resources matching 111122223333/** matched no finding; remove it.' };
    const { report } = mergeReports([shard(1), shard(2, {}, [onlyOne])]);
    expect(report.warnings.filter((w) => w.kind === 'suppression-unused')).toEqual([UNUSED_BOTH]);
    expect(report.warnings.filter((w) => w.resource?.account).map((w) => w.resource!.account)).toEqual(IDS);
  });

  test('a missing shard: the merge of the others, its accounts named as not audited', () => {
    const { report, missing } = mergeReports([shard(1)]);
    expect(missing).toEqual(['2/2']);
    expect(report.accounts!.filter((a) => a.status === 'not-audited').map((a) => [a.id, a.reason])).toEqual(shardIds(2).map((id) => [id, 'its shard 2/2 is missing']));
    expect(report.warnings.map((w) => w.message)).toContain('shard 2/2 is missing: the accounts it holds were not audited');
  });

  test('an account a shard did not list (the organization grew between shard runs) is named with why', () => {
    const late = '666677778888';
    const one = shard(1, { selected: [...IDS, late] });
    const own = shardOf(late, SHARDS);
    const { report } = mergeReports([one, shard(2)]);
    expect(report.accounts!.find((a) => a.id === late)).toMatchObject({ status: 'not-audited', reason: `shard ${own}/2 did not list it (the accounts changed between the shard runs)` });
  });

  test('different configurations, Regions or versions merge with a warning', () => {
    const { report } = mergeReports([shard(1), shard(2, { configDigest: 'd2', regions: ['eu-west-1'] })]);
    expect(report.warnings.filter((w) => w.kind === 'config').map((w) => w.message)).toEqual([
      'the reports were made with 2 different configurations: their suppressions and check settings differ between accounts',
      'the reports audited different Regions (us-east-1 / eu-west-1)',
    ]);
  });

  test.each<[string, () => MergeInput[], string]>([
    ['a shard twice', () => [shard(1), { ...shard(1), source: 'again.json' }], 'shard 1/2 is given twice: shard-1.json and again.json'],
    ['shards of different splits', () => [shard(1), { source: 'other.json', report: { ...shard(2).report, scope: { ...shard(2).report.scope!, shard: { index: 2, count: 3 } } } }], 'the shard reports split the accounts differently: shard-1.json is shard 1/2, other.json is shard 2/3'],
    ['a shard and a whole report', () => [shard(1), { source: 'whole.json', report: { ...shard(2).report, scope: undefined } }], 'whole.json is not a shard report but shard-1.json is (shard 1/2): merge the shards of one run, or whole reports'],
    ['two organizations', () => [shard(1), shard(2, { organization: 'o-other' })], 'the reports audit different organizations (o-abc123, o-other)'],
    ['a scan report', () => [{ source: 'scan.json', report: { ...shard(1).report, mode: 'scan' } }], 'scan.json is a report of lexscribe scan, not of lexscribe audit: only audit reports are merged'],
    ['not a report', () => [{ source: 'x.json', report: { hello: 1 } as unknown as Report }], 'x.json is not a lexscribe JSON report (write one with -f json)'],
    [
      'an account in two reports',
      () => [
        { source: 'a.json', report: { ...shard(1).report, scope: undefined } },
        { source: 'b.json', report: { ...shard(1).report, scope: undefined } },
      ],
      `account ${shardIds(1)[0]} is in both a.json and b.json: an account is merged from one report only`,
    ],
    [
      'an account in the wrong shard',
      () => [{ source: 'odd.json', report: { ...shard(1).report, accounts: [...shard(1).report.accounts!, ...shard(2).report.accounts!.slice(0, 1)] } }],
      `odd.json (shard 1/2) holds account ${shardIds(2)[0]}, which belongs to shard 2/2: it was not sharded by this lexscribe`,
    ],
  ])('refused: %s', (_what, inputs, message) => {
    expect(() => mergeReports(inputs())).toThrow(new MergeError(message));
  });
});
