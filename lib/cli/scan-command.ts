import type { Command } from 'commander';
import { addReportOptions } from './report-options';
import { loadCommands } from './load';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export interface ScanFlags {
  parameters?: string[];
  parametersFile?: string[];
  exclude?: string[];
  /** `--no-gitignore` sets it false. */
  gitignore?: boolean;
  botFiles?: string[];
  skipNonTemplates?: boolean;
}

const EXAMPLES = `
Examples:
  $ lexscribe scan cdk.out
  $ lexscribe scan templates/ --fail-on medium
  $ lexscribe scan cdk.out -f sarif -o lexscribe.sarif -f junit -o junit.xml
  $ lexscribe scan template.yaml -f asff -o findings.asff.json --asff-account 111122223333 --asff-region eu-west-2
  $ lexscribe scan template.yaml --parameters Env=prod --parameters Data:KeyArn=arn:aws:kms:…
  $ lexscribe scan . --exclude "test/**"      # a whole repository: non-templates are skipped
  $ lexscribe scan bot.yaml --bot-files build/bots
  $ cdk synth | lexscribe scan -

Exit codes: 0 nothing at or above the threshold, 1 the gate failed, 2 bad usage or unreadable input.`;

/** `lexscribe scan`: the checks on templates and cloud assemblies, for pipelines. */
export function registerScanCommand(program: Command): void {
  const command = program
    .command('scan')
    .description('check CloudFormation templates and CDK cloud assemblies (cdk.out)')
    .argument('<path...>', 'a cdk.out directory (or its manifest.json), a template (JSON or YAML), a directory of templates, or - for standard input')
    .option('-p, --parameters <Key=Value>', 'a parameter value, for every stack (Key=Value) or one (Stack:Key=Value); repeatable', collect)
    .option('--parameters-file <file>', 'parameter values as JSON: [{"ParameterKey": …, "ParameterValue": …}] or {"Key": "Value"}; repeatable', collect)
    .option('--exclude <pattern>', 'leave out paths under a scanned directory (.gitignore syntax, relative to it), e.g. "test/**"; repeatable', collect)
    .option('--no-gitignore', 'read the files .gitignore excludes too (by default a directory scan honours the .gitignore files it meets)')
    .option('--bot-files <dir>', 'a folder holding the bot definition zips that BotFileS3Location names (looked for by file name, after the assembly assets and the template folder); repeatable', collect)
    .option('--skip-non-templates', 'skip files named that are not CloudFormation templates (no Resources), as a directory scan does, instead of failing (for pre-commit)')
    .option('--asff-account <id>', 'ASFF: the AWS account of findings in stacks without an environment (plain templates, environment-agnostic stacks)')
    .option('--asff-region <region>', 'ASFF: the Region of findings in stacks without an environment');
  const targets = addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(async (paths: string[], flags) => {
    const { runScan } = loadCommands();
    process.exitCode = await runScan(paths, flags, targets());
  });
}
