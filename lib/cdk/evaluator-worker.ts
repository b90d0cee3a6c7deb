import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PostedJob } from './evaluator';
import type { StageJob, StageOutcome } from './stage-job';

/**
 * The thread `Evaluator` starts (bundled as dist/lexscribe-worker.js): loads the catalog as soon as it
 * starts, while the App is still being built, then runs one job and answers on the port it was given,
 * raising the flag the App's thread waits on. Whatever goes wrong is an answer too, so that the App's
 * thread runs the job itself rather than wait.
 */
const { flag, port } = workerData as { flag: Int32Array; port: MessagePort };

let runJob: ((job: StageJob) => StageOutcome) | undefined;
let loadError: unknown;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ({ runJob } = require('./stage-job') as typeof import('./stage-job'));
} catch (e) {
  loadError = e;
}

function problem(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

parentPort!.once('message', ({ inputsJson, ...rest }: PostedJob) => {
  let answer: StageOutcome | { error: string };
  try {
    answer = runJob ? runJob({ ...rest, inputs: JSON.parse(inputsJson) as StageJob['inputs'] }) : { error: `the evaluation thread could not load the checks: ${problem(loadError)}` };
  } catch (e) {
    answer = { error: `the evaluation thread failed: ${problem(e)}` };
  }
  port.postMessage(answer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
});
