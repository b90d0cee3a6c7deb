import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { ALL_CHECKS } from '../../checks';
import { runChecks, type RunResult } from '../../lib/engine/run';
import { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { ClientPool } from '../../lib/sources/account/clients';
import type { Collector } from '../../lib/sources/account/collector';
import { operationName } from '../../lib/sources/account/operations';
import { collect, type Collected } from '../../lib/sources/account/runner';
import { ACCOUNT, DUMMY_CREDENTIALS, REGION, type MotoHarness } from '../integration/moto';
import { MotoRequestHandler } from '../integration/moto-adapter';

async function text(body: unknown): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function respond(out: { response: HttpResponse }, status: number, body: string, headers: Record<string, string> = {}): { response: HttpResponse } {
  out.response.statusCode = status;
  Object.assign(out.response.headers, headers, { 'content-length': String(Buffer.byteLength(body)) });
  out.response.body = Readable.from([Buffer.from(body)]);
  return out;
}

/**
 * TEST-ONLY: the framework's moto adapter plus the Lex deviations these collector tests meet (real AWS
 * behaves as bridged here):
 * - a missing resource policy is HTTP 500 in moto, `ResourceNotFoundException` (404) in AWS;
 * - `ListBotAliases` ignores `botId` in moto (returns every bot's aliases) and lists an alias "test"
 *   with version "1" that moto invents for each bot (AWS lists `TSTALIASID`, covered by mocked tests).
 */
export class BridgingHandler extends MotoRequestHandler {
  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const path = request.path.replace(/\/$/, '');
    const out = await super.handle(request, options);
    if (/^\/policy\/[^/]+$/.test(path) && request.method === 'GET' && out.response.statusCode === 500) {
      return respond(out, 404, JSON.stringify({ message: 'no resource policy' }), { 'x-amzn-errortype': 'ResourceNotFoundException', 'content-type': 'application/json' });
    }
    const aliases = /^\/bots\/([^/]+)\/botaliases$/.exec(path);
    if (aliases && request.method === 'POST' && out.response.statusCode === 200) {
      const page = JSON.parse(await text(out.response.body)) as { botAliasSummaries: Array<{ botAliasId: string; botAliasName: string; description?: string }> };
      const mine = [];
      for (const a of page.botAliasSummaries) {
        if (a.botAliasName === 'test' && a.description === 'test') continue;
        const detail = await super.handle({ ...request, method: 'GET', path: `/bots/${aliases[1]}/botaliases/${a.botAliasId}/`, body: undefined, headers: { ...request.headers, 'content-length': '0' } } as HttpRequest, options);
        if ((JSON.parse(await text(detail.response.body)) as { botId: string }).botId === aliases[1]) mine.push(a);
      }
      return respond(out, 200, JSON.stringify({ ...page, botAliasSummaries: mine }));
    }
    return out;
  }
}

export interface LiveAudit {
  collected: Collected;
  graph: ResourceGraph;
  result: RunResult;
  /** `service:Operation` of every command the collectors sent. */
  sent: string[];
  /** Statuses of one check keyed by logical id (several verdicts joined with `,`). */
  statuses(checkId: string): Record<string, string>;
  /** The emitted resource of a type with a logical id. */
  resource(type: string, logicalId: string): Resource | undefined;
  /** Resolved properties of that resource. */
  props(type: string, logicalId: string): Record<string, unknown>;
}

/**
 * Run collectors against moto through the audit runner (real SDK clients, the read-only guard, the
 * failure classification), build the graph and run every live check over it.
 */
export async function auditMoto(moto: MotoHarness, collectors: readonly Collector[], regions: readonly string[] = [REGION]): Promise<LiveAudit> {
  const sent: string[] = [];
  const pool = new ClientPool({
    credentials: async () => DUMMY_CREDENTIALS,
    endpoint: moto.url,
    maxAttempts: 1,
    requestTimeoutMs: 10_000,
    concurrency: 8,
    hooks: { createRequestHandler: (o) => new BridgingHandler(o) as never, commandSent: (s, c) => sent.push(`${s}:${c}`) },
  });
  await pool.open();
  try {
    const collected = await collect({ account: ACCOUNT, partition: 'aws', regions, collectors, pool, concurrency: 4 });
    const graph = new ResourceGraph(collected.stacks);
    const result = runChecks(graph, { checks: ALL_CHECKS, mode: 'live' });
    const find = (type: string, id: string) => graph.resources.find((r) => r.type === type && r.logicalId === id);
    return {
      collected,
      graph,
      result,
      sent,
      statuses(checkId) {
        const out: Record<string, string> = {};
        for (const f of result.findings.filter((x) => x.checkId === checkId)) {
          const k = f.resource.logicalId ?? f.resource.arn ?? '?';
          out[k] = out[k] ? `${out[k]},${f.status}` : f.status;
        }
        return out;
      },
      resource: find,
      props(type, id) {
        const r = find(type, id);
        if (!r) throw new Error(`no ${type} ${id} among ${graph.resources.map((x) => `${x.type} ${x.logicalId}`).join(', ')}`);
        return graph.props(r);
      },
    };
  } finally {
    pool.close();
  }
}

/** Operations sent that the collectors did not declare (the read-only test and `lexscribe policy` rely on declarations). */
export function undeclared(audit: LiveAudit, collectors: readonly Collector[]): string[] {
  const declared = new Set(collectors.flatMap((c) => c.operations).map(operationName));
  return [...new Set(audit.sent)].filter((s) => !declared.has(s));
}
