import type { Command } from 'commander';
import { EXIT } from './exit';
import { loadCommands } from './load';

/** `lexscribe checks` and `lexscribe explain <ID>`: the registry, as a table, JSON, or one check in full. */
export function registerCheckCommands(program: Command): void {
  program
    .command('checks')
    .description('list every check with its id, severity, topic and modes')
    .option('--json', 'print the checks as JSON')
    .option('--service <service>', 'only checks of one service: lex or transcribe')
    .option('--topic <topic>', 'only checks of one topic (iam, data-protection, monitoring, compliance, resilience, infrastructure, service-linked-roles, vulnerability)')
    .option('--framework <framework>', 'only checks mapped to a compliance framework (hipaa, pci-dss, transcribe-best-practices)')
    .action((opts: { json?: boolean; service?: string; topic?: string; framework?: string }) => {
      const { listChecks } = loadCommands();
      process.exitCode = listChecks(opts);
    });
  program
    .command('explain')
    .description('print one check in full: rationale, remediation, options, documentation')
    .argument('<id>', 'check id, e.g. LEX-DP-2')
    .option('--json', 'print it as JSON')
    .action((id: string, opts: { json?: boolean }) => {
      const { explainCheck } = loadCommands();
      process.exitCode = explainCheck(id, opts) ?? EXIT.OK;
    });
}
