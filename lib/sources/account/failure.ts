import { CallFailure, type AwsOperation, type FailureKind } from './collector';

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: unknown;
  $fault?: string;
}

// Error names differ by protocol and service (`AccessDenied` in query/XML APIs, `AccessDeniedException`
// in JSON ones, EC2's `UnauthorizedOperation`): these sets hold the spellings AWS documents.
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError', 'AuthorizationErrorException', 'Forbidden']);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
]);
const NOT_FOUND = new Set(['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NotFoundException', 'NoSuchBucket', 'NoSuchKey', 'NotFound', 'NoSuchBucketPolicy', 'NotFoundError']);
// A Region that is not enabled for the account answers with a token error; a service absent from a
// Region has no endpoint (DNS) or rejects the subscription.
const UNAVAILABLE = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'OptInRequired', 'SubscriptionRequiredException', 'AuthFailure', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED']);
const TIMEOUT = new Set(['TimeoutError', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'RequestTimeout', 'RequestTimeoutException']);

/** The SDK wraps a body it cannot parse (HTML, truncated JSON, broken XML) in a deserialization error. */
function unreadable(e: SdkError): boolean {
  return e.name === 'SyntaxError' || /deserializ|unexpected token|not valid json|unexpected end of|invalid xml|non-whitespace before first tag/i.test(e.message ?? '');
}

function kindOf(e: SdkError): FailureKind {
  const name = e.name ?? '';
  const code = e.code ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (TIMEOUT.has(name) || TIMEOUT.has(code)) return 'timeout';
  if (DENIED.has(name) || DENIED.has(code)) return 'access-denied';
  if (THROTTLED.has(name) || THROTTLED.has(code) || status === 429) return 'throttled';
  if (NOT_FOUND.has(name) || NOT_FOUND.has(code)) return 'not-found';
  if (UNAVAILABLE.has(name) || UNAVAILABLE.has(code)) return 'unavailable';
  if (unreadable(e)) {
    // An error status with a body the SDK could not parse (an HTML page from a proxy or a gateway)
    // says what happened through its status; only a success that cannot be read is malformed.
    if (status === undefined || status < 300) return 'malformed';
    return status === 403 ? 'access-denied' : 'error';
  }
  if (status === 403) return 'access-denied';
  if (status === 404) return 'not-found';
  return 'error';
}

function describe(kind: FailureKind, e: SdkError, region: string): string {
  // The parser's error name (SyntaxError) says nothing about what AWS answered.
  const name = unreadable(e) ? undefined : e.name && e.name !== 'Error' ? e.name : e.code;
  const attempts = e.$metadata?.attempts;
  switch (kind) {
    case 'access-denied':
      return `was denied (${name ?? 'HTTP 403'})`;
    case 'throttled':
      return `was throttled${attempts && attempts > 1 ? ` after ${attempts} attempts` : ''} (${name ?? 'HTTP 429'})`;
    case 'timeout':
      return 'timed out';
    case 'malformed':
      return 'returned a response that could not be read';
    case 'not-found':
      return `found nothing (${name ?? 'HTTP 404'})`;
    case 'unavailable':
      return `is not available in ${region} (${name}: the service is not offered there or the Region is not enabled)`;
    default:
      if (unreadable(e) && e.$metadata?.httpStatusCode) return `failed (HTTP ${e.$metadata.httpStatusCode} with a body that could not be read)`;
      return `failed (${name ?? 'error'}${e.message ? `: ${firstLine(e.message)}` : ''})`;
  }
}

function firstLine(s: string): string {
  const line = s.split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Turn whatever an SDK call threw into a classified failure with a one-line reason. */
export function classify(op: AwsOperation, error: unknown, region: string): CallFailure {
  const e: SdkError = error && typeof error === 'object' ? (error as SdkError) : { message: String(error) };
  const kind = kindOf(e);
  return new CallFailure(op, kind, describe(kind, e, region));
}
