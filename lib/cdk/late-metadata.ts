import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack, Stage } from 'aws-cdk-lib';
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

/** A construct, and its key in its stack's metadata (`/` and its path). */
type Placed = readonly [construct: IConstruct, key: string];

/**
 * Every construct whose metadata CDK writes with `stack`'s (`collectStackMetadata`), with its key:
 * breadth first, the stack's nested stacks included, the top-level stacks below it (`others`) left to
 * their own artifact. Each key is its parent's and its id, rather than `node.path`, which walks up the
 * tree again for every construct.
 */
function metadataOrder(stack: IConstruct, others: ReadonlySet<IConstruct>): Placed[] {
  const order: Placed[] = [];
  const queue: Placed[] = [[stack, `/${stack.node.path}`]];
  for (let i = 0; i < queue.length; i++) {
    const [next, key] = queue[i];
    if (next !== stack && others.has(next)) continue;
    order.push(queue[i]);
    for (const child of next.node.children) queue.push([child, `${key}/${child.node.id}`]);
  }
  return order;
}

type Metadata = Record<string, MetadataEntry[]>;

/** A construct's place in its stack's metadata, and what it gets there. */
interface Late {
  readonly key: string;
  readonly entries: readonly MetadataEntry[];
  /** How many of the entries CDK wrote go before them (a stack's own; what synthesis added goes after). */
  readonly at?: number;
}

/** Each construct of `order` with entries in `added`, in CDK's order. */
function lateEntries(order: readonly Placed[], added: ReadonlyMap<IConstruct, MetadataEntry[]>, before: ReadonlyMap<IConstruct, number>): Late[] {
  const late: Late[] = [];
  for (const [c, key] of order) {
    const entries = added.get(c);
    if (entries) late.push({ key, entries, at: before.get(c) });
  }
  return late;
}

/** A construct's entries with the late ones in their place. */
function spliced(had: readonly MetadataEntry[], late: Late): MetadataEntry[] {
  const at = Math.min(late.at ?? had.length, had.length);
  return [...had.slice(0, at), ...late.entries, ...had.slice(at)];
}

/**
 * A stack's metadata as CDK would have written it had the late entries been on the constructs when it
 * collected them: each construct's in the same place, the new ones after the entries it had then, and
 * a construct that had none in its place in CDK's (breadth-first) order.
 */
function withLate(written: Metadata, order: readonly Placed[], late: readonly Late[]): Metadata {
  const byKey = new Map(late.map((l) => [l.key, l]));
  const out: Metadata = {};
  for (const [, key] of order) {
    const l = byKey.get(key);
    if (l) out[key] = spliced(written[key] ?? [], l);
    else if (written[key]) out[key] = written[key];
  }
  // Nothing CDK wrote is dropped, even from a construct this walk would not reach.
  for (const [key, entries] of Object.entries(written)) if (!(key in out)) out[key] = entries;
  return out;
}

/** `JSON.stringify(value, undefined, 2)` as it reads at `depth` inside a document written so. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, undefined, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/** `indented(entry, 2)`, made directly for an annotation as `addMetadata` makes it (`{ type, data, trace }`, a string, no trace): most of what is added. */
function entryText(e: MetadataEntry): string {
  const keys = Object.keys(e);
  const plain = keys[0] === 'type' && keys[1] === 'data' && typeof e.data === 'string' && e.trace === undefined && keys.length <= 3 && (keys.length === 2 || keys[2] === 'trace');
  return plain ? `{\n      "type": ${JSON.stringify(e.type)},\n      "data": ${JSON.stringify(e.data)}\n    }` : indented(e, 2);
}

/**
 * `withLate` on the text of a metadata file as CDK writes it (`JSON.stringify(metadata, undefined, 2)`),
 * the same bytes as writing `withLate` of its parse, without parsing and writing again what does not
 * change: in that text only a top-level key starts a line with two spaces and a quote (deeper lines
 * are indented further, and a string holds no raw newline). Undefined when the text is not of that
 * form, for the caller to parse it.
 */
function withLateText(text: string, order: readonly Placed[], late: readonly Late[]): string | undefined {
  if (!text.startsWith('{\n  "') || !text.endsWith('\n  ]\n}')) return undefined;
  // Each top-level key's text, `\n  "<key>": [ ... \n  ]`, by key, with where its array starts.
  const blocks = new Map<string, { block: string; array: number }>();
  for (let start = 1; start < text.length - 2; ) {
    const next = text.indexOf('\n  "', start + 1);
    const end = next === -1 ? text.length - 2 : next - 1;
    const block = text.slice(start, end);
    const line = block.slice(1, block.indexOf('\n', 1));
    if (!line.endsWith(': [')) return undefined;
    const key = line.slice(3, -4);
    blocks.set(key.includes('\\') ? (JSON.parse(line.slice(2, -3)) as string) : key, { block, array: line.length });
    start = end + 1;
  }
  const byKey = new Map(late.map((l) => [l.key, l]));
  const out: string[] = [];
  const emitted = new Set<string>();
  for (const [, key] of order) {
    const found = blocks.get(key);
    const l = byKey.get(key);
    if (!l) {
      if (found) out.push(found.block);
    } else if (!found) {
      out.push(`\n  ${JSON.stringify(key)}: ${indented(l.entries, 1)}`);
    } else if (l.at === undefined) {
      // After everything the construct had: the entries' text before the array's closing line.
      out.push(`${found.block.slice(0, -4)},${l.entries.map((e) => `\n    ${entryText(e)}`).join(',')}\n  ]`);
    } else {
      const had = JSON.parse(found.block.slice(found.array)) as MetadataEntry[];
      out.push(`\n  ${JSON.stringify(key)}: ${indented(spliced(had, l), 1)}`);
    }
    emitted.add(key);
  }
  for (const [key, { block }] of blocks) if (!emitted.has(key)) out.push(block);
  return `{${out.join(',')}\n}`;
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
  const topLevel = stacks.filter((s) => !s.nested);
  const others = new Set<IConstruct>(topLevel);
  for (const stack of topLevel) {
    const order = metadataOrder(stack, others);
    const late = lateEntries(order, added, before);
    if (late.length === 0) continue;
    const artifact = builder?.artifacts?.[stack.artifactId];
    if (artifact?.additionalMetadataFile) {
      const file = join(builder!.outdir, artifact.additionalMetadataFile);
      const text = readFileSync(file, 'utf-8');
      writeFileSync(file, withLateText(text, order, late) ?? JSON.stringify(withLate(JSON.parse(text) as Metadata, order, late), undefined, 2), 'utf-8');
    } else if (artifact?.metadata) {
      artifact.metadata = withLate(artifact.metadata, order, late);
    } else {
      throw new Error(`lexscribe: stack ${stack.node.path} has no metadata in the cloud assembly to add its annotations to`);
    }
  }
}

/**
 * Whether CDK will write `stack`'s metadata somewhere lexscribe can add to it later: some construct it
 * writes with the stack's (not those of the top-level stacks in `stacks`) has some now (every Stack of
 * today's aws-cdk-lib does: its creation stack).
 */
export function hasMetadata(stack: Stack, stacks: readonly Stack[] = []): boolean {
  if (stack.node.metadata.length > 0) return true;
  const others = new Set<IConstruct>(stacks.filter((s) => !s.nested));
  return metadataOrder(stack, others).some(([c]) => c.node.metadata.length > 0);
}
