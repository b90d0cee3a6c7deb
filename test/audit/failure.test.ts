import { classify } from '../../lib/sources/account/failure';
import { auditableRegions, parseRegions, partitionOf } from '../../lib/sources/account/regions';

const op = { service: 'lex', action: 'ListBots' };
const err = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${name} happened`), { name, ...extra });

describe('failure classification', () => {
  it.each([
    ['AccessDeniedException (JSON protocols)', err('AccessDeniedException', { $metadata: { httpStatusCode: 403 } }), 'access-denied', 'lex:ListBots was denied (AccessDeniedException)'],
    ['AccessDenied (query and S3)', err('AccessDenied'), 'access-denied', 'lex:ListBots was denied (AccessDenied)'],
    ['UnauthorizedOperation (EC2)', err('UnauthorizedOperation'), 'access-denied', 'lex:ListBots was denied (UnauthorizedOperation)'],
    ['a bare 403', err('Unknown', { $metadata: { httpStatusCode: 403 } }), 'access-denied', 'lex:ListBots was denied (Unknown)'],
    ['ThrottlingException after retries', err('ThrottlingException', { $metadata: { httpStatusCode: 400, attempts: 5 } }), 'throttled', 'lex:ListBots was throttled after 5 attempts (ThrottlingException)'],
    ['Throttling (query)', err('Throttling'), 'throttled', 'lex:ListBots was throttled (Throttling)'],
    ['a bare 429', err('Unknown', { $metadata: { httpStatusCode: 429 } }), 'throttled', 'lex:ListBots was throttled (Unknown)'],
    ['SDK request timeout', err('TimeoutError'), 'timeout', 'lex:ListBots timed out'],
    ['socket timeout code', Object.assign(new Error('x'), { code: 'ETIMEDOUT' }), 'timeout', 'lex:ListBots timed out'],
    ['a body that is not JSON', Object.assign(new SyntaxError('Unexpected end of JSON input'), { $response: {} }), 'malformed', 'lex:ListBots returned a response that could not be read'],
    ['SDK deserialization error', err('TypeError', { message: 'Expected real number\n  Deserialization error: to see the raw response…' }), 'malformed', 'lex:ListBots returned a response that could not be read'],
    ['an HTML error page (a gateway, an emulator without the route)', Object.assign(new SyntaxError('Unexpected token \'<\', "<!doctype "... is not valid JSON'), { $metadata: { httpStatusCode: 404 } }), 'error', 'lex:ListBots failed (HTTP 404 with a body that could not be read)'],
    ['an HTML 403 page', Object.assign(new SyntaxError('Unexpected token'), { $metadata: { httpStatusCode: 403 } }), 'access-denied', 'lex:ListBots was denied (HTTP 403)'],
    ['ResourceNotFoundException', err('ResourceNotFoundException'), 'not-found', 'lex:ListBots found nothing (ResourceNotFoundException)'],
    ['opt-in Region not enabled', err('UnrecognizedClientException'), 'unavailable', 'lex:ListBots is not available in eu-south-2 (UnrecognizedClientException: the service is not offered there or the Region is not enabled)'],
    ['no endpoint for the service', Object.assign(new Error('getaddrinfo ENOTFOUND models-v2-lex.eu-south-2.amazonaws.com'), { code: 'ENOTFOUND' }), 'unavailable', 'lex:ListBots is not available in eu-south-2 (ENOTFOUND: the service is not offered there or the Region is not enabled)'],
    ['anything else', err('InternalFailure', { message: 'boom\nsecond line' }), 'error', 'lex:ListBots failed (InternalFailure: boom)'],
    ['a thrown string', 'nope', 'error', 'lex:ListBots failed (error: nope)'],
  ])('%s', (_label, error, kind, reason) => {
    const f = classify(op, error, 'eu-south-2');
    expect([f.kind, f.reason]).toEqual([kind, reason]);
  });
});

describe('Regions', () => {
  it('accepts repeated flags and comma lists, without duplicates', () => {
    expect(parseRegions(['us-east-1', 'eu-west-1, us-east-1', 'us-gov-west-1'])).toEqual(['us-east-1', 'eu-west-1', 'us-gov-west-1']);
  });
  it('rejects what is not a Region name', () => {
    expect(() => parseRegions(['us-east'])).toThrow('"us-east" is not a Region name');
  });
  it('audits service Regions the account has enabled, nothing else', () => {
    expect(auditableRegions(['us-east-1', 'eu-west-1', 'eu-south-2', 'me-central-1'])).toEqual(['us-east-1', 'eu-west-1']);
  });
  it.each([
    ['us-east-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])('%s is in %s', (region, partition) => expect(partitionOf(region)).toBe(partition));
});
