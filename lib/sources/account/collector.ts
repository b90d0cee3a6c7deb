import type { Resource } from '../../model/resource';

/** One read-only AWS API operation (`lex:DescribeBot`). */
export interface AwsOperation {
  /** IAM service prefix: `lex`, `transcribe`, `iam`, `s3`, … */
  service: string;
  /**
   * Operation name as the API and the SDK command call it (`DescribeBot` for `DescribeBotCommand`).
   * `lexscribe policy` maps the few whose IAM action is named differently (s3 `HeadBucket` → `s3:ListBucket`).
   */
  action: string;
}

export type LiveResource = Omit<Resource, 'key' | 'stack'>;

/** What a collector can use: configured clients, a wrapped call, and where to put what it found. */
export interface CollectorContext {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  /**
   * Start of the look-back window (`--since`) for what exists only for a while: Transcribe jobs (kept
   * ~90 days) and CloudTrail event history (90 days). Older records are left out of the audit.
   */
  readonly since: Date;
  /**
   * A client of the given class for this Region (or for `region`, e.g. an S3 bucket's own Region),
   * created once per run and Region, with credentials, endpoint, retries and timeouts set.
   * Import the client module dynamically inside `collect`, so a run loads only the clients it uses.
   */
  client<T>(ctor: new (config: Record<string, unknown>) => T, region?: string): T;
  /**
   * Run one API call. Failures (AccessDenied, throttling that outlasted retries, timeouts, malformed
   * responses, a service not offered in the Region) are classified and returned, never thrown, so the
   * collector can mark exactly the data that call would have fed as unknown (a failed List: `gap`;
   * a failed Describe of one resource: `new Unknown(failure.reason)` in that resource's properties).
   * Requests in flight are bounded by the run's `--concurrency`, whoever sends them: run independent
   * calls with `Promise.all` freely.
   */
  call<T>(op: AwsOperation, send: () => Promise<T>): Promise<T | CallFailure>;
  /** Add a resource in CloudFormation shape (live-only types: `Live::Service::Thing`). */
  emit(resource: LiveResource): void;
  /** Record that resources of `types` could not be listed here: their checks report UNKNOWN with `reason`. */
  gap(types: string[], reason: string): void;
}

export type FailureKind = 'access-denied' | 'throttled' | 'timeout' | 'malformed' | 'not-found' | 'unavailable' | 'error';

export class CallFailure {
  constructor(
    readonly op: AwsOperation,
    readonly kind: FailureKind,
    readonly message: string,
  ) {}
  /** One line for reasons: `lex:ListBots was denied (AccessDeniedException)`. */
  get reason(): string {
    return `${this.op.service}:${this.op.action} ${this.message}`;
  }
}

export function failed(x: unknown): x is CallFailure {
  return x instanceof CallFailure;
}

/** A collector reads one area of an account and declares every operation it may call. */
export interface Collector {
  /** Short name for progress and reports (`lex-bots`). */
  name: string;
  /** Every operation `collect` may call: the read-only test and `lexscribe policy` are built from these. */
  operations: AwsOperation[];
  /** Resource types it emits (so a failure maps to the checks that read them). */
  emits: string[];
  /** Global services (IAM, Organizations) are collected once per account, not per Region. */
  global?: boolean;
  collect(ctx: CollectorContext): Promise<void>;
}
