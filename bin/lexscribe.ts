#!/usr/bin/env node
import { EXIT } from '../lib/cli/exit';
import { runCli } from '../lib/cli/program';
import { raiseInterruptBudget } from '../lib/cli/tiering';

// Before any command's code runs (commands are loaded when they are run): see lib/cli/tiering.ts.
raiseInterruptBudget();

/**
 * A reader that stops early (`lexscribe scan --help | head`) closes standard output under us; the
 * write that fails says so in an 'error' event that, unheard, ends Node with a stack trace. Heard
 * here: one line, and the usage exit code where the run would have passed, as output that could not
 * be written is not a pass (a failed gate keeps its code). A run that ended with the usage code has
 * said why itself (a report written to a closed pipe: `lexscribe: write EPIPE`), so it is not said twice.
 */
let lostOutput: Error | undefined;
let code: number | undefined;
process.stdout.on('error', (e: Error) => {
  if (lostOutput) return;
  lostOutput = e;
  if (code !== undefined) process.exitCode = afterLostOutput(code, e);
});

function afterLostOutput(code: number, e: Error): number {
  if (code === EXIT.USAGE) return code;
  process.stderr.write(`lexscribe: standard output closed before everything was written (${e.message})\n`);
  return code === EXIT.OK ? EXIT.USAGE : code;
}

void runCli(process.argv).then((outcome) => {
  code = outcome.code;
  process.exitCode = lostOutput ? afterLostOutput(code, lostOutput) : code;
});
