import { gzipSync } from 'node:zlib';
import type { Log } from 'sarif';

/**
 * What GitHub code scanning refuses or drops on upload (docs.github.com, "SARIF support for code
 * scanning" and "SARIF results exceed limits"): at most 20 runs, 25,000 results and 25,000 rules per run,
 * 100 tool extensions, 1,000 locations per result, 20 tags per rule, 10 MB gzipped; and every result
 * located in a file of the repository (a relative URI) with a `startLine`, a rule id and a message.
 */
export function githubIngestionProblems(log: Log): string[] {
  const problems: string[] = [];
  const size = gzipSync(JSON.stringify(log)).length;
  if (size > 10 * 1024 * 1024) problems.push(`${size} bytes gzipped, over 10 MB`);
  if (log.runs.length > 20) problems.push(`${log.runs.length} runs, over 20`);
  log.runs.forEach((run, i) => {
    const results = run.results ?? [];
    if (results.length > 25_000) problems.push(`run ${i}: ${results.length} results, over 25,000`);
    if ((run.tool.driver.rules ?? []).length > 25_000) problems.push(`run ${i}: over 25,000 rules`);
    if ((run.tool.extensions ?? []).length > 100) problems.push(`run ${i}: over 100 tool extensions`);
    for (const rule of run.tool.driver.rules ?? []) {
      const tags = (rule.properties?.tags ?? []) as string[];
      if (tags.length > 20) problems.push(`rule ${rule.id}: ${tags.length} tags, over 20`);
    }
    results.forEach((r, j) => {
      const where = `run ${i} result ${j} (${r.ruleId})`;
      if (!r.ruleId) problems.push(`${where}: no ruleId`);
      if (!r.message?.text) problems.push(`${where}: no message text`);
      const locations = r.locations ?? [];
      if (locations.length === 0 || locations.length > 1000) problems.push(`${where}: ${locations.length} locations`);
      const physical = locations[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri;
      if (!uri) problems.push(`${where}: not located in a file`);
      else if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) problems.push(`${where}: ${uri} is not a path in the repository`);
      if (!(Number.isInteger(physical?.region?.startLine) && physical!.region!.startLine! >= 1)) problems.push(`${where}: no region.startLine`);
    });
  });
  return problems;
}
