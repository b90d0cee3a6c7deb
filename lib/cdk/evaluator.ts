import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { StageJob, StageOutcome } from './stage-job';

/** A job as it travels to the thread (`evaluator-worker.ts` reads it back). */
export interface PostedJob extends Omit<StageJob, 'inputs'> {
  readonly inputsJson: string;
}

/**
 * The evaluation thread's file: beside the package's bundle (dist/lexscribe.js), or two folders up
 * from the compiled module (dist/lib/cdk). Run from the TypeScript sources there is none, and the
 * aspect evaluates on the App's thread.
 */
const WORKER_FILES = [join(__dirname, 'lexscribe-worker.js'), join(__dirname, '..', '..', 'lexscribe-worker.js')];

/** How long the App's thread waits for the answer before it runs the job itself: a thread that died answers nothing. */
export const ANSWER_TIMEOUT_MS = 120_000;

/**
 * A thread that runs the checks of one synthesis while CDK writes the assembly (`stage-job.ts`).
 * Started when the aspect first visits the App, so that it loads the catalog while the App is still
 * being built; answers once, and the App's thread waits for that answer synchronously (a synthesis is
 * synchronous), where CDK calls it back after writing the stacks.
 */
export class Evaluator {
  /** A new thread, or undefined where there is no worker file (the TypeScript sources) or no thread can start. */
  static start(file?: string): Evaluator | undefined {
    file = file === undefined ? WORKER_FILES.find((f) => existsSync(f)) : existsSync(file) ? file : undefined;
    if (!file) return undefined;
    try {
      return new Evaluator(file);
    } catch {
      return undefined;
    }
  }

  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private ended = false;
  /** Waits for the answer when the process exits first (a synthesis that threw after validation): the thread writes the report. */
  private readonly atExit = () => void this.take();

  private constructor(file: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(file, { workerData: { flag: this.flag, port: port2 }, transferList: [port2] });
    // Idle, it does not keep the process alive: a synthesis that never reaches validation leaves nothing waiting.
    this.worker.unref();
    // Failures are answered through the port, or found by the timeout; the event itself has no listener to reach.
    this.worker.on('error', () => undefined);
  }

  /**
   * Sends the job; false when it cannot be copied to the thread (the caller then runs it itself). The
   * stacks go as JSON text: they must be JSON data (CDK's renderings, which the caller alone sends;
   * lexscribe's own values, as a SAM expansion puts in, would not come back as they went). On the
   * thread that posts them it takes about half the time of a structured clone of the objects.
   */
  post(job: StageJob): boolean {
    try {
      const { inputs, ...rest } = job;
      this.worker.postMessage({ ...rest, inputsJson: JSON.stringify(inputs) } satisfies PostedJob);
    } catch {
      this.end();
      return false;
    }
    // Busy, it does: the report it writes is part of the synthesis, even one that stops before the answer is
    // taken; and a process that exits on the exception a failed synthesis throws waits for it too.
    this.worker.ref();
    process.once('exit', this.atExit);
    return true;
  }

  /** The answer, waited for; an `error` when the thread failed, ended without one, or took longer than `timeoutMs`. */
  take(timeoutMs = ANSWER_TIMEOUT_MS): StageOutcome | { error: string } {
    if (this.ended) return { error: 'the evaluation thread was stopped before it answered' };
    const deadline = Date.now() + timeoutMs;
    while (Atomics.load(this.flag, 0) === 0) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.flag, 0, 0, left) === 'timed-out') {
        this.end();
        return { error: `the evaluation thread gave no answer within ${timeoutMs / 1000} s` };
      }
    }
    const answer = receiveMessageOnPort(this.port)?.message as StageOutcome | { error: string } | undefined;
    this.end();
    return answer ?? { error: 'the evaluation thread ended without an answer' };
  }

  /** Stops the thread (a job not taken, or one answered). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    process.removeListener('exit', this.atExit);
    this.port.close();
    this.worker.unref();
    void this.worker.terminate();
  }
}
