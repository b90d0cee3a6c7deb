import { ALL_CHECKS } from '../../checks';
import type { LexscribeConfig } from '../../lib/config/types';
import type { Check } from '../../lib/engine/check';
import { Pipeline, type RunResult } from '../../lib/engine/pipeline';
import { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { ClientPool, type TestHooks } from '../../lib/sources/account/clients';
import type { Collector } from '../../lib/sources/account/collector';
import { operationName } from '../../lib/sources/account/operations';
import { collect, type Collected } from '../../lib/sources/account/runner';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

export interface LiveAudit {
  collected: Collected;
  graph: ResourceGraph;
  result: RunResult;
  /** `service:Operation` of every command the collectors sent (when the transport reports them). */
  sent: string[];
  /** Statuses of one check keyed by logical id (several verdicts joined with `,`). */
  statuses(checkId: string): Record<string, string>;
  /** Reasons of one check's findings, for assertions on wording. */
  reasons(checkId: string): string[];
  /** The emitted resource of a type with a logical id. */
  resource(type: string, logicalId: string): Resource | undefined;
  /** Resolved properties of that resource (throws, listing what exists, when it is missing). */
  props(type: string, logicalId: string): Record<string, unknown>;
  /** Reasons of the calls that failed. */
  failures(): string[];
}

export interface AuditOptions {
  regions?: readonly string[];
  endpoint?: string;
  hooks?: (sent: string[]) => TestHooks;
  /** The live checks to run (default: all of them). */
  checks?: readonly Check[];
  config?: LexscribeConfig;
}

/**
 * Run collectors through the audit runner (its ClientPool: the read-only guard, the failure
 * classification, one client per class and Region), build the graph and run the live checks (every one unless `checks` says otherwise).
 */
export async function audit(collectors: readonly Collector[], opts: AuditOptions = {}): Promise<LiveAudit> {
  const sent: string[] = [];
  const pool = new ClientPool({
    credentials: async () => ({ accessKeyId: 'AKIATESTLEXSCRIBE0001', secretAccessKey: 'lexscribe-test-secret' }),
    endpoint: opts.endpoint,
    maxAttempts: 1,
    requestTimeoutMs: 10_000,
    concurrency: 8,
    hooks: opts.hooks?.(sent),
  });
  await pool.open();
  try {
    const collected = await collect({ account: ACCOUNT, partition: 'aws', regions: opts.regions ?? [REGION], collectors, pool, concurrency: 4 });
    const pipeline = new Pipeline({ checks: opts.checks ?? ALL_CHECKS, mode: 'live', config: opts.config });
    const { graph } = pipeline.add({ stacks: collected.stacks });
    const result = pipeline.finish();
    const find = (type: string, id: string) => graph.resources.find((r) => r.type === type && r.logicalId === id);
    const of = (checkId: string) => result.findings.filter((x) => x.checkId === checkId);
    return {
      collected,
      graph,
      result,
      sent,
      statuses(checkId) {
        const out: Record<string, string> = {};
        for (const f of of(checkId)) {
          const k = f.resource.logicalId ?? f.resource.arn ?? '?';
          out[k] = out[k] ? `${out[k]},${f.status}` : f.status;
        }
        return out;
      },
      reasons: (checkId) => of(checkId).map((f) => f.reason ?? ''),
      resource: find,
      props(type, id) {
        const r = find(type, id);
        if (!r) throw new Error(`no ${type} ${id} among ${graph.resources.map((x) => `${x.type} ${x.logicalId}`).join(', ')}`);
        return graph.props(r);
      },
      failures: () => collected.failures.map((f) => f.failure.reason),
    };
  } finally {
    pool.close();
  }
}

/** Operations sent that the collectors did not declare (the read-only test and `lexscribe policy` rely on declarations). */
export function undeclared(run: LiveAudit, collectors: readonly Collector[]): string[] {
  const declared = new Set(collectors.flatMap((c) => c.operations).map(operationName));
  return [...new Set(run.sent)].filter((s) => !declared.has(s));
}
