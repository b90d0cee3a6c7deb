import fc from 'fast-check';
import { PROTOTYPE_NAMES } from './values';

/** A cloud assembly on disk: file paths (relative to its folder) and their text. */
export type AssemblyFiles = Record<string, string>;

/** A stack of the assembly that is certainly good: if it is lost, a bad neighbour cost it. */
export const GOOD_STACK = 'Good';

/** Anything where a manifest expects something (a string, an object): the right type sometimes. */
const anything = fc.constantFrom<unknown>(undefined, null, 42, '', 'x', [], {}, ['a'], true, { nested: { deeper: 1 } });

function fieldValue<T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: anything });
}

const artifactId = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{0,6}$/), fc.constantFrom(...PROTOTYPE_NAMES, 'manifest', '..', 'a/b'));

const metadata = fieldValue(
  fc.dictionary(
    fc.constantFrom('/Stack', '/Stack/Bot/Resource', '', '__proto__'),
    fieldValue(fc.array(fc.record({ type: fieldValue(fc.constantFrom('aws:cdk:logicalId', 'aws:cdk:creationStack', 'aws:cdk:warning')), data: fieldValue(fc.constantFrom('Bot', ['at x (y.js:1:1)'])), trace: fc.option(anything, { nil: undefined }) }), { maxLength: 2 })),
    { maxKeys: 2 },
  ),
);

/** One artifact: a stack, a nested assembly (possibly itself or its parent), an asset manifest, or junk. */
const artifact: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      type: fc.constant('aws:cloudformation:stack'),
      environment: fieldValue(fc.constantFrom('aws://123456789012/us-east-1', 'aws://unknown-account/unknown-region', 'aws://x', 'nonsense')),
      properties: fieldValue(
        fc.record(
          {
            templateFile: fieldValue(fc.constantFrom('Good.template.json', 'Missing.template.json', 'Bad.template.json', '../Good.template.json', '/etc/hostname', 'sub', '')),
            parameters: fieldValue(fc.dictionary(fc.constantFrom('P', 'toString', '__proto__'), fieldValue(fc.constant('v')), { maxKeys: 2 })),
            stackName: fieldValue(fc.constant('Stack')),
          },
          { requiredKeys: [] },
        ),
      ),
      metadata,
      displayName: fieldValue(fc.constantFrom('Stage/Stack', '')),
      dependencies: fieldValue(fc.array(fc.constantFrom('Good', 'Missing', 'Self'), { maxLength: 2 })),
      additionalMetadataFile: fc.option(fieldValue(fc.constantFrom('Good.metadata.json', 'missing.metadata.json')), { nil: undefined }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('cdk:cloud-assembly'), properties: fieldValue(fc.record({ directoryName: fieldValue(fc.constantFrom('.', 'sub', 'sub/..', 'missing', '..', 'loop')), displayName: fc.constant('Stage') }, { requiredKeys: [] })) }),
  fc.record({ type: fc.constant('cdk:asset-manifest'), properties: fieldValue(fc.record({ file: fieldValue(fc.constantFrom('assets.json', 'missing.json', 'Good.template.json')) })) }),
  fc.record({ type: fieldValue(fc.constantFrom('cdk:tree', 'aws:cloudformation:nope', 'cdk:feature-flag-report')), properties: anything }),
  anything,
);

const manifest: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ version: fieldValue(fc.constantFrom('55.0.0', '36.0.0', '1')), artifacts: fieldValue(fc.dictionary(artifactId, artifact, { maxKeys: 4 })), missing: fc.option(anything, { nil: undefined }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: anything },
);

/** How the manifest's text is written: plainly, after a byte-order mark, broken, or with a key twice. */
const manifestText = fc.tuple(manifest, fc.constantFrom('plain', 'bom', 'truncated', 'duplicate')).map(([m, how]) => {
  const text = JSON.stringify(m) ?? 'undefined';
  switch (how) {
    case 'bom':
      return `\uFEFF${text}`;
    case 'truncated':
      return text.slice(0, Math.floor(text.length / 2));
    case 'duplicate':
      return text.startsWith('{') ? `{"artifacts": {}, ${text.slice(1)}` : text;
    default:
      return text;
  }
});

/**
 * An assembly folder: a manifest (and maybe nested assemblies' manifests in `sub/` and `loop/`, the
 * latter pointing back up), a good template, a broken one, an asset manifest.
 */
export function assembly(goodTemplate: string): fc.Arbitrary<AssemblyFiles> {
  return fc.record({ top: manifestText, sub: fc.option(manifestText, { nil: undefined }), loop: fc.boolean(), assets: fc.option(fc.constantFrom('{"files": {"h": {"source": {"path": "Good.template.json"}}}}', '{"files": null}', '[]', '{'), { nil: undefined }) }).map(({ top, sub, loop, assets }) => {
    const files: AssemblyFiles = { 'manifest.json': top, 'Good.template.json': goodTemplate, 'Bad.template.json': '{"Resources": {', 'Good.metadata.json': '{"/Stack": []}' };
    if (sub !== undefined) {
      files['sub/manifest.json'] = sub;
      files['sub/Good.template.json'] = goodTemplate;
    }
    if (loop) files['loop/manifest.json'] = JSON.stringify({ version: '55.0.0', artifacts: { Up: { type: 'cdk:cloud-assembly', properties: { directoryName: '..' } } } });
    if (assets !== undefined) files['assets.json'] = assets;
    return files;
  });
}
