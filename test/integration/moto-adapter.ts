import { appendFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';

/**
 * TEST-ONLY request handler that bridges moto's Lex V2 deviations from real AWS; product code is
 * written for AWS and never loads this (the audit loads it only when LEXSCRIBE_TEST_REQUEST_HANDLER
 * names it). moto routes `/bots/`, `/bots/{id}/`, `/bots/{id}/botaliases/[{aliasId}/]` and `/policy/{arn}/` only
 * with a trailing slash, which the SDK never sends, and returns ISO date strings where the SDK
 * expects epoch seconds.
 */
const NEEDS_SLASH = [/^\/bots$/, /^\/bots\/[^/]+$/, /^\/bots\/[^/]+\/botaliases$/, /^\/bots\/[^/]+\/botaliases\/[^/]+$/, /^\/policy\/.+[^/]$/];

function service(request: HttpRequest): string | undefined {
  const auth = request.headers.authorization ?? request.headers.Authorization;
  return auth ? /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] : undefined;
}

async function readAll(body: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** `"creationDateTime": "2026-11-22T10:00:00Z"` → epoch seconds, as AWS sends it. */
function epochDates(text: string): string {
  return text.replace(/("[A-Za-z]*(?:DateTime|Timestamp)"\s*:\s*)"([^"]+)"/g, (whole, key: string, value: string) => {
    // moto writes naive UTC times (`2026-11-22T10:00:00.123456`).
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(ms) ? whole : `${key}${ms / 1000}`;
  });
}

export class MotoRequestHandler extends NodeHttpHandler {
  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    if (service(request) !== 'lex') return super.handle(request, options);
    // The path is signed as the SDK wrote it; moto does not verify signatures, so changing it is safe.
    if (NEEDS_SLASH.some((re) => re.test(request.path))) request.path += '/';
    const out = await super.handle(request, options);
    // moto labels its JSON `text/html`: look at the body, not the header.
    if (!out.response.body) return out;
    const fixed = Buffer.from(epochDates((await readAll(out.response.body)).toString('utf8')));
    out.response.headers['content-length'] = String(fixed.length);
    out.response.body = Readable.from([fixed]);
    return out;
  }
}

/** The audit's test hook: a handler with the audit's own timeouts. */
export function createRequestHandler(options: NodeHttpHandlerOptions): MotoRequestHandler {
  return new MotoRequestHandler(options);
}

/** The audit's test hook: every command it is about to send, appended to LEXSCRIBE_TEST_COMMAND_LOG. */
export function commandSent(serviceName: string, command: string): void {
  const log = process.env.LEXSCRIBE_TEST_COMMAND_LOG;
  if (log) appendFileSync(log, `${serviceName}:${command}\n`);
}
