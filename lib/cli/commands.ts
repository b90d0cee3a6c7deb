/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Audit from './audit';
import type * as ChecksOutput from './checks-output';
import type * as Drift from './drift';
import type * as Init from './init';
import type * as Merge from './merge';
import type * as Policy from './policy';
import type * as Scan from './scan';

// What the commands run, in one module: the build bundles it with everything it imports into
// dist/lexscribe-cli.js (scripts/bundle.mjs), which `loadCommands` loads when a command runs. Each
// command's modules are required when it is run, in the bundle as in the compiled modules: a scan
// does not run the audit's.
export const runAudit: typeof Audit.runAudit = (...args) => (require('./audit') as typeof Audit).runAudit(...args);
export const listChecks: typeof ChecksOutput.listChecks = (...args) => (require('./checks-output') as typeof ChecksOutput).listChecks(...args);
export const explainCheck: typeof ChecksOutput.explainCheck = (...args) => (require('./checks-output') as typeof ChecksOutput).explainCheck(...args);
export const runDrift: typeof Drift.runDrift = (...args) => (require('./drift') as typeof Drift).runDrift(...args);
export const runInit: typeof Init.runInit = (...args) => (require('./init') as typeof Init).runInit(...args);
export const runMerge: typeof Merge.runMerge = (...args) => (require('./merge') as typeof Merge).runMerge(...args);
export const printPolicy: typeof Policy.printPolicy = (...args) => (require('./policy') as typeof Policy).printPolicy(...args);
export const runScan: typeof Scan.runScan = (...args) => (require('./scan') as typeof Scan).runScan(...args);
