import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ALL_CHECKS } from '../../checks';
import type { Check } from '../../lib/engine/check';
import { checkTester, type RunOptions } from './index';
import type { CheckTable } from './types';

const ROOT = join(__dirname, '..', '..');

/** A check of the registry, where its file is, and where its tester table is (or should be). */
export interface CheckEntry {
  readonly check: Check;
  /** Topic folder (`data-protection`). */
  readonly topic: string;
  /** The check's file name without `.ts` (`lex-dp-2-audio-log-kms`). */
  readonly name: string;
  /** `test/checks/<topic>/<name>.cases.ts`. */
  readonly tableFile: string;
}

/** Every check of `ALL_CHECKS`, found through the files of `checks/<topic>/` that export it. */
export function checkEntries(): CheckEntry[] {
  const registered = new Set(ALL_CHECKS);
  const entries: CheckEntry[] = [];
  const dir = join(ROOT, 'checks');
  for (const topic of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'shared')) {
    for (const file of readdirSync(join(dir, topic.name)).filter((f) => f.endsWith('.ts'))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const check = (require(join(dir, topic.name, file)) as { default?: Check }).default;
      if (!check || !registered.has(check)) continue;
      const name = file.replace(/\.ts$/, '');
      entries.push({ check, topic: topic.name, name, tableFile: join(ROOT, 'test', 'checks', topic.name, `${name}.cases.ts`) });
    }
  }
  return entries;
}

/** The table of a check (the default export of its `.cases.ts`), undefined when it has none. */
export function tableOf(entry: CheckEntry): CheckTable | undefined {
  if (!existsSync(entry.tableFile)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(entry.tableFile) as { default?: CheckTable }).default;
}

/** The runner file of a topic folder and service: `test/checks/<topic>/<service>.tables.test.ts`. */
export function runnerFile(entry: CheckEntry): string {
  return join(ROOT, 'test', 'checks', entry.topic, `${entry.check.service}.tables.test.ts`);
}

/** The runner of a folder's moto cases that attach AWS managed policies: `test/checks/<topic>/managed-policies.tables.test.ts`. */
export function managedPoliciesRunnerFile(entry: CheckEntry): string {
  return join(ROOT, 'test', 'checks', entry.topic, 'managed-policies.tables.test.ts');
}

/**
 * Run the tables of the checks of one topic folder (the runner's own folder) through the check
 * tester: those of one service, or with `awsManagedPolicies` only their moto cases that attach AWS
 * managed policies (of every service). Called at the top level of the folder's runner files.
 */
export function runTables(dir: string, service: Check['service'] | 'any', opts: RunOptions = {}): void {
  const topic = basename(dir);
  for (const entry of checkEntries().filter((e) => e.topic === topic && (service === 'any' || e.check.service === service))) {
    const table = tableOf(entry);
    if (table) checkTester.run(entry.check, table, opts);
  }
}
