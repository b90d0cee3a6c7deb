/**
 * Entry of `npm run bench`: runs every benchmark in BENCHES, or only those named on the command line
 * (`node dist/bench/run.js synth`). Each module is loaded only when it runs, so a benchmark that does
 * not need aws-cdk-lib or the SDK does not pay for loading them.
 */
export interface Bench {
  /** Prints its own table; throws when it cannot run. */
  run(): Promise<void>;
}

const BENCHES: Record<string, () => Promise<{ default: Bench }>> = {
  synth: () => import('./synth'),
  scan: () => import('./scan'),
  audit: () => import('./audit'),
  org: () => import('./org'),
};

async function main(): Promise<void> {
  // As the CLI does: the SDK's notice about Node 20 is not a figure (the audit benches load the SDK here to seed moto).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`no such benchmark: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
  for (const [name, load] of Object.entries(BENCHES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    console.log(`\n## ${name}\n`);
    await (await load()).default.run();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
