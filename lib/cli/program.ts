import { Command, CommanderError } from 'commander';
import { registerAuditCommand } from './audit-command';
import { registerCheckCommands } from './checks-command';
import { registerDriftCommand } from './drift-command';
import { registerMergeCommand } from './merge-command';
import { EXIT } from './exit';
import { registerInitCommand } from './init-command';
import { registerScanCommand } from './scan-command';
import { registerPolicyCommand } from './policy-command';
import { VERSION } from '../version';

/** How one run of the command line ended. */
export interface CliOutcome {
  code: number;
  /**
   * An error that no command turned into its own message: the user sees one line with its message and
   * exit code 2, but it is a bug (the property tests in test/fuzz require that none occurs).
   */
  unexpected?: unknown;
}

// Command modules register their flags here and load their implementation only when run, so that
// `--help` and `scan` never load aws-cdk-lib or SDK clients they do not use.
function createProgram(): Command {
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
  return program;
}

/**
 * Run `lexscribe` with `argv` (as `process.argv`: the node binary and script first) and return its exit
 * code. The commands say their code through `process.exitCode`; it is read and put back as it was, so
 * that the tests can run the command line in-process, many times over.
 */
export async function runCli(argv: readonly string[]): Promise<CliOutcome> {
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await createProgram().parseAsync([...argv]);
    return { code: Number(process.exitCode ?? EXIT.OK) };
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode === 0 ? EXIT.OK : EXIT.USAGE };
    console.error(`lexscribe: ${e instanceof Error ? e.message : String(e)}`);
    return { code: EXIT.USAGE, unexpected: e };
  } finally {
    process.exitCode = before;
  }
}
