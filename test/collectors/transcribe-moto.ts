import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import type { Collector } from '../../lib/sources/account/collector';
import { REGION, type MotoHarness } from '../integration/moto';
import { MotoRequestHandler } from '../integration/moto-adapter';
import { audit, type LiveAudit } from './audit';

type Json = Record<string, unknown>;

/**
 * What a test gave Transcribe that moto 5.2 keeps to itself, keyed by job name (or ARN for tags), so
 * the bridge can answer as AWS does. Real AWS returns all of it: `ContentRedaction` in standard job
 * summaries and `GetTranscriptionJob`, `ContentIdentificationType` in medical summaries and
 * `GetMedicalTranscriptionJob`, `JobExecutionSettings` and `Tags` in `Get…Job`, and the tags of
 * vocabularies through `ListTagsForResource` (HTTP 500 in moto).
 */
export class TranscribeEchoes {
  readonly jobs = new Map<string, Json>();
  readonly summaries = new Map<string, Json>();
  readonly tags = new Map<string, Array<{ Key: string; Value: string }>>();
  clear(): void {
    this.jobs.clear();
    this.summaries.clear();
    this.tags.clear();
  }
}

async function readAll(body: unknown): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function respond(out: { response: HttpResponse }, status: number, body: string): { response: HttpResponse } {
  out.response.statusCode = status;
  Object.assign(out.response.headers, { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(Buffer.byteLength(body)) });
  out.response.body = Readable.from([Buffer.from(body)]);
  return out;
}

/** Where each Transcribe answer holds jobs, and the member naming them. */
const JOBS: Record<string, { list?: string; one?: string; name: string }> = {
  'Transcribe.ListTranscriptionJobs': { list: 'TranscriptionJobSummaries', name: 'TranscriptionJobName' },
  'Transcribe.GetTranscriptionJob': { one: 'TranscriptionJob', name: 'TranscriptionJobName' },
  'Transcribe.ListMedicalTranscriptionJobs': { list: 'MedicalTranscriptionJobSummaries', name: 'MedicalTranscriptionJobName' },
  'Transcribe.GetMedicalTranscriptionJob': { one: 'MedicalTranscriptionJob', name: 'MedicalTranscriptionJobName' },
};

type Out = { response: HttpResponse };

/**
 * Send `request` through `send` (a moto handler) and put back into Transcribe's answer what moto
 * dropped (see `TranscribeEchoes`); any other request passes through unchanged.
 */
export async function echoTranscribe(request: HttpRequest, echoes: TranscribeEchoes, send: (request: HttpRequest) => Promise<Out>): Promise<Out> {
  const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'];
  if (target === 'Transcribe.ListTagsForResource') {
    // The bytes themselves: the SDK's body is a Uint8Array that warns when read as a string.
    const body = request.body as string | Uint8Array;
    const { ResourceArn } = JSON.parse(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) as { ResourceArn: string };
    const out = await send(request);
    await readAll(out.response.body);
    return respond(out, 200, JSON.stringify({ ResourceArn, Tags: echoes.tags.get(ResourceArn) ?? [] }));
  }
  const where = target ? JOBS[target] : undefined;
  const out = await send(request);
  if (!where || out.response.statusCode !== 200) return out;
  const body = JSON.parse(await readAll(out.response.body)) as Json;
  const jobs = where.list ? ((body[where.list] ?? []) as Json[]) : [body[where.one!] as Json];
  for (const job of jobs) Object.assign(job, (where.list ? echoes.summaries : echoes.jobs).get(String(job[where.name])));
  return respond(out, 200, JSON.stringify(body));
}

/** TEST-ONLY: the framework's moto adapter, plus the Transcribe members moto drops (see `TranscribeEchoes`). */
export class TranscribeBridge extends MotoRequestHandler {
  constructor(
    options: ConstructorParameters<typeof MotoRequestHandler>[0],
    private readonly echoes: TranscribeEchoes,
  ) {
    super(options);
  }

  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<Out> {
    return echoTranscribe(request, this.echoes, (r) => super.handle(r, options));
  }
}

/** Run collectors against moto through the audit runner with the Transcribe bridge, then every live check. */
export function auditTranscribe(moto: MotoHarness, collectors: readonly Collector[], echoes: TranscribeEchoes): Promise<LiveAudit> {
  return audit(collectors, {
    regions: [REGION],
    endpoint: moto.url,
    hooks: (sent) => ({ createRequestHandler: (o) => new TranscribeBridge(o, echoes) as never, commandSent: (s, c) => sent.push(`${s}:${c}`) }),
  });
}
