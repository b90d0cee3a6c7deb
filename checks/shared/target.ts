import type { CheckContext } from '../../lib/engine/check';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';

/**
 * The resource of this run that a property points at (`CloudWatchLogGroupArn`, `S3BucketArn`,
 * `BotFileS3Location.S3Bucket`), or why it cannot be evaluated: a value that cannot be known, or a
 * destination outside the app (or outside the account scan). Undefined when the property is absent.
 * `what` names the destination in reasons ("log group").
 */
export function resolveTarget(ctx: Pick<CheckContext, 'graph'>, value: unknown, types: string[], what: string): Resource | Unknown | undefined {
  const t = ctx.graph.target(value, ...types);
  if (t === undefined) return undefined;
  if (t instanceof Unknown) return new Unknown(`${what} ${render(value)} cannot be resolved: ${t.reason}`);
  if ('external' in t) {
    const where = ctx.graph.notHere;
    return new Unknown(`${what} ${t.external} ${where}`);
  }
  if (!types.includes(t.resource.type)) {
    return new Unknown(`${what} ${render(value)} points at ${t.resource.type} ${t.resource.logicalId}, not at ${types.join(' or ')}`);
  }
  return t.resource;
}
