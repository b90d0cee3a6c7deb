import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A local HTTP proxy in front of moto that answers chosen calls with faults as AWS would send them,
 * in each protocol's own error shape, so the SDK classifies them exactly as it would in production.
 * moto itself cannot throttle, deny or hang.
 */
export type Fault = 'throttle' | 'deny' | 'timeout' | 'garbage';

export interface FaultRule {
  /** Signing name of the service (`lex`, `transcribe`, `iam`, `s3`, …), from the request's credential scope. */
  service: string;
  /** RPC operation (`ListTranscriptionJobs`, `GetRole`): matched for JSON and query protocols. */
  operation?: string;
  /** `METHOD /path` pattern for REST protocols (`/^GET \/bots\/[^/]+\/botaliases\//`). */
  path?: RegExp;
  /** Pattern over the request body (`/RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333/` for one AssumeRole). */
  body?: RegExp;
  /**
   * Only requests signed with credentials of this account: the proxy learns which account an access
   * key belongs to from the sts:AssumeRole answers it forwards (moto serves the role's account to them).
   */
  account?: string;
  fault: Fault;
  /** Serve the fault this many times, then pass the calls through (a fault that clears). Default: always. */
  times?: number;
}

export interface FaultProxy {
  url: string;
  /** Replace the rules (between tests). */
  setRules(rules: FaultRule[]): void;
  /** `service:operation-or-path` → faults served. */
  readonly served: Map<string, number>;
  stop(): Promise<void>;
}

interface Call {
  service: string;
  operation?: string;
  protocol: 'json' | 'query' | 'ec2' | 'rest-json' | 'rest-xml';
  accessKey?: string;
}

function describeCall(req: IncomingMessage, body: Buffer): Call {
  const auth = req.headers.authorization ?? '';
  const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] ?? '?';
  const accessKey = /Credential=([^/]+)\//.exec(auth)?.[1];
  const target = req.headers['x-amz-target'];
  const type = req.headers['content-type'] ?? '';
  if (typeof target === 'string') return { service, operation: target.split('.').pop(), protocol: 'json', accessKey };
  if (type.includes('x-www-form-urlencoded')) {
    const operation = new URLSearchParams(body.toString('utf8')).get('Action') ?? undefined;
    return { service, operation, protocol: service === 'ec2' ? 'ec2' : 'query', accessKey };
  }
  return { service, protocol: service === 's3' ? 'rest-xml' : 'rest-json', accessKey };
}

const ERRORS: Record<'throttle' | 'deny', Record<Call['protocol'], { status: number; code: string }>> = {
  throttle: {
    json: { status: 400, code: 'ThrottlingException' },
    query: { status: 400, code: 'Throttling' },
    ec2: { status: 503, code: 'RequestLimitExceeded' },
    'rest-json': { status: 429, code: 'ThrottlingException' },
    'rest-xml': { status: 503, code: 'SlowDown' },
  },
  deny: {
    json: { status: 400, code: 'AccessDeniedException' },
    query: { status: 403, code: 'AccessDenied' },
    ec2: { status: 403, code: 'UnauthorizedOperation' },
    'rest-json': { status: 403, code: 'AccessDeniedException' },
    'rest-xml': { status: 403, code: 'AccessDenied' },
  },
};

function sendError(res: ServerResponse, call: Call, fault: 'throttle' | 'deny'): void {
  const { status, code } = ERRORS[fault][call.protocol];
  const message = fault === 'throttle' ? 'Rate exceeded' : 'User is not authorized to perform this operation (injected by the test fault proxy)';
  const id = 'fault-proxy-request';
  switch (call.protocol) {
    case 'json':
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': id });
      res.end(JSON.stringify({ __type: code, message }));
      return;
    case 'rest-json':
      res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': id });
      res.end(JSON.stringify({ message }));
      return;
    case 'query':
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`);
      return;
    case 'ec2':
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(`<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${id}</RequestID></Response>`);
      return;
    case 'rest-xml':
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${id}</RequestId></Error>`);
  }
}

function sendGarbage(res: ServerResponse, call: Call): void {
  const xml = call.protocol === 'query' || call.protocol === 'ec2' || call.protocol === 'rest-xml';
  res.writeHead(200, { 'content-type': xml ? 'text/xml' : 'application/json' });
  res.end(xml ? '<<<this is not xml' : '{"truncated": [1, 2,');
}

function matches(rule: FaultRule, call: Call, req: IncomingMessage, body: Buffer, accountOf: ReadonlyMap<string, string>): boolean {
  if (rule.service !== call.service) return false;
  if (rule.operation && rule.operation !== call.operation) return false;
  if (rule.path && !rule.path.test(`${req.method} ${req.url}`)) return false;
  if (rule.body && !rule.body.test(body.toString('utf8'))) return false;
  if (rule.account && (!call.accessKey || accountOf.get(call.accessKey) !== rule.account)) return false;
  return true;
}

/**
 * Start the proxy on a free local port, forwarding everything no rule matches to `target`. With
 * `delayMs`, every request waits that long before it is forwarded: the round trip a real API call
 * has, which moto on the same machine lacks (the benchmark uses it to measure concurrency).
 */
export async function startFaultProxy(target: string, initial: FaultRule[] = [], opts: { delayMs?: number } = {}): Promise<FaultProxy> {
  let rules = initial;
  const served = new Map<string, number>();
  /** Access key → account, from the AssumeRole answers forwarded. */
  const accountOf = new Map<string, string>();
  const sockets = new Set<Socket>();
  const upstream = new URL(target);
  // Kept-alive sockets to moto: a new connection per request would cost more than moto's answer.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  /** Forward a request to `target`, learning from AssumeRole answers which account each access key is. */
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, call: Call) => {
    const upstreamRequest = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (call.service !== 'sts' || call.operation !== 'AssumeRole') return void answer.pipe(res);
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const xml = Buffer.concat(parts);
          const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(xml.toString('utf8'))?.[1];
          const account = /arn:[^:]+:iam::(\d{12}):role\//.exec(new URLSearchParams(body.toString('utf8')).get('RoleArn') ?? '')?.[1];
          if (key && account) accountOf.set(key, account);
          res.end(xml);
        });
      },
    );
    upstreamRequest.on('error', (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    upstreamRequest.end(body);
  };
  const left = new Map<FaultRule, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const call = describeCall(req, body);
      const rule = rules.find((r) => matches(r, call, req, body, accountOf) && (r.times === undefined || (left.get(r) ?? r.times) > 0));
      if (rule) {
        const key = `${call.service}:${call.operation ?? `${req.method} ${req.url}`}`;
        served.set(key, (served.get(key) ?? 0) + 1);
        if (rule.times !== undefined) left.set(rule, (left.get(rule) ?? rule.times) - 1);
        if (rule.fault === 'timeout') return; // never answer: the client's request timeout fires
        if (rule.fault === 'garbage') return sendGarbage(res, call);
        return sendError(res, call, rule.fault);
      }
      if (opts.delayMs) setTimeout(() => forward(req, res, body, call), opts.delayMs);
      else forward(req, res, body, call);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRules(next) {
      rules = next;
      left.clear();
    },
    served,
    stop() {
      // Held connections (timeouts) would keep close() waiting forever.
      for (const s of sockets) s.destroy();
      agent.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
