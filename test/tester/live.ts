import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import type { LexscribeConfig } from '../../lib/config/types';
import { sideNeeds, type Check } from '../../lib/engine/check';
import { runPipeline } from '../../lib/engine/pipeline';
import type { Finding } from '../../lib/model/finding';
import type { StackInput } from '../../lib/model/resource';
import type { Collector } from '../../lib/sources/account/collector';
import { ALL_COLLECTORS } from '../../lib/sources/account/collectors';
import { KMS_TYPES } from '../../lib/sources/account/collectors/follow/kms';
import { LAMBDA_TYPES } from '../../lib/sources/account/collectors/follow/lambda';
import { LOGS_TYPES } from '../../lib/sources/account/collectors/follow/logs';
import { S3_TYPES } from '../../lib/sources/account/collectors/follow/s3';
import { ACCOUNT, audit, REGION, undeclared } from '../collectors/audit';
import { BridgingHandler } from '../collectors/moto-live';
import { awsError } from '../collectors/sdk-mock';
import { echoTranscribe, TranscribeEchoes } from '../collectors/transcribe-moto';
import type { MotoHarness } from '../integration/moto';
import type { MockedCase, MotoCase, ResourcesCase, Seed } from './types';

type Out = { response: HttpResponse };

/**
 * Transcribe lists moto 5.2 does not implement (HTTP 500), answered as AWS answers for an account
 * that has none: moto cannot create such resources, so "none" is what the moto account holds.
 * Without this every Transcribe check would be UNKNOWN for the Region whatever the case seeds.
 */
const EMPTY_TRANSCRIBE_LISTS: Readonly<Record<string, string>> = {
  'Transcribe.ListCallAnalyticsJobs': 'CallAnalyticsJobSummaries',
  'Transcribe.ListMedicalScribeJobs': 'MedicalScribeJobSummaries',
  'Transcribe.ListVocabularyFilters': 'VocabularyFilters',
  'Transcribe.ListCallAnalyticsCategories': 'Categories',
  'Transcribe.ListLanguageModels': 'Models',
};

/** TEST-ONLY: the Lex adapter and its bridges, plus the Transcribe members and lists moto lacks. */
class TesterHandler extends BridgingHandler {
  constructor(
    options: ConstructorParameters<typeof BridgingHandler>[0],
    private readonly echoes: TranscribeEchoes,
  ) {
    super(options);
  }

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<Out> {
    const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'];
    const list = target ? EMPTY_TRANSCRIBE_LISTS[target] : undefined;
    if (list) {
      const body = JSON.stringify({ [list]: [] });
      const headers = { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(Buffer.byteLength(body)) };
      return { response: { statusCode: 200, headers, body: Readable.from([Buffer.from(body)]) } as HttpResponse };
    }
    return echoTranscribe(request, this.echoes, (r) => super.handle(r, options));
  }
}

/** Types collectors read only because something else refers to them (`follow/`): every service collector emits them. */
const FOLLOWED = new Set([...LOGS_TYPES, ...S3_TYPES, ...LAMBDA_TYPES, ...KMS_TYPES]);

/**
 * The collectors that emit a type the check's live side evaluates or reads, leaving out those that
 * would only bring followed resources (buckets, keys, log groups, functions) when another collector
 * brings what refers to them.
 */
export function collectorsFor(check: Check): readonly Collector[] {
  const side = check.sides.live;
  if (!side) throw new Error(`${check.id} has no live side`);
  const needs = new Set(sideNeeds(side));
  const own = ALL_COLLECTORS.filter((c) => c.emits.some((t) => needs.has(t) && !FOLLOWED.has(t)));
  return own.length > 0 ? own : ALL_COLLECTORS.filter((c) => c.emits.some((t) => needs.has(t)));
}

/** A moto harness's clients, one per class and Region for the whole file (moto's reset keeps them valid). */
export class MotoSeed implements Seed {
  readonly account = ACCOUNT;
  readonly region = REGION;
  readonly echoes = new TranscribeEchoes();
  private readonly clients = new Map<unknown, Map<string, unknown>>();

  constructor(private readonly moto: MotoHarness) {}

  client<T>(ctor: new (config: Record<string, unknown>) => T, region = REGION): T {
    let byRegion = this.clients.get(ctor);
    if (!byRegion) this.clients.set(ctor, (byRegion = new Map()));
    let c = byRegion.get(region) as T | undefined;
    if (!c) byRegion.set(region, (c = this.moto.client(ctor, region)));
    return c;
  }

  /** Whether the last seed put anything into the echoes. */
  echoed(): boolean {
    return this.echoes.jobs.size + this.echoes.summaries.size + this.echoes.tags.size > 0;
  }
}

/**
 * Seed moto, then run the real collectors through the audit runner (read-only guard, failure
 * classification, the test adapter) and the check's live side through the pipeline. Every command
 * the collectors sent must be one they declare.
 */
export async function runMoto(check: Check, c: MotoCase, moto: MotoHarness, seed: MotoSeed, config: LexscribeConfig): Promise<Finding[]> {
  seed.echoes.clear();
  await c.moto(seed);
  if (seed.echoed() && !c.bridged) throw new Error(`case "${c.name}" puts answers into aws.echoes: say why moto cannot give them (bridged: '…')`);
  const collectors = c.collectors ?? collectorsFor(check);
  const deny = new Set(c.deny ?? []);
  const unused = new Set(deny);
  const run = await audit(collectors, {
    endpoint: moto.url,
    checks: [check],
    config,
    hooks: (sent) => ({
      createRequestHandler: (o) => new TesterHandler(o, seed.echoes) as never,
      commandSent: (service, command) => {
        const name = `${service}:${command}`;
        sent.push(name);
        if (!deny.has(name)) return;
        unused.delete(name);
        throw awsError(service === 'iam' || service === 's3' ? 'AccessDenied' : 'AccessDeniedException', 403, `User is not authorized to perform ${name} (denied by the check tester)`);
      },
    }),
  });
  expect(undeclared(run, collectors)).toEqual([]);
  if (unused.size > 0) throw new Error(`case "${c.name}" denies ${[...unused].join(', ')}, which no collector sent`);
  return run.result.findings;
}

/** The check's live side over hand-built live scopes. */
export function runResources(check: Check, c: ResourcesCase, config: LexscribeConfig): Finding[] {
  return runPipeline([{ stacks: c.stacks }], { checks: [check], mode: 'live', config }).findings;
}

/**
 * The real collectors over mocked SDK clients. Anything left unmocked goes to a closed local port
 * (and fails as unreachable), never to AWS.
 */
export async function runMocked(check: Check, c: MockedCase, config: LexscribeConfig): Promise<Finding[]> {
  const mocks = c.sdk();
  try {
    const run = await audit(c.collectors, { endpoint: 'http://127.0.0.1:9', checks: [check], config });
    return run.result.findings;
  } finally {
    for (const m of mocks) m.restore();
  }
}

type LiveInput = StackInput['resources'][number];

/** A resource as a live collector emits it: literal values, the ARN as provenance. */
export function liveResource(type: string, logicalId: string, properties: Record<string, unknown>, arn = `arn:aws:test:${REGION}:${ACCOUNT}:${logicalId}`): LiveInput {
  return { type, logicalId, properties, metadata: {}, provenance: { arn, api: 'test' } };
}

/** One live scope: a Region of the account (`us-east-1` by default) or `global`, with what could not be read. */
export function scope(resources: LiveInput[], opts: { region?: string; gaps?: StackInput['gaps'] } = {}): StackInput {
  const region = opts.region ?? REGION;
  return { stack: { name: `${ACCOUNT}/${region}`, account: ACCOUNT, region }, resources, gaps: opts.gaps };
}
