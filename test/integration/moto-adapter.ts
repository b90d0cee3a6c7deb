import { appendFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';

/**
 * TEST-ONLY request handler that bridges moto's Lex V2 deviations from real AWS; product code is
 * written for AWS and never loads this (the audit loads it only when LEXSCRIBE_TEST_REQUEST_HANDLER
 * names it). What moto does differently:
 * - it routes `/bots/`, `/bots/{id}/`, `/bots/{id}/botaliases/[{aliasId}/]` and `/policy/{arn}/` only
 *   with a trailing slash, which the SDK never sends;
 * - it returns ISO date strings where the SDK expects epoch seconds;
 * - a missing resource policy is HTTP 500 (AWS: ResourceNotFoundException, 404): moto's own HTML error
 *   page, which is the only 500 bridged; an AWS-shaped error (a fault a test injects) passes through;
 * - `ListBotAliases` ignores `botId` and lists every bot's aliases, plus an alias "test" it invents
 *   per bot (AWS lists only that bot's aliases). Finding each alias's bot takes a lookup of its own;
 *   when one fails (throttled, denied), the list call fails with that answer, as it would if AWS had
 *   refused it: the adapter never drops an alias it could not place, which would hide the fault.
 */
const NEEDS_SLASH = [/^\/bots$/, /^\/bots\/[^/]+$/, /^\/bots\/[^/]+\/botaliases$/, /^\/bots\/[^/]+\/botaliases\/[^/]+$/, /^\/policy\/.+[^/]$/];

type Out = { response: HttpResponse };

function service(request: HttpRequest): string | undefined {
  const auth = request.headers.authorization ?? request.headers.Authorization;
  return auth ? /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] : undefined;
}

async function readAll(body: unknown): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function respond(out: Out, status: number, body: string, headers: Record<string, string> = {}): Out {
  out.response.statusCode = status;
  Object.assign(out.response.headers, headers, { 'content-length': String(Buffer.byteLength(body)) });
  out.response.body = Readable.from([Buffer.from(body)]);
  return out;
}

/** `"creationDateTime": "2026-11-22T10:00:00"` → epoch seconds, as AWS sends it. */
function epochDates(text: string): string {
  return text.replace(/("[A-Za-z]*(?:DateTime|Timestamp)"\s*:\s*)"([^"]+)"/g, (whole, key: string, value: string) => {
    // moto writes naive UTC times (`2026-11-22T10:00:00.123456`).
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(ms) ? whole : `${key}${ms / 1000}`;
  });
}

interface AliasSummary {
  botAliasId: string;
  botAliasName?: string;
  description?: string;
}

interface AliasList {
  botAliasSummaries?: AliasSummary[];
  botId?: string;
}

/** moto's own error page (HTML, no AWS error type): what it answers for a resource policy that does not exist. */
function isMotoErrorPage(out: Out): boolean {
  const headers = out.response.headers;
  return out.response.statusCode === 500 && !headers['x-amzn-errortype'] && /text\/html/.test(headers['content-type'] ?? '');
}

/** A lookup's answer: the alias's bot, or the failed answer (kept as text, so that every list call waiting on it can answer with it). */
type Owner = { botId?: string } | { failed: { statusCode: number; headers: Record<string, string>; body: string } };

/** Lookups in flight at once: the list calls that wait on them already hold the audit's request slots. */
const LOOKUPS_IN_FLIGHT = 8;

/** A counting semaphore (this file is transpiled alone for the CLI tests, so it imports nothing of lib/). */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/** A request as it went to moto, enough to send it again (the benchmark replays an audit's requests). */
export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The body, base64 (a string or bytes; the SDK streams only uploads, which an audit never sends). */
  body?: string;
  /** moto's HTTP status (set when it answered). */
  status?: number;
}

/** `path?query` as the SDK's handler writes it. */
function target(request: HttpRequest): string {
  const query = Object.entries(request.query ?? {}).flatMap(([k, v]) => (v === null ? [encodeURIComponent(k)] : (Array.isArray(v) ? v : [v]).map((one) => `${encodeURIComponent(k)}=${encodeURIComponent(one)}`)));
  return query.length ? `${request.path}?${query.join('&')}` : request.path;
}

export class MotoRequestHandler extends NodeHttpHandler {
  /** Bot of each alias id, learned from moto's answers (it never changes for an alias); shared while in flight. */
  private readonly botOfAlias = new Map<string, Promise<Owner>>();
  private readonly lookups = new Slots(LOOKUPS_IN_FLIGHT);
  private lastAliasList?: { summaries: string; body: AliasList };
  /** Requests this adapter sent on its own to bridge moto (the benchmark reports them apart). */
  extraRequests = 0;
  /** Every request sent to moto, when `record` is on (the benchmark's replay of an audit). */
  readonly sent: SentRequest[] = [];
  record = false;

  private send(request: HttpRequest, options?: HttpHandlerOptions): Promise<Out> {
    if (this.record) {
      const body: unknown = request.body;
      if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) throw new Error(`cannot record a ${typeof body} body (${request.method} ${request.path})`);
      // A Uint8Array body is read through its buffer: the SDK's warns when treated as a string (Buffer.from calls valueOf).
      const bytes = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : undefined;
      const sent: SentRequest = { method: request.method, path: target(request), headers: { ...request.headers }, body: bytes?.length ? bytes.toString('base64') : undefined };
      this.sent.push(sent);
      return super.handle(request, options).then((out) => {
        sent.status = out.response.statusCode;
        return out;
      });
    }
    return super.handle(request, options);
  }

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<Out> {
    if (service(request) !== 'lex') return this.send(request, options);
    // The path is signed as the SDK wrote it; moto does not verify signatures, so changing it is safe.
    if (NEEDS_SLASH.some((re) => re.test(request.path))) request.path += '/';
    const out = await this.send(request, options);
    const path = request.path.replace(/\/$/, '');
    if (/^\/policy\//.test(path) && request.method === 'GET' && isMotoErrorPage(out)) {
      return respond(out, 404, JSON.stringify({ message: 'no resource policy' }), { 'x-amzn-errortype': 'ResourceNotFoundException', 'content-type': 'application/json' });
    }
    // moto labels its JSON `text/html`: look at the body, not the header.
    if (!out.response.body) return out;
    const raw = await readAll(out.response.body);
    const aliases = /^\/bots\/([^/]+)\/botaliases$/.exec(path);
    if (aliases && request.method === 'POST' && out.response.statusCode === 200 && raw.startsWith('{')) {
      const body = this.aliasList(raw, aliases[1]);
      if (body.botAliasSummaries) {
        const placed = await this.aliasesOf(aliases[1], body.botAliasSummaries, request, options);
        if (!Array.isArray(placed)) return respond(out, placed.statusCode, placed.body, placed.headers);
        body.botAliasSummaries = placed;
      }
      return respond(out, 200, JSON.stringify(body));
    }
    const text = epochDates(raw);
    // Only an alias's own answer names both its id and its bot; the rest need not be parsed.
    if (out.response.statusCode === 200 && text.startsWith('{') && text.includes('"botAliasId"')) {
      const body = JSON.parse(text) as { botId?: string; botAliasId?: string };
      if (body.botId && body.botAliasId) this.botOfAlias.set(body.botAliasId, Promise.resolve({ botId: body.botId }));
    }
    return respond(out, out.response.statusCode, text);
  }

  /**
   * An alias list as AWS would date it, parsed. moto answers every bot's list call with the same
   * account-wide summaries while the account does not change (only the `botId` it echoes differs), so
   * the last one is kept: at 200 bots, the benchmark's audit would otherwise spend a third of a second
   * of the CPU it shares with moto on the same 800 summaries.
   */
  private aliasList(raw: string, botId: string): AliasList {
    const summaries = raw.replace(`"botId": ${JSON.stringify(botId)}`, '');
    if (this.lastAliasList?.summaries !== summaries) this.lastAliasList = { summaries, body: JSON.parse(epochDates(raw)) as AliasList };
    return { ...this.lastAliasList.body, botId };
  }

  /** The aliases of `botId` among all, or the failed answer of a lookup, to be the list call's answer. */
  private async aliasesOf(botId: string, all: AliasSummary[], request: HttpRequest, options?: HttpHandlerOptions): Promise<AliasSummary[] | { statusCode: number; headers: Record<string, string>; body: string }> {
    const real = all.filter((a) => !(a.botAliasName === 'test' && a.description === 'test'));
    const owners = await Promise.all(real.map((a) => this.ownerOf(a.botAliasId, botId, request, options)));
    for (const o of owners) if ('failed' in o) return o.failed;
    return real.filter((_, i) => (owners[i] as { botId?: string }).botId === botId);
  }

  /** One lookup per alias, however many list calls ask at once. */
  private ownerOf(aliasId: string, anyBotId: string, request: HttpRequest, options?: HttpHandlerOptions): Promise<Owner> {
    let owner = this.botOfAlias.get(aliasId);
    if (!owner) {
      owner = this.lookUp(aliasId, anyBotId, request, options);
      this.botOfAlias.set(aliasId, owner);
      // A lookup that failed is not learned: the next list call tries again.
      const forget = () => {
        if (this.botOfAlias.get(aliasId) === owner) this.botOfAlias.delete(aliasId);
      };
      owner.then((o) => ('failed' in o ? forget() : undefined), forget);
    }
    return owner;
  }

  private async lookUp(aliasId: string, anyBotId: string, request: HttpRequest, options?: HttpHandlerOptions): Promise<Owner> {
    const release = await this.lookups.acquire();
    try {
      this.extraRequests++;
      // moto finds an alias by its id whatever bot the path names.
      const path = `/bots/${anyBotId}/botaliases/${aliasId}/`;
      const detail = await this.send({ ...request, method: 'GET', path, body: undefined, headers: { ...request.headers, 'content-length': '0' } } as unknown as HttpRequest, options);
      const text = detail.response.body ? await readAll(detail.response.body) : '';
      if (detail.response.statusCode !== 200) return { failed: { statusCode: detail.response.statusCode, headers: { ...detail.response.headers }, body: text } };
      return { botId: (JSON.parse(text) as { botId?: string }).botId };
    } finally {
      release();
    }
  }
}

let shared: MotoRequestHandler | undefined;

/** The audit's test hook: a handler with the audit's own timeouts (one per process, so what it learns is shared). */
export function createRequestHandler(options: NodeHttpHandlerOptions): MotoRequestHandler {
  shared = new MotoRequestHandler(options);
  shared.record = !!process.env.LEXSCRIBE_BENCH_RECORD;
  return shared;
}

/** The requests the last handler sent to moto, when recording was asked for (LEXSCRIBE_BENCH_RECORD). */
export function sentRequests(): SentRequest[] {
  return shared?.sent ?? [];
}

/** Requests the last handler made on its own to bridge moto. */
export function extraRequests(): number {
  return shared?.extraRequests ?? 0;
}

/** The audit's test hook: every command it is about to send, appended to LEXSCRIBE_TEST_COMMAND_LOG. */
export function commandSent(serviceName: string, command: string): void {
  const log = process.env.LEXSCRIBE_TEST_COMMAND_LOG;
  if (log) appendFileSync(log, `${serviceName}:${command}\n`);
}
