import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../checks';
import { FRAMEWORKS } from '../../checks/frameworks';
import { checksMarkdown } from '../../lib/docs/checks-markdown';

describe('docs/checks.md', () => {
  test('is current with the registry (run `npm run docs` after changing a check)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'checks.md'), 'utf8');
    expect(committed).toBe(checksMarkdown());
  });

  test('lists every check once', () => {
    const doc = checksMarkdown();
    for (const c of ALL_CHECKS) expect(doc.split(`[${c.id}](`).length - 1).toBe(1);
  });
});

describe('framework mapping', () => {
  test('names only checks that exist', () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.id));
    const mapped = FRAMEWORKS.flatMap((f) => f.controls.map((c) => c.checkId));
    expect(mapped.filter((id) => !ids.has(id))).toEqual([]);
  });

  test('gives a documentation basis for every mapping', () => {
    for (const f of FRAMEWORKS) for (const c of f.controls) expect(c.basis.length).toBeGreaterThan(20);
  });
});
