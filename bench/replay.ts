import { Agent, request } from 'node:http';
import type { SentRequest } from '../test/integration/moto-adapter';

/** What a replay did: the requests sent, in how long, and how many were answered otherwise than at first. */
export interface Replayed {
  calls: number;
  wallMs: number;
  /** Requests whose HTTP status differs from the one recorded: the replay did other work than the audit. */
  changed: number;
}

/**
 * Requests recorded as an audit sent them (test/integration/moto-adapter.ts, `record`), sent again as
 * they were: every `step`-th, in order (the same mix of calls), `concurrency` at a time, by a bare HTTP
 * client (no SDK work between an answer and the next request). They must be reads: the audit sends
 * nothing else (test/integration/audit-cli.test.ts proves it).
 */
export async function replay(url: string, sent: readonly SentRequest[], concurrency: number, step = 1): Promise<Replayed> {
  const picked = sent.filter((_, i) => i % step === 0);
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let changed = 0;
  const once = (r: SentRequest) =>
    new Promise<void>((resolve, reject) => {
      const req = request({ agent, hostname, port, method: r.method, path: r.path, headers: r.headers }, (res) => {
        if (res.statusCode !== r.status) changed++;
        res.on('data', () => {});
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(r.body === undefined ? undefined : Buffer.from(r.body, 'base64'));
    });
  let next = 0;
  const start = Date.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < picked.length) await once(picked[next++]);
      }),
    );
  } finally {
    agent.destroy();
  }
  return { calls: picked.length, wallMs: Date.now() - start, changed };
}
