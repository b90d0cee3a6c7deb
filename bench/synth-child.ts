/**
 * One synthesis of a generated app, in a process of its own (what `cdk synth` runs): `node
 * synth-child.js <variant> <kind> <units> <outdir>`. Only the variant's own modules are loaded, so
 * what loading them costs is counted; the parent measures CPU and wall time, this process its peak
 * memory, printed as one JSON line. With `--cli` for the outdir, it is the app of a `cdk synth`.
 */
import { join } from 'node:path';
import { Aspects, Validations, type IAspect, type IPolicyValidationPlugin } from 'aws-cdk-lib';
import { procCpuMs } from './measure';
import { generateApp, type AppKind } from './synth-app';

/**
 * `lexscribe aspect, no checks` is the integration alone (loading, render, graph, report): the rest of the
 * aspect's cost is the checks' own. `lexscribe aspect, TurboFan on` is the aspect with `pauseOptimizer: false`:
 * what pausing V8's optimizing compiler during the aspect's work saves. `lexscribe aspect, one thread` is the
 * aspect with `worker: false`: the checks on the App's thread, during validation, as before the evaluation thread.
 */
export const VARIANTS = ['plain', 'lexscribe aspect', 'lexscribe aspect, one thread', 'lexscribe aspect, TurboFan on', 'lexscribe aspect, no checks', 'lexscribe validator', 'cdk-nag AwsSolutions', 'cdk-validator-cfnguard'] as const;
export type Variant = (typeof VARIANTS)[number];

/** lexscribe as an app loads it (`require('lexscribe')`): the package's entry point, the bundle scripts/bundle.mjs writes. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lexscribe = () => require(join(__dirname, '..', 'lexscribe.js')) as typeof import('../lib');

/** The validation plugin or aspect of a variant, each loaded only for its own variant. */
async function variant(name: Variant): Promise<{ plugin?: IPolicyValidationPlugin; aspect?: IAspect }> {
  switch (name) {
    case 'plain':
      return {};
    case 'lexscribe aspect':
      return { aspect: new (lexscribe().LexscribeChecks)() };
    case 'lexscribe aspect, one thread':
      return { aspect: new (lexscribe().LexscribeChecks)({ worker: false }) };
    case 'lexscribe aspect, TurboFan on':
      return { aspect: new (lexscribe().LexscribeChecks)({ pauseOptimizer: false }) };
    case 'lexscribe aspect, no checks':
      return { aspect: new (lexscribe().LexscribeChecks)({ checks: [] }) };
    case 'lexscribe validator':
      return { plugin: new (lexscribe().LexscribeValidator)() };
    case 'cdk-nag AwsSolutions':
      return { aspect: new (await import('cdk-nag')).AwsSolutionsChecks() };
    case 'cdk-validator-cfnguard':
      return { plugin: new (await import('@cdklabs/cdk-validator-cfnguard')).CfnGuardValidator() };
  }
}

/**
 * This process's main thread alone: the rest of the process's CPU is V8's helper threads (concurrent and
 * parallel garbage collection, background compilation), which a tool's allocations and code also cost.
 */
const mainThreadCpuMs = () => procCpuMs(`/proc/self/task/${process.pid}/stat`);

async function main(): Promise<void> {
  const [name, kind, units, outdir] = process.argv.slice(2);
  if (!(VARIANTS as readonly string[]).includes(name)) throw new Error(`unknown variant ${name}`);
  const { plugin, aspect } = await variant(name as Variant);
  // Started by the CDK CLI (`… --cli`): written where the CLI reads, and failing as an app does, for the CLI to report.
  const cli = outdir === '--cli';
  const app = generateApp(kind as AppKind, Number(units), cli ? process.env.CDK_OUTDIR! : outdir);
  if (aspect) Aspects.of(app).add(aspect);
  if (plugin) Validations.of(app).addPlugins(plugin);
  if (cli) {
    app.synth();
    return;
  }
  let failed: string | undefined;
  // Writes nothing to the console: a failing app's errors and validation reports are part of the cost, not the output.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    app.synth();
  } catch (e) {
    // Validation plugins report blocking violations by throwing once the report is printed.
    failed = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, mainCpuMs: mainThreadCpuMs(), failed }));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
