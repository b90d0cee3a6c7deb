import type { Finding } from '../../lib/model/finding';
import { assertCase, statusMap } from './index';
import { parityKeys } from './synth';

/** The tester's own assertions, on findings made up here: a wrong table must fail loudly. */
const finding = (status: Finding['status'], path: string, extra: Partial<Finding> = {}): Finding => ({
  checkId: 'LEX-DP-2',
  title: 't',
  severity: 'MEDIUM',
  status,
  reason: `${status.toLowerCase()} because`,
  resource: { type: 'AWS::Lex::BotAlias', stack: 'Test', logicalId: path.split('/').pop()!.replace(/\W/g, ''), constructPath: `Test/${path}` },
  remediation: 'r',
  docs: 'd',
  topic: 'Data protection',
  service: 'lex',
  ...extra,
});

describe('assertCase', () => {
  test('a finding with the expected status on the expected resource passes', () => {
    expect(() => assertCase('FAIL', { resource: 'Bot/Alias' }, [finding('FAIL', 'Bot/Alias/Resource'), finding('PASS', 'Other')])).not.toThrow();
  });

  test.each<[string, Parameters<typeof assertCase>]>([
    ['no finding with the status', ['FAIL', {}, [finding('PASS', 'Alias')]]],
    ['the status on another resource', ['FAIL', { resource: 'Alias' }, [finding('FAIL', 'Other'), finding('PASS', 'Alias')]]],
    ['a resource name that is only part of a path segment', ['FAIL', { resource: 'Ali' }, [finding('FAIL', 'Alias')]]],
    ['an ERROR beside the expected status', ['FAIL', {}, [finding('FAIL', 'Alias'), finding('ERROR', 'Other')]]],
    ['a PASS case with an UNKNOWN elsewhere', ['PASS', {}, [finding('PASS', 'Alias'), finding('UNKNOWN', 'Other')]]],
    ['a PASS case with a FAIL elsewhere', ['PASS', {}, [finding('PASS', 'Alias'), finding('FAIL', 'Other')]]],
    ['a NOT_APPLICABLE case with a PASS', ['NOT_APPLICABLE', {}, [finding('NOT_APPLICABLE', 'Alias'), finding('PASS', 'Other')]]],
    ['the wrong severity', ['FAIL', { severity: 'HIGH' }, [finding('FAIL', 'Alias')]]],
    ['the wrong finding key', ['FAIL', { findingKey: 'Rotation' }, [finding('FAIL', 'Alias', { findingKey: 'KeySpec' })]]],
    ['a reason that does not match', ['FAIL', { reason: /denied/ }, [finding('FAIL', 'Alias')]]],
    ['statuses that differ', ['FAIL', { statuses: { Alias: 'FAIL' } }, [finding('FAIL', 'Alias'), finding('PASS', 'Bot')]]],
  ])('fails on %s', (_what, args) => {
    expect(() => assertCase(...args)).toThrow();
  });

  test('othersMayFail limits the PASS rule to the resource, and needs a reason', () => {
    const findings = [finding('PASS', 'Key'), finding('FAIL', 'User')];
    expect(() => assertCase('PASS', { resource: 'Key', othersMayFail: 'the user fails by design' }, findings)).not.toThrow();
    expect(() => assertCase('PASS', { resource: 'Key', othersMayFail: ' ' }, findings)).toThrow();
    expect(() => assertCase('PASS', { othersMayFail: 'no resource named' }, findings)).toThrow();
  });

  test('statuses are keyed by construct path inside the stack, with the finding key', () => {
    expect(statusMap([finding('FAIL', 'Key/Resource', { findingKey: 'Rotation' }), finding('PASS', 'Key/Resource', { findingKey: 'KeySpec' }), finding('PASS', 'Alias')])).toEqual({
      'Key[Rotation]': 'FAIL',
      'Key[KeySpec]': 'PASS',
      Alias: 'PASS',
    });
  });

  test('live findings are keyed and matched by their collector id', () => {
    const live = finding('FAIL', 'x', { resource: { type: 'AWS::Lex::BotAlias', logicalId: 'bot/Support/alias/Prod', arn: 'arn:aws:lex:us-east-1:123456789012:bot-alias/B/A' } });
    expect(statusMap([live])).toEqual({ 'bot/Support/alias/Prod': 'FAIL' });
    expect(() => assertCase('FAIL', { resource: 'alias/Prod' }, [live])).not.toThrow();
    expect(() => assertCase('FAIL', { resource: 'arn:aws:lex:us-east-1:123456789012:bot-alias/B/A' }, [live])).not.toThrow();
  });
});

describe('parity keys', () => {
  test('a status that differs between synth and scan is a difference', () => {
    expect(parityKeys([finding('FAIL', 'Alias')])).not.toEqual(parityKeys([finding('PASS', 'Alias')]));
  });

  test('order and reasons do not matter', () => {
    expect(parityKeys([finding('FAIL', 'A'), finding('PASS', 'B', { reason: 'x' })])).toEqual(parityKeys([finding('PASS', 'B'), finding('FAIL', 'A')]));
  });
});
