import type { Finding } from '../../lib/model/finding';
import { createBaseline, fingerprint } from '../../lib/gate/baseline';
import { blocks, evaluateGate, type GatePolicy } from '../../lib/gate/gate';

function finding(over: Omit<Partial<Finding>, 'resource'> & { resource?: Partial<Finding['resource']> } = {}): Finding {
  return {
    checkId: 'LEX-DP-2',
    title: 't',
    severity: 'MEDIUM',
    status: 'FAIL',
    remediation: 'r',
    docs: 'd',
    topic: 'Data protection',
    service: 'lex',
    ...over,
    resource: { type: 'AWS::Lex::BotAlias', stack: 'Bots', logicalId: 'Alias', file: 'cdk.out/Bots.template.json', line: 10, column: 5, ...over.resource },
  };
}

const HIGH: GatePolicy = { failOn: 'HIGH', failOnUnknown: false };

describe('blocks', () => {
  test.each([
    ['FAIL at the threshold', finding({ severity: 'HIGH' }), HIGH, true],
    ['FAIL above the threshold', finding({ severity: 'CRITICAL' }), HIGH, true],
    ['FAIL below the threshold', finding({ severity: 'MEDIUM' }), HIGH, false],
    ['ERROR (a check crashed) counts as a FAIL', finding({ severity: 'HIGH', status: 'ERROR' }), HIGH, true],
    ['UNKNOWN without --fail-on-unknown', finding({ severity: 'CRITICAL', status: 'UNKNOWN' }), HIGH, false],
    ['UNKNOWN with --fail-on-unknown, whatever its severity', finding({ severity: 'LOW', status: 'UNKNOWN' }), { ...HIGH, failOnUnknown: true }, true],
    ['SUPPRESSED', finding({ severity: 'CRITICAL', status: 'SUPPRESSED' }), HIGH, false],
    ['PASS', finding({ severity: 'CRITICAL', status: 'PASS' }), HIGH, false],
  ])('%s', (_, f, policy, expected) => {
    expect(blocks(f, policy)).toBe(expected);
  });
});

describe('fingerprints', () => {
  test('survive reformatting and line moves', () => {
    expect(fingerprint(finding({ resource: { line: 99, column: 1, file: 'other/path.json' } }))).toBe(fingerprint(finding()));
  });
  test.each([
    ['check id', finding({ checkId: 'LEX-DP-3' })],
    ['stack', finding({ resource: { stack: 'Other' } })],
    ['logical id', finding({ resource: { logicalId: 'Other' } })],
    ['finding key', finding({ findingKey: 'Action::lex:*' })],
  ])('change with the %s', (_, other) => {
    expect(fingerprint(other)).not.toBe(fingerprint(finding()));
  });
  test('live findings are keyed on the ARN', () => {
    const live = (logicalId: string) => finding({ resource: { stack: undefined, logicalId, arn: 'arn:aws:lex:us-east-1:123456789012:bot-alias/B/A' } });
    expect(fingerprint(live('a'))).toBe(fingerprint(live('b')));
    expect(createBaseline([live('a')]).entries[0].resource).toBe('arn:aws:lex:us-east-1:123456789012:bot-alias/B/A');
  });
});

describe('evaluateGate with a baseline', () => {
  const old = finding({ severity: 'HIGH' });
  const gone = finding({ severity: 'HIGH', resource: { logicalId: 'Removed' } });
  const baseline = createBaseline([old, gone, finding({ status: 'PASS', resource: { logicalId: 'Fine' } })]);

  test('records FAIL and UNKNOWN findings only, sorted', () => {
    expect(baseline.entries.map((e) => e.resource)).toEqual(['Bots/Alias', 'Bots/Removed']);
  });
  test('fails only on new findings and lists entries that no longer occur', () => {
    const added = finding({ severity: 'HIGH', resource: { logicalId: 'New' } });
    const result = evaluateGate([old, added], HIGH, baseline);
    expect(result).toMatchObject({ failed: true, blocking: [added], accepted: [old] });
    expect(result.gone.map((e) => e.resource)).toEqual(['Bots/Removed']);
    expect(evaluateGate([old], HIGH, baseline).failed).toBe(false);
  });
});
