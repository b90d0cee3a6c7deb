import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aspects, Stack } from 'aws-cdk-lib';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { ENV, HIGH, MEDIUM, newApp, topic } from './fixtures';

/**
 * What checking at synth must not add to a synthesis: a second rendering of each template, and a
 * stack trace captured per annotation. (How long it takes is measured in `npm run bench`.)
 */
type Renderable = { _toCloudFormation(): unknown };

function countRenders(): { count: () => number; restore: () => void } {
  const proto = Stack.prototype as unknown as Renderable;
  const original = proto._toCloudFormation;
  let n = 0;
  proto._toCloudFormation = function (this: Renderable) {
    n++;
    return original.call(this);
  };
  return { count: () => n, restore: () => (proto._toCloudFormation = original) };
}

function buildApp(withAspect: boolean) {
  const app = newApp();
  const a = new Stack(app, 'A', { env: ENV });
  const b = new Stack(app, 'B', { env: ENV });
  topic(a, 'Bad', 'FAIL');
  topic(b, 'Fine', 'PASS');
  const aspect = new LexscribeChecks({ checks: [HIGH, MEDIUM] });
  if (withAspect) Aspects.of(app).add(aspect);
  return { app, aspect };
}

describe('the cost of checking at synth', () => {
  test('each template is rendered once, as in a plain synth, and the written one is what was checked', () => {
    const renders = countRenders();
    try {
      const plain = buildApp(false).app;
      plain.synth();
      const plainRenders = renders.count();
      const { app, aspect } = buildApp(true);
      const assembly = app.synth();
      expect(plainRenders).toBe(2);
      expect(renders.count() - plainRenders).toBe(2);
      const failed = aspect.results.get('')?.findings.filter((f) => f.status === 'FAIL') ?? [];
      expect(failed.map((f) => f.checkId).sort()).toEqual(['TEST-HIGH-1', 'TEST-MED-1']);
      expect(new Set(failed.map((f) => f.resource.logicalId)).size).toBe(1);
      const written = JSON.parse(readFileSync(join(assembly.directory, 'A.template.json'), 'utf8')) as { Resources: Record<string, { Type: string }> };
      expect(Object.values(written.Resources).map((r) => r.Type)).toContain('AWS::SNS::Topic');
    } finally {
      renders.restore();
    }
  });

  test('a later synthesis of a changed tree renders it anew (no stale template)', () => {
    const renders = countRenders();
    try {
      const { app } = buildApp(true);
      app.synth();
      const first = renders.count();
      topic(app.node.findChild('B') as Stack, 'Late', 'FAIL');
      const again = app.synth({ force: true });
      expect(renders.count() - first).toBe(2);
      const written = JSON.parse(readFileSync(join(again.directory, 'B.template.json'), 'utf8')) as { Resources: Record<string, unknown> };
      expect(Object.keys(written.Resources).some((id) => id.startsWith('Late'))).toBe(true);
    } finally {
      renders.restore();
    }
  });

  test('annotations are error/warning metadata entries without a stack trace, each message once', () => {
    const { app } = buildApp(true);
    const assembly = app.synth();
    const stack = assembly.getStackArtifact('A');
    const ours = (type: string) => stack.findMetadataByType(type).filter((m) => String(m.data).startsWith('TEST-'));
    expect(ours('aws:cdk:error').map((m) => String(m.data).split(' ')[0])).toEqual(['TEST-HIGH-1']);
    expect(ours('aws:cdk:warning').map((m) => String(m.data).split(' ')[0])).toEqual(['TEST-MED-1']);
    for (const m of [...ours('aws:cdk:error'), ...ours('aws:cdk:warning')]) expect(m.trace).toBeUndefined();
  });
});
