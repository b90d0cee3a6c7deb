import type { Finding } from '../../lib/model/finding';
import { createBaseline, describeEntry, entryMatcher, type Baseline, type BaselineEntry } from '../../lib/gate/baseline';
import { evaluateGate, type GatePolicy } from '../../lib/gate/gate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBaseline } from '../../lib/gate/baseline';

const PAYMENTS = '111122223333';
const SUPPORT = '444455556666';

function live(checkId: string, account: string, arn: string, over: Partial<Finding> = {}): Finding {
  return {
    checkId,
    title: 't',
    severity: 'HIGH',
    status: 'FAIL',
    remediation: 'r',
    docs: 'd',
    topic: 'Monitoring',
    service: 'lex',
    resource: { type: 'AWS::Lex::BotAlias', arn, account, region: 'us-east-1' },
    ...over,
  };
}

const trail = (account: string) => live('LEX-MON-1', account, `arn:aws:iam::${account}:root`);
const alias = (account: string) => live('LEX-DP-2', account, `arn:aws:lex:us-east-1:${account}:bot-alias/B/A`);
const policy = (account: string) => ({ ...live('LEX-IAM-1', account, ''), resource: { type: 'AWS::Lex::ResourcePolicy', stack: `${account}/us-east-1`, logicalId: 'bot/Support/policy', account, region: 'us-east-1' } });
const HIGH: GatePolicy = { failOn: 'HIGH', failOnUnknown: false };
const baseline = (...entries: BaselineEntry[]): Baseline => ({ tool: 'lexscribe', baselineVersion: 1, entries });

describe('baselines in an organization', () => {
  test('written entries carry the account of live findings (matching still uses only the fingerprint)', () => {
    const b = createBaseline([alias(PAYMENTS)]);
    expect(b.entries).toEqual([expect.objectContaining({ checkId: 'LEX-DP-2', resource: `arn:aws:lex:us-east-1:${PAYMENTS}:bot-alias/B/A`, account: PAYMENTS })]);
    expect(evaluateGate([alias(PAYMENTS)], HIGH, b).failed).toBe(false);
  });

  test.each<[string, BaselineEntry, Finding, boolean]>([
    ['an account id accepts every finding of the check in that account', { checkId: 'LEX-MON-1', account: PAYMENTS }, trail(PAYMENTS), true],
    ['… and none elsewhere', { checkId: 'LEX-MON-1', account: PAYMENTS }, trail(SUPPORT), false],
    ['a list of accounts', { checkId: 'LEX-MON-1', account: [SUPPORT, PAYMENTS] }, trail(SUPPORT), true],
    ['a check glob', { checkId: 'LEX-*', account: PAYMENTS }, alias(PAYMENTS), true],
    ['an ARN glob: * stops at /', { checkId: 'LEX-DP-2', resource: `arn:aws:lex:*:${PAYMENTS}:bot-alias/*/*` }, alias(PAYMENTS), true],
    ['an ARN glob of another type', { checkId: 'LEX-DP-2', resource: `arn:aws:lex:*:${PAYMENTS}:bot/*` }, alias(PAYMENTS), false],
    ['a plain account id as the resource', { checkId: 'LEX-IAM-1', resource: SUPPORT }, policy(SUPPORT), true],
    ['a resource without an ARN by its account/Region path', { checkId: 'LEX-IAM-1', resource: `${SUPPORT}/*/bot/*/policy` }, policy(SUPPORT), true],
    ['a finding key narrows it', { checkId: 'LEX-DP-2', account: PAYMENTS, findingKey: 'Other' }, alias(PAYMENTS), false],
  ])('hand-written entry: %s', (_what, entry, f, accepted) => {
    expect(entryMatcher(entry)(f)).toBe(accepted);
    const gate = evaluateGate([f], HIGH, baseline(entry));
    expect([gate.failed, gate.gone.length]).toEqual(accepted ? [false, 0] : [true, 1]);
  });

  test('how an entry is named when it no longer occurs', () => {
    expect(describeEntry({ checkId: 'LEX-MON-*', account: [PAYMENTS, SUPPORT] })).toBe(`LEX-MON-* in account ${PAYMENTS}, ${SUPPORT}`);
    expect(describeEntry({ fingerprint: 'x', checkId: 'LEX-DP-2', resource: 'arn:aws:lex:us-east-1:1:bot-alias/B/A', findingKey: 'K' })).toBe('LEX-DP-2 on arn:aws:lex:us-east-1:1:bot-alias/B/A (K)');
  });

  test.each<[string, unknown, string]>([
    ['an entry naming nothing', { checkId: 'LEX-MON-1' }, 'entry 1 has no fingerprint: name the account or the resources (an ARN glob) it accepts LEX-MON-1 on'],
    ['an account that is not one', { checkId: 'LEX-MON-1', account: '1234' }, 'entry 1 has an account that is not an account id (twelve digits)'],
    ['no check', { account: PAYMENTS }, 'entry 1 has neither a fingerprint nor a checkId'],
  ])('a baseline file with %s is refused with its entry named', (_what, entry, message) => {
    const path = join(mkdtempSync(join(tmpdir(), 'lexscribe-baseline-')), 'b.json');
    writeFileSync(path, JSON.stringify({ tool: 'lexscribe', baselineVersion: 1, entries: [entry] }));
    expect(() => readBaseline(path)).toThrow(`${path}: ${message}`);
  });
});
