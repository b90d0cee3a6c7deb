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
   * The writes this run may send besides reads: none unless the user asked for one by a flag
   * (`audit --security-hub`: `securityhub:BatchImportFindings`, and nothing else).
   */
  writes?: readonly AwsOperation[];
}

type Ctor<T> = new (config: Record<string, unknown>) => T;

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
  private readonly writes: ReadonlySet<string>;
  private handler?: HttpHandler;
  /** HTTP requests sent (retries included). */
  requests = 0;
  /** Time requests spent in flight, summed: over the run's wall time, how busy the run kept the service. */
  requestMs = 0;

  constructor(private readonly settings: ClientSettings) {
    this.limiter = new Limiter(settings.concurrency);
    this.writes = new Set((settings.writes ?? []).map(operationName));
  }

  private async requestHandler(): Promise<HttpHandler> {
    if (!this.handler) {
      // Sockets per host: never fewer than the requests the run lets fly at once.
      const agent = { keepAlive: true, maxSockets: Math.max(50, this.settings.concurrency) };
      const options: NodeHttpHandlerOptions = {
        connectionTimeout: Math.min(this.settings.requestTimeoutMs, 10_000),
        requestTimeout: this.settings.requestTimeoutMs,
        // Without it the SDK only logs a warning when a request outlives requestTimeout.
        throwOnRequestTimeout: true,
        httpAgent: agent,
        httpsAgent: agent,
      };
      if (this.settings.hooks) {
        this.handler = this.settings.hooks.createRequestHandler(options);
      } else {
        const { NodeHttpHandler } = await import('@smithy/node-http-handler');
        this.handler = new NodeHttpHandler(options) as HttpHandler;
      }
    }
    return this.handler;
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
        if (!isReadOnly(op) && !this.writes.has(operationName(op))) throw new Error(`refused to send ${op.service}:${op.action}: the audit is read-only`);
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

  /** Close sockets so the process can exit. */
  close(): void {
    this.handler?.destroy?.();
  }
}
