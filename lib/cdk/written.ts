import { Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Where aws-cdk-lib looks for a construct's custom synthesis (`attachCustomSynthesis`), the same
 * symbol from 2.71 on. Set here as a configurable property, and removed when called, rather than
 * through `attachCustomSynthesis`, which sets it for good: an App holds one, and one set for good by
 * lexscribe would make a later `attachCustomSynthesis` on the same App throw.
 */
const CUSTOM_SYNTHESIS = Symbol.for('@aws-cdk/core:customSynthesis');
const waiting = new WeakMap<IConstruct, { readonly hook: object; readonly queue: Array<() => void> }>();

/**
 * Calls `then` once CDK has written `stage`'s assembly: its synthesis visits the stage's constructs
 * children first, writing each stack's template and the tree, and calls the stage's own custom
 * synthesis last. Returns false, and calls nothing, when that cannot be known: `stage` is not a Stage
 * (a free-standing stack), or it already has a custom synthesis of someone else's.
 */
export function whenWritten(stage: IConstruct, then: () => void): boolean {
  if (!Stage.isStage(stage)) return false;
  const host = stage as unknown as { [CUSTOM_SYNTHESIS]?: object };
  let entry = waiting.get(stage);
  if (!entry || host[CUSTOM_SYNTHESIS] !== entry.hook) {
    if (host[CUSTOM_SYNTHESIS] !== undefined) return false;
    const queue: Array<() => void> = [];
    const hook = {
      onSynthesize: () => {
        delete host[CUSTOM_SYNTHESIS];
        for (const f of queue.splice(0)) f();
      },
    };
    Object.defineProperty(host, CUSTOM_SYNTHESIS, { value: hook, configurable: true, enumerable: false, writable: false });
    waiting.set(stage, (entry = { hook, queue }));
  }
  entry.queue.push(then);
  return true;
}
