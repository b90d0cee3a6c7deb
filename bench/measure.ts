/** Timing helpers shared by the benchmarks. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * CPU milliseconds (user + system) one call costs this process. Other work on a shared machine
 * stretches wall-clock time but hardly moves this, so ratios between variants stay comparable.
 */
export function cpuTime(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU milliseconds (as `cpuTime`) and wall-clock milliseconds of one call. */
export function cpuAndWallTime(fn: () => void): { cpu: number; wall: number } {
  const start = process.hrtime.bigint();
  const cpu = cpuTime(fn);
  return { cpu, wall: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Print rows as a Markdown table (the README quotes it as is). */
export function printTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
}
