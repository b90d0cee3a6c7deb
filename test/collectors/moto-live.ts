import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import type { Collector } from '../../lib/sources/account/collector';
import { REGION, type MotoHarness } from '../integration/moto';
import { MotoRequestHandler } from '../integration/moto-adapter';
import { audit, type LiveAudit } from './audit';

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
 *   with version "1" that moto invents for each bot (AWS lists `TSTALIASID`, covered by mocked tests);
 * - moto has no route for the tags of an alias ARN (two slashes) and files alias tags under a
 *   malformed ARN: the tags of an alias read as none here (alias tags are covered by mocked tests).
 */
export class BridgingHandler extends MotoRequestHandler {
  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const path = request.path.replace(/\/$/, '');
    const out = await super.handle(request, options);
    if (/^\/policy\/[^/]+$/.test(path) && request.method === 'GET' && out.response.statusCode === 500) {
      return respond(out, 404, JSON.stringify({ message: 'no resource policy' }), { 'x-amzn-errortype': 'ResourceNotFoundException', 'content-type': 'application/json' });
    }
    if (/^\/tags\/.*bot-alias/.test(decodeURIComponent(path)) && request.method === 'GET' && out.response.statusCode !== 200) {
      return respond(out, 200, JSON.stringify({ tags: {} }), { 'content-type': 'application/json' });
    }
    const aliases = /^\/bots\/([^/]+)\/botaliases$/.exec(path);
    if (aliases && request.method === 'POST' && out.response.statusCode === 200) {
      const page = JSON.parse(await text(out.response.body)) as { botAliasSummaries: Array<{ botAliasId: string; botAliasName: string; description?: string }> };
      const mine = [];
      for (const a of page.botAliasSummaries) {
        if (a.botAliasName === 'test' && a.description === 'test') continue;
        const detail = await super.handle({ ...request, method: 'GET', path: `/bots/${aliases[1]}/botaliases/${a.botAliasId}/`, body: undefined, headers: { ...request.headers, 'content-length': '0' } } as unknown as HttpRequest, options);
        if ((JSON.parse(await text(detail.response.body)) as { botId: string }).botId === aliases[1]) mine.push(a);
      }
      return respond(out, 200, JSON.stringify({ ...page, botAliasSummaries: mine }));
    }
    return out;
  }
}

/**
 * Run collectors against moto through the audit runner (real SDK clients, the read-only guard, the
 * failure classification), build the graph and run every live check over it.
 */
export function auditMoto(moto: MotoHarness, collectors: readonly Collector[], regions: readonly string[] = [REGION]): Promise<LiveAudit> {
  return audit(collectors, {
    regions,
    endpoint: moto.url,
    hooks: (sent) => ({ createRequestHandler: (o) => new BridgingHandler(o) as never, commandSent: (s, c) => sent.push(`${s}:${c}`) }),
  });
}
