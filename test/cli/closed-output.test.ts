import { spawn } from 'node:child_process';
import { BIN } from '../scan/cli';

/** `lexscribe ARGS` with standard output closed by its reader before the first write, as `| head` does. */
function withClosedOutput(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const LOST = 'lexscribe: standard output closed before everything was written (write EPIPE)\n';

describe('a reader that closes standard output early', () => {
  it.each([[['scan', '--help']], [['--help']], [['checks']]])('lexscribe %j says so in one line and exits 2, without a stack trace', async (args) => {
    const run = await withClosedOutput(args);
    expect(run.stderr).toBe(LOST);
    expect(run.code).toBe(2);
  });

  it('a scan writing its report there names the failed write once, and does not pass', async () => {
    const run = await withClosedOutput(['scan', `${__dirname}/../fixtures/templates/contact-centre.yaml`]);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('lexscribe:'))).toEqual(['lexscribe: write EPIPE']);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
  });
});
