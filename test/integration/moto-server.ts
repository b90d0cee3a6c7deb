import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** What to tell a developer without moto: one line, the install command. */
export const MOTO_MISSING = 'moto_server not found: python3 -m pip install "moto[server]"';

export interface MotoServer {
  url: string;
  port: number;
  /** moto's process (the benchmark reads its CPU time from /proc). */
  pid: number | undefined;
  /** Clear all state (`POST /moto-api/reset`). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${output().trim().split('\n').pop()}`);
    try {
      const res = await fetch(`${url}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer on ${url} within 20 s`);
}

/** An error whose stack is its message, so jest prints one line. */
function oneLine(message: string): Error {
  const e = new Error(message);
  e.stack = message;
  return e;
}

/** Start `moto_server` on a free local port and wait until it answers. */
/** How long moto gets to exit on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5000;

export async function startMoto(env: Record<string, string> = {}): Promise<MotoServer> {
  if (!onPath('moto_server')) throw oneLine(MOTO_MISSING);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => {
    // Keep only the tail: moto logs every request.
    output = (output + d.toString()).slice(-4000);
  });
  child.on('error', () => undefined);
  await waitUntilUp(url, child, () => output);
  return {
    url,
    port,
    pid: child.pid,
    async reset() {
      const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
    },
    stop() {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // moto (werkzeug) has been seen to ignore SIGTERM while its request threads wind down, which
        // held a test file's afterAll past jest's hook timeout: after a grace period it is killed.
        const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
