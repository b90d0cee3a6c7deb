import type { Command } from 'commander';
import { EXIT } from './exit';
import { loadCommands } from './load';

/** `lexscribe policy`: the least-privilege IAM policy `lexscribe audit` needs, from the collectors' own declarations. */
export function registerPolicyCommand(program: Command): void {
  program
    .command('policy')
    .description('print the least-privilege IAM policy of the auditor (JSON, or a CDK construct with --format cdk)')
    .option('--format <format>', 'json or cdk', 'json')
    .option('--org-role <name>', "instead, the policy of an organization audit's caller: list the accounts, and assume this role in them")
    .option('--security-hub', 'add what `audit --security-hub` needs: securityhub:GetFindings, and the one write, securityhub:BatchImportFindings')
    .action((opts: { format: string; orgRole?: string; securityHub?: boolean }) => {
      if (opts.format !== 'json' && opts.format !== 'cdk') {
        console.error(`lexscribe: unknown format "${opts.format}" (json or cdk)`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      const { printPolicy } = loadCommands();
      printPolicy(opts.format, { orgRole: opts.orgRole, securityHub: opts.securityHub });
      process.exitCode = EXIT.OK;
    });
}
