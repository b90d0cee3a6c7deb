import { ALL_CHECKS } from '../../checks';
import { runPipeline } from '../../lib/engine/pipeline';
import { unreadableStacks } from '../../lib/sources/account/accounts-run';
import { ALL_COLLECTORS } from '../../lib/sources/account/collectors';

describe('an account that cannot be read', () => {
  const reason = 'the account could not be read: cannot assume arn:aws:iam::444455556666:role/Auditor (AccessDenied)';
  const stacks = unreadableStacks('444455556666', ['us-east-1', 'eu-west-1'], ALL_COLLECTORS, reason);

  test('stands as its global scope and each Region, with every type the collectors read missing', () => {
    expect(stacks.map((s) => s.stack.name)).toEqual(['444455556666/global', '444455556666/us-east-1', '444455556666/eu-west-1']);
    const types = new Set(stacks.flatMap((s) => s.gaps!.flatMap((g) => g.types)));
    expect([...new Set(ALL_COLLECTORS.flatMap((c) => c.emits))].filter((t) => !types.has(t))).toEqual([]);
  });

  test('every live check is UNKNOWN there with the reason, in each Region; nothing passes or fails', () => {
    const { findings } = runPipeline([{ stacks }], { checks: ALL_CHECKS, mode: 'live' });
    expect(findings.length).toBeGreaterThan(ALL_CHECKS.length);
    expect(findings.filter((f) => f.status !== 'UNKNOWN' && f.status !== 'NOT_APPLICABLE')).toEqual([]);
    const unknown = findings.filter((f) => f.status === 'UNKNOWN');
    expect(unknown.every((f) => f.reason?.endsWith(reason) && f.resource.arn === 'arn:aws:iam::444455556666:root')).toBe(true);
    const live = ALL_CHECKS.filter((c) => c.sides.live).map((c) => c.id);
    expect(live.filter((id) => !unknown.some((f) => f.checkId === id))).toEqual([]);
  });
});
