import type { Command } from 'commander';
import { loadCommands } from './load';

/** `lexscribe init`: a commented configuration file, the cdk.json context keys, and how to turn the aspect on. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write a commented lexscribe.config.yml, add the lexscribe context keys to cdk.json, and print the two lines that enable the aspect')
    .option('--force', 'overwrite an existing lexscribe.config.yml')
    .option('--dir <dir>', 'the project directory (default: the working directory)')
    .addHelpText('after', '\nExit codes: 0 done, 2 a configuration file is already there (use --force) or cdk.json cannot be read.')
    .action((opts: { force?: boolean; dir?: string }) => {
      const { runInit } = loadCommands();
      process.exitCode = runInit(opts.dir ?? process.cwd(), { force: !!opts.force });
    });
}
