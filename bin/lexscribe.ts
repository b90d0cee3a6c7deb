#!/usr/bin/env node
import { runCli } from '../lib/cli/program';

void runCli(process.argv).then(({ code }) => {
  process.exitCode = code;
});
