import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { HttpHandler } from '@smithy/protocol-http';
import { Limiter } from './limiter';
import type { AwsOperation } from './collector';
import { isReadOnly, operationName, operationOfCommand } from './operations';

/**
 * A module named by `LEXSCRIBE_TEST_REQUEST_HANDLER`, loaded only when that variable is set: the test
 * suite uses it to adapt requests to an emulator's quirks and to record every command sent.
 */
export interface TestHooks {
  createRequestHandler(options: NodeHttpHandlerOptions): HttpHandler;
  commandSent?(service: string, command: string): void;
}

export interface ClientSettings {
  credentials: AwsCredentialIdentityProvider;
  /** Emulator endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL`). */
  endpoint?: string;
  maxAttempts: number;
  requestTimeoutMs: number;
  /** Requests in flight at once, across clients and Regions. */
  concurrency: number;
  hooks?: TestHooks;
  /**
   * An HTTP handler to share (one socket pool for every account of an organization audit). The pool
   * then leaves it open on `close`: whoever made it (`createRequestHandler`) destroys it.
   */
  handler?: HttpHandler;
  /**
   * Operations this pool may send although they are not reads: only `sts:AssumeRole`, only on the
   * caller's pool of an organization audit. Every other pool refuses anything but a read.
   */
  allow?: readonly AwsOperation[];
  /**
   * The writes this run may send besides reads: none unless the user asked for one by a flag
   * (`audit --security-hub`: `securityhub:BatchImportFindings`, and nothing else).
   */
  writes?: readonly AwsOperation[];
}

/** Sockets per host: never fewer than the requests a run lets fly at once. */
function handlerOptions(requestTimeoutMs: number, concurrency: number): NodeHttpHandlerOptions {
  const agent = { keepAlive: true, maxSockets: Math.max(50, concurrency) };
  return {
    connectionTimeout: Math.min(requestTimeoutMs, 10_000),
    requestTimeout: requestTimeoutMs,
    // Without it the SDK only logs a warning when a request outlives requestTimeout.
    throwOnRequestTimeout: true,
    httpAgent: agent,
    httpsAgent: agent,
  };
}

/** One HTTP handler (socket pool) for several client pools: the test hook's when given, else the SDK's. */
export async function createRequestHandler(opts: { requestTimeoutMs: number; concurrency: number; hooks?: TestHooks }): Promise<HttpHandler> {
  const options = handlerOptions(opts.requestTimeoutMs, opts.concurrency);
  if (opts.hooks) return opts.hooks.createRequestHandler(options);
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  return new NodeHttpHandler(options) as HttpHandler;
}

type Ctor<T> = new (config: Record<string, unknown>) => T;

/**
 * Whether a client may resolve each command's middleware once and keep it (the SDK's
 * `cacheMiddleware`: ~12 % less CPU in the audit, which on a small machine is time the service
 * waits). A kept handler shares one context between concurrent calls of a command. S3 is left out as
 * a precaution: its endpoint is worked out from each request (the bucket is in the host name), and
 * the audit sends it few calls; test/audit/middleware-cache.test.ts holds the others to their own input.
 */
function cachesMiddleware(ctor: Ctor<unknown>): boolean {
  return ctor.name !== 'S3Client';
}

interface SdkClient {
  middlewareStack: { add(mw: unknown, options: Record<string, unknown>): void };
  destroy(): void;
}

/**
 * SDK clients for one run: one per class and Region, all sharing credentials, one HTTP handler (one
 * socket pool), adaptive retries, timeouts, a limit on requests in flight and a request counter.
 */
export class ClientPool {
  private readonly clients = new Map<Ctor<unknown>, Map<string, unknown>>();
  private readonly limiter: Limiter;
  private readonly allowed: ReadonlySet<string>;
  private handler?: HttpHandler;
  /** HTTP requests sent (retries included). */
  requests = 0;
  /** Time requests spent in flight, summed: over the run's wall time, how busy the run kept the service. */
  requestMs = 0;

  constructor(private readonly settings: ClientSettings) {
    this.limiter = new Limiter(settings.concurrency);
    this.allowed = new Set([...(settings.allow ?? []), ...(settings.writes ?? [])].map(operationName));
    this.handler = settings.handler;
  }

  private async requestHandler(): Promise<HttpHandler> {
    this.handler ??= await createRequestHandler(this.settings);
    return this.handler;
  }

  /** The credentials every client of this pool signs with. */
  get credentials(): AwsCredentialIdentityProvider {
    return this.settings.credentials;
  }

  /** Prepare the shared handler; call once before `get`. */
  async open(): Promise<void> {
    await this.requestHandler();
  }

  get<T>(ctor: Ctor<T>, region: string): T {
    let byRegion = this.clients.get(ctor);
    if (!byRegion) this.clients.set(ctor, (byRegion = new Map()));
    let client = byRegion.get(region) as T | undefined;
    if (!client) {
      if (!this.handler) throw new Error('ClientPool.open() must run before clients are created');
      client = new ctor({
        region,
        credentials: this.settings.credentials,
        retryMode: 'adaptive',
        maxAttempts: this.settings.maxAttempts,
        cacheMiddleware: cachesMiddleware(ctor),
        requestHandler: this.handler,
        ...(this.settings.endpoint ? { endpoint: this.settings.endpoint, forcePathStyle: true } : {}),
      });
      this.instrument(client as unknown as SdkClient);
      byRegion.set(region, client);
    }
    return client;
  }

  private instrument(client: SdkClient): void {
    const hooks = this.settings.hooks;
    // Refuse anything but a read (or a write the run was explicitly given) before it is signed: the
    // audit must never change an account, even through a collector bug.
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => async (args: unknown) => {
        const op = operationOfCommand(context.clientName ?? '?', context.commandName ?? '?');
        if (!isReadOnly(op) && !this.allowed.has(operationName(op))) throw new Error(`refused to send ${op.service}:${op.action}: the audit is read-only`);
        hooks?.commandSent?.(op.service, op.action);
        return next(args);
      },
      { step: 'initialize', name: 'lexscribeReadOnly', priority: 'high' },
    );
    // Innermost, so it runs once per HTTP attempt (retries included) and never holds a slot while the
    // retry strategy waits.
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
        const release = await this.limiter.acquire();
        this.requests++;
        const start = Date.now();
        try {
          return await next(args);
        } finally {
          this.requestMs += Date.now() - start;
          release();
        }
      },
      { step: 'deserialize', name: 'lexscribeLimit', priority: 'low' },
    );
  }

  /** Close sockets so the process can exit (a shared handler is closed by whoever made it). */
  close(): void {
    if (!this.settings.handler) this.handler?.destroy?.();
  }
}
