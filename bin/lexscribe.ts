#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerAuditCommand } from '../lib/cli/audit-command';
import { registerCheckCommands } from '../lib/cli/checks-command';
import { registerDriftCommand } from '../lib/cli/drift-command';
import { registerMergeCommand } from '../lib/cli/merge-command';
import { EXIT } from '../lib/cli/exit';
import { registerInitCommand } from '../lib/cli/init-command';
import { registerScanCommand } from '../lib/cli/scan-command';
import { registerPolicyCommand } from '../lib/cli/policy-command';
import { VERSION } from '../lib/version';

// Command modules register their flags here and load their implementation only when run, so that
// `--help` and `scan` never load aws-cdk-lib or SDK clients they do not use.
const program = new Command('lexscribe')
  .description('Compliance checks for Amazon Lex V2 and Amazon Transcribe: at cdk synth, on templates, and live')
  .version(VERSION)
  .exitOverride()
  .configureOutput({ outputError: (str, write) => write(`lexscribe: ${str.replace(/^error: /, '')}`) });

registerCheckCommands(program);
registerScanCommand(program);
registerAuditCommand(program);
registerMergeCommand(program);
registerDriftCommand(program);
registerPolicyCommand(program);
registerInitCommand(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    return;
  }
  console.error(`lexscribe: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = EXIT.USAGE;
});
