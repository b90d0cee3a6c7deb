import type { SingleBar } from 'cli-progress';
import type { AccountProgress } from '../sources/account/accounts-run';
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

function accountLabel(a: { id: string; name?: string }): string {
  return a.name ? `${a.id} (${a.name})` : a.id;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A multi-account audit's progress, accounts done / total: one bar on a terminal; elsewhere (CI, a
 * redirected stderr) one line per account as it finishes, since such an audit can run for long.
 */
export async function accountsProgress(stream: NodeJS.WriteStream): Promise<AccountProgress & { stop(): void }> {
  let total = 0;
  let done = 0;
  let resources = 0;
  let unreadable = 0;
  if (stream.isTTY && !process.env.CI) {
    const { SingleBar, Presets } = await import('cli-progress');
    const bar = new SingleBar(
      { stream, format: ' accounts {bar} {value}/{total} | {resources} resources | {unreadable} unreadable | {current}', hideCursor: true, clearOnComplete: false, autopadding: true },
      Presets.shades_classic,
    );
    return {
      planned(accounts) {
        total = accounts;
        bar.start(accounts, 0, { resources: 0, unreadable: 0, current: '' });
      },
      started: () => undefined,
      finished(a) {
        resources += a.collected?.resources ?? 0;
        if (a.status === 'unreadable') unreadable++;
        bar.increment(1, { resources, unreadable, current: accountLabel(a.target) });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    planned(accounts) {
      total = accounts;
    },
    started: () => undefined,
    finished(a) {
      done++;
      const what = a.status === 'unreadable' ? `unreadable: ${a.reason}` : `${a.status}, ${a.collected?.resources ?? 0} resources in ${a.regions.length} Region${a.regions.length === 1 ? '' : 's'}`;
      stream.write(`lexscribe: account ${done}/${total} ${accountLabel(a.target)}: ${what} (${seconds(a.durationMs)})\n`);
    },
    stop: () => undefined,
  };
}
