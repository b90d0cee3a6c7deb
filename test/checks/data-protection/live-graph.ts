import type { Check } from '../../../lib/engine/check';
import { runPipeline } from '../../../lib/engine/pipeline';
import type { StackInput } from '../../../lib/model/resource';

export const ACCOUNT = '123456789012';

/** A live-shaped resource as a collector emits it: literal values, the ARN as provenance. */
export function live(type: string, logicalId: string, properties: Record<string, unknown>, arn?: string) {
  return { type, logicalId, properties, metadata: {}, provenance: { arn: arn ?? `arn:aws:test:::${logicalId}`, api: 'test' } };
}

/** The scope of a live audit of one Region. */
export function scope(region: string, resources: StackInput['resources'], extra: Partial<StackInput> = {}): StackInput {
  return { stack: { name: `${ACCOUNT}/${region}`, account: ACCOUNT, region }, resources, ...extra };
}

/** Run one check over hand-built live scopes; statuses keyed by logical id (joined with `,`). */
export function runLive(check: Check, inputs: StackInput[], options?: Record<string, unknown>) {
  const result = runPipeline([{ stacks: inputs }], { checks: [check], mode: 'live', config: options ? { checks: { [check.id]: { options } } } : undefined });
  const statuses: Record<string, string> = {};
  for (const f of result.findings) {
    const k = f.resource.logicalId ?? '?';
    statuses[k] = statuses[k] ? `${statuses[k]},${f.status}` : f.status;
  }
  return { findings: result.findings, statuses };
}
