import { PassThrough } from 'node:stream';
import { terminalProgress } from '../../lib/cli/audit-progress';

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
