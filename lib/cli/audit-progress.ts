import type { SingleBar } from 'cli-progress';
import type { ProgressListener } from '../sources/account/runner';

/**
 * One bar per Region (and one for global services) on stderr, counting collectors done and resources
 * found. Only for a person at a terminal: CI logs and `--quiet` get nothing but the report.
 */
export async function terminalProgress(stream: NodeJS.WriteStream): Promise<(ProgressListener & { stop(): void }) | undefined> {
  if (!stream.isTTY || process.env.CI) return undefined;
  const { MultiBar, Presets } = await import('cli-progress');
  const bars = new MultiBar(
    {
      stream,
      format: ' {scope} {bar} {value}/{total} collectors | {resources} resources | {current}',
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    Presets.shades_classic,
  );
  const byScope = new Map<string, { bar: SingleBar; resources: number }>();
  const width = { scope: 0 };
  return {
    planned(scopes) {
      width.scope = Math.max(...scopes.map((s) => s.scope.length));
      for (const s of scopes) {
        byScope.set(s.scope, { bar: bars.create(s.collectors, 0, { scope: s.scope.padEnd(width.scope), resources: 0, current: '' }), resources: 0 });
      }
    },
    collected(scope, collector, resources) {
      const entry = byScope.get(scope);
      if (!entry) return;
      entry.resources += resources;
      entry.bar.increment(1, { resources: entry.resources, current: collector });
    },
    stop() {
      bars.stop();
    },
  };
}
