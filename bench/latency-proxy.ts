import { startFaultProxy } from '../test/integration/fault-proxy';

/**
 * `node dist/bench/latency-proxy.js <target> <delayMs>`: a proxy in front of moto that holds every
 * request for `delayMs`, in a process of its own so that it does not share the benchmark's event loop;
 * prints its URL on the first line of standard output and runs until killed.
 */
async function main(): Promise<void> {
  const [target, delay] = process.argv.slice(2);
  const proxy = await startFaultProxy(target, [], { delayMs: Number(delay) });
  process.stdout.write(`${proxy.url}\n`);
  process.on('SIGTERM', () => void proxy.stop().then(() => process.exit(0)));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
