import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, NestedStack, Stack, type Stage } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { IConstruct, MetadataEntry } from 'constructs';
import { hasMetadata, writeLateMetadata } from '../../lib/cdk/late-metadata';
import { tempDir } from '../helpers/temp';

/**
 * Annotations placed after CDK wrote a stack's metadata go where CDK put it, as CDK would have written
 * them (lib/cdk/late-metadata.ts). The end-to-end comparison with annotations placed before synthesis
 * is test/cdk/worker.test.ts; here, the cases a real synthesis of today's aws-cdk-lib does not reach.
 */
function fixture() {
  const app = new App();
  const stack = new Stack(app, 'Test');
  const first = new sns.Topic(stack, 'First');
  const second = new sns.Topic(stack, 'Second');
  const nested = new NestedStack(stack, 'Inner');
  const deep = new sns.Topic(nested, 'Deep');
  const other = new Stack(app, 'Other');
  return { app, stack, first, second, deep, other };
}

const entry = (type: string, data: string): MetadataEntry => ({ type, data });
/** A builder as CDK keeps it until it writes the manifest, with the given artifacts. */
const stageWith = (outdir: string, artifacts: Record<string, unknown>) => ({ _assemblyBuilder: { outdir, artifacts } }) as unknown as Stage;

describe('writeLateMetadata', () => {
  test("adds each construct's entries after what it had, a stack's before what synthesis added, a new path in CDK's order", () => {
    const { stack, first, second, deep } = fixture();
    const written = {
      '/Test': [entry('aws:cdk:logicalId', 'before'), entry('aws:cdk:stack-tags', 'synthesis')],
      '/Test/Second/Resource': [entry('aws:cdk:logicalId', 'SecondX')],
    };
    const added = new Map<IConstruct, MetadataEntry[]>([
      [stack, [entry('aws:cdk:warning', 'on the stack')]],
      [second.node.defaultChild!, [entry('aws:cdk:error', 'on second')]],
      [first.node.defaultChild!, [entry('aws:cdk:warning', 'on first')]],
      [deep.node.defaultChild!, [entry('aws:cdk:info', 'in the nested stack')]],
    ]);
    const artifact = { metadata: written };
    writeLateMetadata(stageWith('.', { Test: artifact }), [stack], added, new Map([[stack, 1]]));
    expect(Object.keys(artifact.metadata)).toEqual(['/Test', '/Test/First/Resource', '/Test/Second/Resource', '/Test/Inner/Deep/Resource']);
    expect(artifact.metadata['/Test'].map((e) => e.data)).toEqual(['before', 'on the stack', 'synthesis']);
    expect(artifact.metadata['/Test/Second/Resource'].map((e) => e.data)).toEqual(['SecondX', 'on second']);
  });

  test('rewrites the metadata file as CDK writes it, and leaves stacks without additions alone', () => {
    const { stack, first, other } = fixture();
    const outdir = tempDir('lexscribe-late-');
    mkdirSync(outdir, { recursive: true });
    const written = { '/Test/First/Resource': [entry('aws:cdk:logicalId', 'FirstX')], '/Test/Gone': [entry('aws:cdk:logicalId', 'kept')] };
    writeFileSync(join(outdir, 'Test.metadata.json'), JSON.stringify(written, undefined, 2));
    writeFileSync(join(outdir, 'Other.metadata.json'), 'untouched');
    const added = new Map<IConstruct, MetadataEntry[]>([[first.node.defaultChild!, [entry('aws:cdk:error', 'late')]]]);
    const artifacts = { Test: { additionalMetadataFile: 'Test.metadata.json' }, Other: { additionalMetadataFile: 'Other.metadata.json' } };
    writeLateMetadata(stageWith(outdir, artifacts), [stack, other], added, new Map());
    const expected = { '/Test/First/Resource': [entry('aws:cdk:logicalId', 'FirstX'), entry('aws:cdk:error', 'late')], '/Test/Gone': [entry('aws:cdk:logicalId', 'kept')] };
    expect(readFileSync(join(outdir, 'Test.metadata.json'), 'utf8')).toBe(JSON.stringify(expected, undefined, 2));
    expect(readFileSync(join(outdir, 'Other.metadata.json'), 'utf8')).toBe('untouched');
  });

  test.each([
    ['as CDK writes it (the text spliced)', (m: unknown) => JSON.stringify(m, undefined, 2)],
    ['in another form (parsed and written again)', (m: unknown) => JSON.stringify(m)],
  ])('a metadata file %s comes out as CDK would have written it with the annotations on', (_how, write) => {
    const { stack, first, second, deep } = fixture();
    const outdir = tempDir('lexscribe-late-');
    const written = {
      '/Test': [entry('aws:cdk:logicalId', 'before'), entry('aws:cdk:stack-tags', 'synthesis')],
      '/Test/Second/Resource': [entry('aws:cdk:logicalId', 'Second "quoted": [x]'), { type: 'aws:cdk:asset', data: { path: 'a\nb', list: [1, 2] } }],
    };
    writeFileSync(join(outdir, 'Test.metadata.json'), write(written));
    // Entries not as addMetadata makes them: written as JSON.stringify writes them, in their own key order.
    const odd = [{ data: 'data first', type: 'aws:cdk:info' }, { type: 'aws:cdk:info', data: 'traced', trace: ['here'] }] as unknown as MetadataEntry[];
    const added = new Map<IConstruct, MetadataEntry[]>([
      [deep.node.defaultChild!, [entry('aws:cdk:info', 'in the nested stack')]],
      [second.node.defaultChild!, [entry('aws:cdk:error', 'on second'), { type: 'aws:cdk:warning', data: 'and again', trace: undefined }, odd[0], odd[1]]],
      [stack, [entry('aws:cdk:warning', 'on the stack')]],
      [first.node.defaultChild!, [entry('aws:cdk:warning', 'on first')]],
    ]);
    writeLateMetadata(stageWith(outdir, { Test: { additionalMetadataFile: 'Test.metadata.json' } }), [stack], added, new Map([[stack, 1]]));
    const expected = {
      '/Test': [entry('aws:cdk:logicalId', 'before'), entry('aws:cdk:warning', 'on the stack'), entry('aws:cdk:stack-tags', 'synthesis')],
      '/Test/First/Resource': [entry('aws:cdk:warning', 'on first')],
      '/Test/Second/Resource': [...written['/Test/Second/Resource'], entry('aws:cdk:error', 'on second'), entry('aws:cdk:warning', 'and again'), ...odd],
      '/Test/Inner/Deep/Resource': [entry('aws:cdk:info', 'in the nested stack')],
    };
    expect(readFileSync(join(outdir, 'Test.metadata.json'), 'utf8')).toBe(JSON.stringify(expected, undefined, 2));
  });

  test('a stack whose artifact has no metadata anywhere is an error, not annotations dropped', () => {
    const { stack, first } = fixture();
    const added = new Map<IConstruct, MetadataEntry[]>([[first.node.defaultChild!, [entry('aws:cdk:error', 'late')]]]);
    expect(() => writeLateMetadata(stageWith('.', { Test: {} }), [stack], added, new Map())).toThrow('lexscribe: stack Test has no metadata in the cloud assembly to add its annotations to');
  });

  test('hasMetadata: whether any construct CDK writes with the stack has metadata now', () => {
    expect(hasMetadata(fixture().stack)).toBe(true);
    // Every Stack of today's aws-cdk-lib has its creation stack; a construct tree with none is made up.
    const bare = (children: unknown[]) => ({ node: { metadata: [], children } });
    expect(hasMetadata(bare([bare([]), bare([])]) as unknown as Stack)).toBe(false);
    // What a top-level stack below it holds is written with that stack's artifact, not this one's.
    const inner = { node: { metadata: [{ type: 'aws:cdk:logicalId', data: 'X' }], children: [] }, nested: false };
    const outer = bare([inner]) as unknown as Stack;
    expect(hasMetadata(outer, [outer, inner as unknown as Stack])).toBe(false);
    expect(hasMetadata(outer)).toBe(true);
  });
});
