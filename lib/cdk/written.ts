import { Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Where aws-cdk-lib looks for a construct's custom synthesis (`attachCustomSynthesis`), the same
 * symbol from 2.71 on. Set here as a configurable property, and removed when called, rather than
 * through `attachCustomSynthesis`, which sets it for good: an App holds one, and one set for good by
 * lexscribe would make a later `attachCustomSynthesis` on the same App throw.
 */
const CUSTOM_SYNTHESIS = Symbol.for('@aws-cdk/core:customSynthesis');
type Host = { [CUSTOM_SYNTHESIS]?: object };

/** lexscribe's custom synthesis on one stage: what waits for the stage's assembly to be written. */
class WrittenHook {
  readonly queue: Array<() => void> = [];
  constructor(private readonly host: Host) {}

  onSynthesize(): void {
    delete this.host[CUSTOM_SYNTHESIS];
    for (const f of this.queue.splice(0)) f();
  }
}

/**
 * Calls `then` once CDK has written `stage`'s assembly: its synthesis visits the stage's constructs
 * children first, writing each stack's template and the tree, and calls the stage's own custom
 * synthesis last. Returns false, and calls nothing, when that cannot be known: `stage` is not a Stage
 * (a free-standing stack), or it already has a custom synthesis of someone else's.
 */
export function whenWritten(stage: IConstruct, then: () => void): boolean {
  if (!Stage.isStage(stage)) return false;
  const host = stage as unknown as Host;
  let hook = host[CUSTOM_SYNTHESIS];
  if (hook === undefined) {
    hook = new WrittenHook(host);
    Object.defineProperty(host, CUSTOM_SYNTHESIS, { value: hook, configurable: true, enumerable: false, writable: false });
  }
  if (!(hook instanceof WrittenHook)) return false;
  hook.queue.push(then);
  return true;
}
