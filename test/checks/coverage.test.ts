import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_CHECKS } from '../../checks';
import type { Mode } from '../../lib/engine/check';
import { checkEntries, managedPoliciesRunnerFile, runnerFile, tableOf, type CheckEntry } from '../tester/tables';
import { isMockedCase, isMotoCase, TABLE_STATUSES, type CheckTable, type LiveCase, type TableStatus } from '../tester/types';

type Status = (typeof TABLE_STATUSES)[number];

const NO_LOCALES = 'moto 5.2 has no ListBotLocales (HTTP 500): a bot definition (locales, intents, slots, slot types, generative AI settings) is never listed';
const NO_EFFECTIVE_POLICY = 'moto 5.2 has no organizations:DescribeEffectivePolicy (HTTP 500): no effective AI-services opt-out policy, nor its absence, can be read';
const NO_STANDARDS = 'moto 5.2 has no securityhub:GetEnabledStandards (HTTP 404): an enabled standard is never listed, so Security Hub never passes in full';
const NO_MASKING = 'moto 5.2 implements neither GetDataProtectionPolicy nor account policies (HTTP 500): a log group’s masking is never known';
const NO_V1 = 'moto 5.2 has no Lex V1 model-building API (GetBots: HTTP 404)';
const NO_REPLICAS = 'moto 5.2 has no ListBotReplicas (HTTP 500)';
const NO_TRAIL = 'moto 5.2 has no cloudtrail:LookupEvents (HTTP 500): the Start…Job request, the only record of a job’s KMS encryption context, is never found';
const NO_ARTIFACT_KEY =
  'moto 5.2 returns no EncryptionConfiguration, has no cloudtrail:LookupEvents and no language models or vocabulary filters: the key of a Transcribe artifact is never known, and its medical vocabularies carry no source URI';

/**
 * Live statuses of a check that no moto-backed case shows, each with why moto cannot hold it. Every
 * other (check, status) of a live side has a case against moto_server; the cases of a status listed
 * here are emulated (hand-built live resources or mocked SDK clients) and say so themselves.
 */
const LIVE_EXCEPTIONS: Readonly<Record<string, Partial<Record<Status, string>>>> = {
  'LEX-DP-6': { PASS: NO_LOCALES, FAIL: NO_LOCALES },
  'LEX-DP-7': { PASS: NO_MASKING, FAIL: NO_MASKING },
  'LEX-DP-9': { PASS: NO_EFFECTIVE_POLICY, FAIL: NO_EFFECTIVE_POLICY },
  'LEX-DP-13': { PASS: NO_LOCALES, FAIL: NO_LOCALES },
  'LEX-DP-14': { PASS: NO_LOCALES, FAIL: NO_LOCALES },
  'LEX-DP-15': { PASS: NO_V1, FAIL: NO_V1 },
  'TR-DP-4': { PASS: NO_TRAIL, FAIL: NO_TRAIL },
  'TR-DP-9': { PASS: NO_EFFECTIVE_POLICY, FAIL: NO_EFFECTIVE_POLICY },
  'TR-DP-10': { PASS: NO_ARTIFACT_KEY, FAIL: NO_ARTIFACT_KEY },
  'LEX-MON-5': { PASS: 'moto 5.2 keeps no errorLogSettings: DescribeBot never returns it, so error logging never reads as enabled' },
  'LEX-COMP-2': { PASS: NO_STANDARDS },
  'TR-COMP-2': { PASS: `${NO_STANDARDS}; nor auditmanager:GetAccountStatus` },
  'LEX-RES-1': { PASS: NO_REPLICAS, FAIL: NO_REPLICAS },
};

/**
 * Statuses a check cannot give in a mode, whatever the input, each with why (and a DISPUTED case in
 * its table showing what it gives instead). The table needs no case for them; a case makes the entry stale.
 */
const IMPOSSIBLE: Readonly<Record<string, Partial<Record<Mode, Partial<Record<Status, string>>>>>> = {};

const ENTRIES = checkEntries();
const rel = (file: string) => relative(process.cwd(), file);

function casesOf(table: CheckTable, mode: Mode, status: TableStatus): readonly unknown[] {
  return table[mode]?.[status as Status] ?? [];
}

describe('every check has a tester table with PASS, FAIL and UNKNOWN for each of its modes', () => {
  test('every registered check is found in its topic folder', () => {
    expect(ENTRIES.map((e) => e.check.id).sort()).toEqual(ALL_CHECKS.map((c) => c.id).sort());
  });

  test('every table file is named after the file of its check', () => {
    const expected = new Set(ENTRIES.map((e) => e.tableFile));
    const dir = join(__dirname);
    const found = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.cases.ts'))
      .map((f) => join(dir, f));
    expect(found.filter((f) => !expected.has(f)).map(rel)).toEqual([]);
  });

  test.each(ENTRIES.map((e): [string, CheckEntry] => [e.check.id, e]))('%s', (_id, entry) => {
    const table = tableOf(entry);
    if (!table) throw new Error(`${entry.check.id} has no table: write ${rel(entry.tableFile)} (default export: a CheckTable)`);
    expect(existsSync(runnerFile(entry)) ? [] : [`${rel(runnerFile(entry))} is missing: it runs the tables of its folder`]).toEqual([]);
    const managed = Object.values(table.live ?? {}).some((cases: readonly LiveCase[]) => cases.some((c) => isMotoCase(c) && c.awsManagedPolicies));
    if (managed) expect(existsSync(managedPoliciesRunnerFile(entry)) ? [] : [`${rel(managedPoliciesRunnerFile(entry))} is missing: it runs the cases that attach AWS managed policies`]).toEqual([]);
    const problems: string[] = [];
    for (const mode of ['synth', 'live'] as const) {
      const has = entry.check.modes.includes(mode);
      if (!has && table[mode]) problems.push(`${mode}: the check has no ${mode} side, but the table has ${mode} cases`);
      if (!has) continue;
      for (const status of TABLE_STATUSES) {
        const none = casesOf(table, mode, status).length === 0;
        const why = IMPOSSIBLE[entry.check.id]?.[mode]?.[status];
        if (none && !why?.trim()) problems.push(`${mode}: no ${status} case`);
        if (!none && why !== undefined) problems.push(`${mode}: IMPOSSIBLE says no ${status} case can exist, but the table has one (remove the entry)`);
      }
    }
    expect(problems).toEqual([]);
  });

});

describe('live sides are shown against moto, except where the exception list says why moto cannot', () => {
  const live = ENTRIES.filter((e) => e.check.modes.includes('live')).map((e): [string, CheckEntry] => [e.check.id, e]);

  test.each(live)('%s', (id, entry) => {
    const table = tableOf(entry);
    if (!table?.live) return; // reported by the test above
    const problems: string[] = [];
    for (const status of TABLE_STATUSES) {
      const cases = table.live[status] as readonly LiveCase[];
      const moto = cases.filter(isMotoCase);
      const exception = LIVE_EXCEPTIONS[id]?.[status];
      if (cases.length === 0 && IMPOSSIBLE[id]?.live?.[status]) continue;
      if (moto.length === 0 && !exception?.trim()) problems.push(`live ${status}: no moto case, and no reason in LIVE_EXCEPTIONS`);
      if (moto.length > 0 && exception !== undefined) problems.push(`live ${status}: LIVE_EXCEPTIONS gives a reason, but a moto case exists (remove the exception)`);
      for (const c of cases) {
        if (!isMotoCase(c) && !c.emulated.trim()) problems.push(`live ${status}: "${c.name}" is emulated without saying why`);
        if (isMotoCase(c) && c.bridged !== undefined && !c.bridged.trim()) problems.push(`live ${status}: "${c.name}" is bridged without saying why`);
        if (isMockedCase(c) && c.collectors.length === 0) problems.push(`live ${status}: "${c.name}" mocks the SDK but runs no collector`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every exception names a live check and a status of its table', () => {
    const liveIds = new Set(ENTRIES.filter((e) => e.check.modes.includes('live')).map((e) => e.check.id));
    const stale = Object.entries(LIVE_EXCEPTIONS).flatMap(([id, statuses]) =>
      Object.keys(statuses).filter((s) => !liveIds.has(id) || !(TABLE_STATUSES as readonly string[]).includes(s)).map((s) => `${id} ${s}`),
    );
    expect(stale).toEqual([]);
  });
});
