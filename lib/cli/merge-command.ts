import type { Command } from 'commander';
import { addReportOptions } from './report-options';
import { loadCommands } from './load';

const EXAMPLES = `
Examples:
  $ lexscribe merge shard-*.json -f html -o org.html -f sarif -o org.sarif --fail-on high
  $ lexscribe merge reports/*.json -f json -o org.json --baseline org-baseline.json

The reports are JSON reports of lexscribe audit (-f json, either --json-shape): the shards of one run (--shard K/N), or
audits of disjoint accounts. Suppressions were applied by each audit; the gate applies to the merge.

Exit codes: 0 nothing at or above the threshold, 1 the gate failed, 2 reports that cannot be merged
(a shard given twice, shards of different splits, an account in two reports; nothing is written) or a
missing shard (the merge of the others is written).`;

/** `lexscribe merge`: join the JSON reports of audit shards into one report. */
export function registerMergeCommand(program: Command): void {
  const command = program
    .command('merge')
    .description('join the JSON reports of lexscribe audit shards (--shard K/N) into one report, and apply the gate to it')
    .argument('<report...>', 'JSON reports of lexscribe audit');
  const targets = addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(async (paths: string[], flags) => {
    const { runMerge } = loadCommands();
    process.exitCode = await runMerge(paths, flags, targets());
  });
}
