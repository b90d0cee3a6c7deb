// What the commands run, in one module: the build bundles it with everything it imports into
// dist/lexscribe-cli.js (scripts/bundle.mjs), which `loadCommands` loads when a command runs.
export { runAudit } from './audit';
export { explainCheck, listChecks } from './checks-output';
export { runDrift } from './drift';
export { runInit } from './init';
export { runMerge } from './merge';
export { printPolicy } from './policy';
export { runScan } from './scan';
