import type { Command } from 'commander';
import { addAccountOptions } from './audit-command';
import { addReportOptions } from './report-options';
import { loadCommands } from './load';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const EXAMPLES = `
Examples:
  $ lexscribe drift cdk.out --region us-east-1
  $ lexscribe drift cdk.out --profile prod --region eu-west-1 -f html -o drift.html -f sarif -o drift.sarif
  $ lexscribe drift templates/ --org --org-role LexscribeAuditor --accounts 111122223333 --fail-on high

The checks run on the templates (their synth side) and on the account (their live side); resources are
joined by identity (bot name, alias name within its bot, log group, bucket and role names, ARNs the
templates fix) and never guessed.

Exit codes: 0 no drift, 1 drift (with --fail-on: drift whose live side fails at or above it), 2 bad
usage, unreadable templates or no credentials.`;

/** `lexscribe drift`: what the checks say of the code and of the account, where they differ. */
export function registerDriftCommand(program: Command): void {
  const command = addAccountOptions(
    program
      .command('drift')
      .description('compare the checks on templates (cdk.out) with the same checks on the live account: what drifted, what is only in code, only live')
      .argument('<path...>', 'a cdk.out directory, a template (JSON or YAML), a directory of templates, or - for standard input')
      .option('-p, --parameters <Key=Value>', 'a parameter value, for every stack (Key=Value) or one (Stack:Key=Value); repeatable', collect)
      .option('--parameters-file <file>', 'parameter values as JSON; repeatable', collect),
  );
  const targets = addReportOptions(command, { drift: true });
  command.addHelpText('after', EXAMPLES);
  command.action(async (paths: string[], flags) => {
    const { runDrift } = loadCommands();
    process.exitCode = await runDrift(paths, flags, targets());
  });
}
