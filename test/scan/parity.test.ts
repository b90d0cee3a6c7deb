import { rmSync } from 'node:fs';
import { scanLoaded } from '../../lib/cli/scan';
import type { Finding } from '../../lib/model/finding';
import { loadTemplates } from '../../lib/sources/template/load';
import { emptyParameters } from '../../lib/sources/template/parameters';
import { synthAssembly } from './assembly-app';

const verdict = (f: Finding) => `${f.checkId} ${f.resource.stack}/${f.resource.logicalId} ${f.findingKey ?? ''} ${f.status}`;

describe('scan of a cdk.out finds what the aspect found at synth', () => {
  test.each([
    ['nested templates found through the asset manifest', false],
    ['nested templates found through aws:asset:path metadata', true],
  ])('%s', (_, assetMetadata) => {
    const synth = synthAssembly({ assetMetadata });
    try {
      const loaded = loadTemplates([synth.dir], { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });
      expect(loaded.errors).toEqual([]);
      expect(loaded.warnings).toEqual([]);
      const scanned = scanLoaded(loaded, {}, { verbose: true }).findings;

      expect(new Set(scanned.map(verdict))).toEqual(new Set(synth.findings.map(verdict)));
      // The app covers the interesting paths: a cross-stack key, a nested stack, a Stage, a metadata suppression.
      const dp2 = Object.fromEntries(scanned.filter((f) => f.checkId === 'LEX-DP-2' && f.resource.type === 'AWS::Lex::BotAlias').map((f) => [f.resource.constructPath, f.status]));
      expect(dp2).toEqual({
        'Bots/WithSharedKey': 'PASS',
        'Bots/WithoutKey': 'FAIL',
        'Bots/Suppressed': 'SUPPRESSED',
        'Bots/Regional/NestedAlias': 'FAIL',
        'Prod/Service/ProdAlias': 'PASS',
      });
      expect(scanned.find((f) => f.status === 'SUPPRESSED')?.suppression?.source).toBe('metadata');
    } finally {
      rmSync(synth.dir, { recursive: true, force: true });
    }
  });
});
