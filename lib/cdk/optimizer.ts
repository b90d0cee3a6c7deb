import { setV8Flag, tiersAreOurs } from '../v8/flags';

/**
 * What the pause sets, each with what undoes it after. `--always-sparkplug` gives a function baseline
 * code when it is first compiled, rather than after its interpreted calls have filled a budget: in
 * alternating synths of a 2,000-resource failing app (20 rounds), 1.082× → 1.066× plain CDK's CPU.
 */
const PAUSE: readonly (readonly [set: string, undo: string])[] = [
  ['--no-turbofan', '--turbofan'],
  ['--always-sparkplug', '--no-always-sparkplug'],
];

let paused = false;

/**
 * `work`, with V8's optimizing compiler (TurboFan) paused, then resumed whatever happens.
 *
 * Validation at synth is code that runs once, over thousands of resources, in a process that exits
 * right after: TurboFan compiles the functions that get hot (the templates' rendering, the checks) on
 * its helper threads and the process ends before most of that code runs again. Measured on a
 * 2,000-resource app, pausing it takes 170–250 ms of CPU off the ~300 the aspect adds and costs the
 * main thread 0–50 ms. Code already optimized stays so, and baseline code runs the rest (compiled at
 * once, see PAUSE). Nothing is paused when the process was started with its own tier flags
 * (`--jitless`, `--no-opt`, `--max-opt`, `--no-sparkplug`…, in its arguments or `NODE_OPTIONS`), as
 * setting them back after would undo them, nor when the runtime cannot set V8 flags.
 *
 * `later`, when `work` has returned, may take over the resume (returning true): it is then called
 * by whoever `later` hands it to, and at the latest when the current job ends (a microtask), so that
 * the pause never outlives the synchronous call that began it.
 */
export function withOptimizerPaused<T>(enabled: boolean, work: () => T, later?: (resume: () => void) => boolean): T {
  if (!enabled || paused || !tiersAreOurs()) return work();
  const set = PAUSE.filter(([flag]) => setV8Flag(flag));
  if (set.length === 0) return work();
  paused = true;
  let resumed = false;
  const resume = () => {
    if (resumed) return;
    resumed = true;
    paused = false;
    for (const [, undo] of set) setV8Flag(undo);
  };
  let deferred = false;
  try {
    const result = work();
    deferred = later?.(resume) ?? false;
    return result;
  } finally {
    if (deferred) queueMicrotask(resume);
    else resume();
  }
}
