import { setV8Flag, tiersAreOurs } from '../v8/flags';

/**
 * V8's interrupt budget for a lexscribe command: four times Node 20's default (66 KiB of bytecode run
 * between a function's tier-up decisions), so that TurboFan optimizes a small function after some 920
 * calls instead of 230.
 *
 * A command reads thousands of resources once and exits. At the default budget TurboFan compiles
 * hundreds of functions that are hot for a moment (one check over every alias, one report writer) and
 * done by the time their optimized code is installed: the compiling takes the second core from the
 * garbage collector's helpers, and the main thread installs code it barely runs. Measured with `scan`
 * of the bench's 10,080-resource assembly, budgets alternating in the same minutes (8 rounds): 4×
 * takes a sixth off the wall-clock of the text report and a tenth off SARIF's, and a quarter off the
 * CPU; 3× and 6× do as well, 2× half as well, and `--no-turbofan` is slower than the default.
 */
export const INTERRUPT_BUDGET = 4 * 66 * 1024;

/**
 * Sets the budget for this process, unless Node was started with tier flags of its own (Node refuses
 * `--interrupt-budget` in `NODE_OPTIONS`: `node --interrupt-budget=67584 "$(command -v lexscribe)" …` runs
 * with V8's default). It changes when code is optimized, never what it computes. True when it was set.
 */
export function raiseInterruptBudget(): boolean {
  return tiersAreOurs() && setV8Flag(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
