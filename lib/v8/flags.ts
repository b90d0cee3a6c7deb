import * as v8 from 'node:v8';

/** V8 flags that say something about its tiers: a process started with any of them keeps its own choice. */
const TIER_FLAG = /^--(no[-_])?(turbofan|opt|jitless|max[-_]opt|always[-_]turbofan|always[-_]opt|sparkplug|always[-_]sparkplug|interrupt[-_]budget)(=|$)/;

/** The flags Node was started with: its own arguments and `NODE_OPTIONS`. */
function startFlags(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
}

/**
 * Whether lexscribe may change how V8 tiers code in this process: not when Node was started with tier
 * flags of its own (`--jitless`, `--no-opt`, `--max-opt`, `--no-sparkplug`, `--interrupt-budget`…, in
 * its arguments or `NODE_OPTIONS`), which setting flags at run time would undo, and not on a V8 older
 * than 11 (Node 20), whose flags have other names (`--turbofan` is V8 11's; an older V8 would print
 * that it knows no such flag).
 */
export function tiersAreOurs(): boolean {
  if (!(Number(process.versions.v8?.split('.')[0]) >= 11)) return false;
  return !startFlags().some((f) => TIER_FLAG.test(f));
}

/** Sets one V8 flag; false where the runtime cannot. */
export function setV8Flag(flag: string): boolean {
  try {
    v8.setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}
