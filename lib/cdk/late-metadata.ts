import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, type Stage } from 'aws-cdk-lib';
import type { IConstruct, MetadataEntry } from 'constructs';

/** What CDK keeps of an artifact until it writes `manifest.json`: where the stack's metadata went. */
interface ArtifactManifest {
  additionalMetadataFile?: string;
  metadata?: Record<string, MetadataEntry[]>;
}
interface AssemblyBuilder {
  readonly outdir: string;
  readonly artifacts?: Record<string, ArtifactManifest>;
}

/**
 * Every construct whose metadata CDK writes with `stack`'s (`collectStackMetadata`): breadth first,
 * the stack's nested stacks included, the top-level stacks below it left to their own artifact.
 */
function metadataOrder(stack: Stack): IConstruct[] {
  const order: IConstruct[] = [];
  const queue: IConstruct[] = [stack];
  for (let i = 0; i < queue.length; i++) {
    const next = queue[i];
    if (next !== stack && Stack.isStack(next) && !next.nested) continue;
    order.push(next);
    queue.push(...next.node.children);
  }
  return order;
}

/**
 * A stack's metadata as CDK would have written it had `added` been on the constructs when it
 * collected them: each construct's entries in the same place, the new ones after the entries it
 * had then (`before`, for the constructs synthesis itself adds metadata to: a stack's tags), and a
 * construct that had none in its place in CDK's order.
 */
function withAdded(written: Record<string, MetadataEntry[]>, order: readonly IConstruct[], added: ReadonlyMap<IConstruct, MetadataEntry[]>, before: ReadonlyMap<IConstruct, number>): Record<string, MetadataEntry[]> {
  const out: Record<string, MetadataEntry[]> = {};
  for (const c of order) {
    const key = `/${c.node.path}`;
    const entries = written[key];
    const late = added.get(c);
    if (!late) {
      if (entries) out[key] = entries;
      continue;
    }
    const had = entries ?? [];
    const at = Math.min(before.get(c) ?? had.length, had.length);
    out[key] = [...had.slice(0, at), ...late, ...had.slice(at)];
  }
  // Nothing CDK wrote is dropped, even from a construct this walk would not reach.
  for (const [key, entries] of Object.entries(written)) if (!(key in out)) out[key] = entries;
  return out;
}

/**
 * Puts annotations added to constructs after CDK wrote their stacks' metadata (`added`, by
 * construct, in the order they were added) where CDK put that metadata, before it writes the
 * manifest: the stack's `<artifact>.metadata.json` (aws-cdk-lib from 2.1xx), or the artifact's
 * `metadata` in the manifest it has yet to write (before). Byte for byte what CDK writes when the
 * annotations are on the constructs before synthesis. Throws when a stack has nowhere to put them
 * (no metadata at all when CDK wrote it), which the caller rules out before choosing to annotate late.
 */
export function writeLateMetadata(stage: Stage, stacks: readonly Stack[], added: ReadonlyMap<IConstruct, MetadataEntry[]>, before: ReadonlyMap<IConstruct, number>): void {
  if (added.size === 0) return;
  const builder = (stage as unknown as { _assemblyBuilder?: AssemblyBuilder })._assemblyBuilder;
  for (const stack of stacks) {
    if (stack.nested) continue;
    const order = metadataOrder(stack);
    if (!order.some((c) => added.has(c))) continue;
    const artifact = builder?.artifacts?.[stack.artifactId];
    if (artifact?.additionalMetadataFile) {
      const file = join(builder!.outdir, artifact.additionalMetadataFile);
      const written = JSON.parse(readFileSync(file, 'utf-8')) as Record<string, MetadataEntry[]>;
      writeFileSync(file, JSON.stringify(withAdded(written, order, added, before), undefined, 2), 'utf-8');
    } else if (artifact?.metadata) {
      artifact.metadata = withAdded(artifact.metadata, order, added, before);
    } else {
      throw new Error(`lexscribe: stack ${stack.node.path} has no metadata in the cloud assembly to add its annotations to`);
    }
  }
}

/** Whether CDK will write `stack`'s metadata somewhere lexscribe can add to it later: it has some now. */
export function hasMetadata(stack: Stack): boolean {
  return metadataOrder(stack).some((c) => c.node.metadata.length > 0);
}
