/**
 * Determinism: the same input scanned twice gives byte-identical JSON reports (the run's start time
 * aside), even with another input scanned in between (no state survives a run), for any generated
 * template or cloud assembly.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { assembly } from './arbitraries/assemblies';
import { extensionOf, format, serialise } from './arbitraries/serialise';
import { template } from './arbitraries/templates';
import { GOOD_JSON, writeTree } from './fixtures';
import { scanInProcess } from './run';
import { params } from './settings';

/** The only field that may differ between two runs: when each started. */
const withoutStart = (text: string | undefined) => text?.replace(/^ {2}"startedAt": "[^"]*",$/m, '  "startedAt": "…",');

/** A folder to scan: one template file, or a cloud assembly. */
const input = fc.oneof(
  fc.tuple(template, format).map(([t, f]) => ({ files: { [`stack.${extensionOf(f)}`]: serialise(t, f) }, path: `stack.${extensionOf(f)}` })),
  assembly(GOOD_JSON).map((files) => ({ files, path: '.' })),
);

test('the same input gives the same JSON report, byte for byte, whatever ran before', async () => {
  await fc.assert(
    fc.asyncProperty(input, template, async (first, other) => {
      const dir = writeTree(first.files);
      const otherDir = writeTree({ 'other.json': serialise(other, 'json') });
      const once = await scanInProcess([join(dir, first.path)]);
      await scanInProcess([join(otherDir, 'other.json')]);
      const twice = await scanInProcess([join(dir, first.path)]);
      expect(once.reportText).toBeDefined();
      expect(withoutStart(once.reportText)).not.toBe(once.reportText);
      expect(withoutStart(twice.reportText)).toBe(withoutStart(once.reportText));
      expect(twice.stderr).toBe(once.stderr);
      expect(twice.code).toBe(once.code);
    }),
    params(0.17),
  );
});
