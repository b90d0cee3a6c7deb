import { PassThrough } from 'node:stream';
import { accountsProgress, terminalProgress } from '../../lib/cli/audit-progress';
import type { AccountAudit } from '../../lib/sources/account/accounts-run';

function stream(isTTY: boolean): NodeJS.WriteStream & { text(): string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & { text(): string };
  let out = '';
  s.on('data', (d: Buffer) => (out += d.toString()));
  Object.assign(s, { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => out });
  return s;
}

describe('audit progress', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('draws one bar per Region with collectors done and resources found, on a terminal', async () => {
    delete process.env.CI;
    const s = stream(true);
    const progress = await terminalProgress(s);
    progress!.planned([
      { scope: 'us-east-1', collectors: 2 },
      { scope: 'global', collectors: 1 },
    ]);
    progress!.collected('us-east-1', 'lex-bots', 12);
    progress!.collected('global', 'iam', 3);
    progress!.stop();
    await new Promise((r) => setImmediate(r));
    expect(s.text()).toMatch(/us-east-1 .* 1\/2 collectors \| 12 resources \| lex-bots/);
    expect(s.text()).toMatch(/global +.* 1\/1 collectors \| 3 resources \| iam/);
  });

  it.each([
    ['output is not a terminal', false, undefined],
    ['CI is set', true, 'true'],
  ])('draws nothing when %s', async (_label, isTTY, ciValue) => {
    if (ciValue === undefined) delete process.env.CI;
    else process.env.CI = ciValue;
    expect(await terminalProgress(stream(isTTY))).toBeUndefined();
  });
});

const done = (id: string, name: string | undefined, status: AccountAudit['status'], resources: number): AccountAudit => ({
  target: { id, name },
  status,
  reason: status === 'unreadable' ? `cannot assume arn:aws:iam::${id}:role/Auditor (AccessDenied)` : undefined,
  regions: ['us-east-1', 'eu-west-1'],
  stacks: [],
  collected: status === 'unreadable' ? undefined : { stacks: [], failures: [], calls: 0, resources },
  notes: [],
  requests: 0,
  requestMs: 0,
  durationMs: 4200,
});

describe('multi-account audit progress: accounts done / total', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('on a terminal: one bar, accounts done / total, resources found, accounts unreadable', async () => {
    delete process.env.CI;
    const s = stream(true);
    const progress = await accountsProgress(s);
    progress.planned(3);
    progress.finished(done('111122223333', 'Payments', 'complete', 40));
    progress.finished(done('444455556666', undefined, 'unreadable', 0));
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(s.text()).toMatch(/accounts .* 2\/3 \| 40 resources \| 1 unreadable \| 444455556666/);
  });

  it('in CI or with stderr redirected: one line per account as it finishes', async () => {
    process.env.CI = 'true';
    const s = stream(true);
    const progress = await accountsProgress(s);
    progress.planned(2);
    progress.finished(done('111122223333', 'Payments', 'partial', 40));
    progress.finished(done('444455556666', undefined, 'unreadable', 0));
    progress.stop();
    expect(s.text().split('\n')).toEqual([
      'lexscribe: account 1/2 111122223333 (Payments): partial, 40 resources in 2 Regions (4.2 s)',
      'lexscribe: account 2/2 444455556666: unreadable: cannot assume arn:aws:iam::444455556666:role/Auditor (AccessDenied) (4.2 s)',
      '',
    ]);
  });
});
