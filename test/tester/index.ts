import type { LexscribeConfig } from '../../lib/config/types';
import type { Check, Mode } from '../../lib/engine/check';
import type { Finding } from '../../lib/model/finding';
import { useMoto, type MotoHarness } from '../integration/moto';
import { MotoSeed, runMocked, runMoto, runResources } from './live';
import { parityKeys, runCdk, runTemplate } from './synth';
import { isCdkCase, isMockedCase, isMotoCase, TABLE_STATUSES, type CheckTable, type Expectation, type LiveCase, type MotoCase, type StatusCases, type SynthCase, type TableStatus } from './types';

export type * from './types';
export { liveResource, scope } from './live';

/** How a finding is named in `statuses` and matched by `resource`: its construct path inside the stack, else its logical id. */
export function label(f: Finding): string {
  const path = f.resource.constructPath;
  if (path) return path.replace(/^[^/]+\//, '').replace(/\/Resource$/, '');
  return f.resource.logicalId ?? f.resource.arn ?? '?';
}

function isOn(f: Finding, resource: string): boolean {
  return `/${label(f)}/`.includes(`/${resource}/`) || f.resource.logicalId === resource || f.resource.arn === resource;
}

/** `label[findingKey]` → statuses in finding order. */
export function statusMap(findings: readonly Finding[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of findings) {
    const k = f.findingKey ? `${label(f)}[${f.findingKey}]` : label(f);
    out[k] = out[k] ? `${out[k]},${f.status}` : f.status;
  }
  return out;
}

function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (no finding of the check)';
  return findings.map((f) => `  ${f.status} ${label(f)}${f.findingKey ? `[${f.findingKey}]` : ''} ${f.severity}: ${f.reason ?? ''}`).join('\n');
}

function reasonMatches(reason: string | undefined, want: string | RegExp): boolean {
  return typeof want === 'string' ? (reason ?? '').includes(want) : want.test(reason ?? '');
}

/**
 * The default assertions of a case: no ERROR; a finding with the expected status (on `resource`,
 * with `findingKey`, `reason` and `severity` when given); for PASS nothing of the check FAIL or
 * UNKNOWN, for NOT_APPLICABLE nothing else at all; then `statuses` and `then`.
 */
export function assertCase(status: TableStatus, c: Expectation, findings: Finding[]): void {
  const problem = (what: string) => new Error(`${what}\nfindings of the check:\n${describeFindings(findings)}`);
  const errors = findings.filter((f) => f.status === 'ERROR');
  if (errors.length > 0) throw problem('the check threw (ERROR)');
  const wanted = findings.filter(
    (f) =>
      f.status === status &&
      (c.resource === undefined || isOn(f, c.resource)) &&
      (c.findingKey === undefined || f.findingKey === c.findingKey) &&
      (c.reason === undefined || reasonMatches(f.reason, c.reason)) &&
      (c.severity === undefined || f.severity === c.severity),
  );
  if (wanted.length === 0) {
    const on = [c.resource && `on ${c.resource}`, c.findingKey && `key ${c.findingKey}`, c.reason && `reason ${String(c.reason)}`, c.severity && `severity ${c.severity}`].filter(Boolean).join(', ');
    throw problem(`expected a ${status} finding${on ? ` (${on})` : ''}`);
  }
  if (status === 'PASS') {
    if (c.othersMayFail !== undefined && (!c.othersMayFail.trim() || c.resource === undefined)) throw problem('othersMayFail needs a reason and a resource');
    const scope = c.othersMayFail ? findings.filter((f) => isOn(f, c.resource!)) : findings;
    const bad = scope.filter((f) => f.status === 'FAIL' || f.status === 'UNKNOWN');
    if (bad.length > 0) throw problem(`a PASS case must have no FAIL or UNKNOWN finding of the check${c.othersMayFail ? ` on ${c.resource}` : ''}`);
  }
  if (status === 'NOT_APPLICABLE' && findings.some((f) => f.status !== 'NOT_APPLICABLE')) throw problem('a NOT_APPLICABLE case must have only NOT_APPLICABLE findings');
  if (c.statuses) expect(statusMap(findings)).toEqual(c.statuses);
  c.then?.(findings);
}

function configOf(check: Check, c: { options?: Readonly<Record<string, unknown>>; config?: LexscribeConfig }): LexscribeConfig {
  const config = c.config ?? {};
  if (!c.options) return config;
  return { ...config, checks: { ...config.checks, [check.id]: { ...config.checks?.[check.id], options: { ...c.options } } } };
}

/** One moto_server for the whole test file, started only when a table has a moto case. */
let fileMoto: { harness: MotoHarness; seed: MotoSeed } | undefined;
function motoOfFile(env: Record<string, string>): { harness: MotoHarness; seed: MotoSeed } {
  if (!fileMoto) {
    const harness = useMoto(env);
    fileMoto = { harness, seed: new MotoSeed(harness) };
  }
  return fileMoto;
}

export interface RunOptions {
  /**
   * Run only the moto cases that attach AWS managed policies, against a moto that loads them
   * (MOTO_IAM_LOAD_MANAGED_POLICIES); without it, every other case.
   * @default false
   */
  readonly awsManagedPolicies?: boolean;
}

const ALL_STATUSES: readonly TableStatus[] = [...TABLE_STATUSES, 'NOT_APPLICABLE'];

function each<C extends { name: string }>(cases: StatusCases<C>): Array<[TableStatus, C]> {
  return ALL_STATUSES.flatMap((s) => (cases[s as keyof StatusCases<C>] ?? []).map((c): [TableStatus, C] => [s, c]));
}

function synthTest(check: Check, status: TableStatus, c: SynthCase): void {
  const config = configOf(check, c);
  if (isCdkCase(c)) {
    test(`${status}: ${c.name} (CDK, and its cdk.out scanned)`, () => {
      const { synth, scan } = runCdk(check, c, config);
      assertCase(status, c, synth);
      expect(parityKeys(scan)).toEqual(parityKeys(synth));
    });
  } else {
    test(`${status}: ${c.name} (template)`, () => assertCase(status, c, runTemplate(check, c, config)));
  }
}

function liveTest(check: Check, status: TableStatus, c: LiveCase, moto: () => { harness: MotoHarness; seed: MotoSeed }): void {
  const config = configOf(check, c);
  if (isMotoCase(c)) {
    test(`${status}: ${c.name} (moto)`, async () => {
      const { harness, seed } = moto();
      assertCase(status, c, await runMoto(check, c, harness, seed, config));
    });
  } else if (isMockedCase(c)) {
    test(`${status}: ${c.name} (mocked SDK: ${c.emulated})`, async () => assertCase(status, c, await runMocked(check, c, config)));
  } else {
    test(`${status}: ${c.name} (live resources: ${c.emulated})`, () => assertCase(status, c, runResources(check, c, config)));
  }
}

/**
 * The check tester: a `describe` per check with a test per case of its table. Call it at the top
 * level of a test file (a moto case makes the file start one moto_server, reset between tests).
 */
export const checkTester = {
  run(check: Check, table: CheckTable, opts: RunOptions = {}): void {
    const managed = opts.awsManagedPolicies === true;
    const selected = (c: SynthCase | LiveCase) => managed === (isMotoCase(c as LiveCase) && (c as MotoCase).awsManagedPolicies === true);
    const liveCases = table.live ? each(table.live).filter(([, c]) => selected(c)) : [];
    const synthCases = table.synth && !managed ? each(table.synth) : [];
    if (managed && liveCases.length === 0) return;
    const moto = liveCases.some(([, c]) => isMotoCase(c)) ? motoOfFile(managed ? { MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' } : {}) : undefined;
    describe(check.id, () => {
      for (const mode of ['synth', 'live'] as const satisfies readonly Mode[]) {
        if (!table[mode] || (mode === 'synth' && managed)) continue;
        if (!check.sides[mode]) {
          test(`${mode}: the check has no ${mode} side`, () => {
            throw new Error(`${check.id} has no ${mode} side, but its table has ${mode} cases`);
          });
          continue;
        }
        describe(mode, () => {
          if (mode === 'synth') for (const [status, c] of synthCases) synthTest(check, status, c);
          else for (const [status, c] of liveCases) liveTest(check, status, c, () => moto!);
        });
      }
    });
  },
};
