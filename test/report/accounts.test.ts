import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../schema/report.schema.json';
import type { Finding } from '../../lib/model/finding';
import { renderReport } from '../../lib/report/render';
import { buildReport, compareAuditFindings, type AccountInfo, type Report } from '../../lib/report/report';

const PAYMENTS = '111122223333';
const LOCKED = '444455556666';

function finding(account: string, checkId: string, status: Finding['status'], severity: Finding['severity'] = 'MEDIUM', arn = `arn:aws:lex:us-east-1:${account}:bot-alias/B/A`): Finding {
  return {
    checkId,
    title: `${checkId} title`,
    severity,
    status,
    reason: status === 'UNKNOWN' ? 'the account could not be read: cannot assume arn:aws:iam::444455556666:role/Auditor (AccessDenied)' : 'why',
    remediation: 'fix it',
    docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/what-is.html',
    topic: 'Data protection',
    service: 'lex',
    resource: { type: 'AWS::Lex::BotAlias', arn, account, region: 'us-east-1' },
  };
}

const accounts: AccountInfo[] = [
  { id: LOCKED, name: 'Locked', status: 'unreadable', role: `arn:aws:iam::${LOCKED}:role/Auditor`, regions: ['us-east-1'], resources: 0, failedCalls: 0, reason: `cannot assume arn:aws:iam::${LOCKED}:role/Auditor (AccessDenied)` },
  { id: PAYMENTS, name: 'Payments <prod>', status: 'partial', role: `arn:aws:iam::${PAYMENTS}:role/Auditor`, regions: ['us-east-1'], resources: 7, failedCalls: 2 },
];

function orgReport(): Report {
  const findings = [
    finding(PAYMENTS, 'LEX-IAM-1', 'FAIL', 'HIGH'),
    finding(PAYMENTS, 'LEX-DP-2', 'FAIL'),
    finding(PAYMENTS, 'LEX-DP-10', 'PASS'),
    finding(LOCKED, 'LEX-DP-2', 'UNKNOWN', 'MEDIUM', `arn:aws:iam::${LOCKED}:root`),
  ].sort(compareAuditFindings);
  return buildReport(findings, [{ kind: 'coverage', message: `account ${LOCKED} (Locked): cannot assume …`, resource: { type: 'AWS::Region', account: LOCKED } }], 'audit', {
    startedAt: new Date('2026-12-01T09:00:00Z'),
    accounts,
    scope: { organization: 'o-abc123', selected: [PAYMENTS, LOCKED, '777788889999'], shard: { index: 1, count: 2 }, regions: ['us-east-1'], configDigest: 'abc' },
  });
}

describe('reports of an organization', () => {
  test('findings in account order, then catalog order; each account counted', () => {
    const r = orgReport();
    expect(r.findings.map((f) => `${f.resource.account} ${f.checkId}`)).toEqual([`${PAYMENTS} LEX-DP-2`, `${PAYMENTS} LEX-DP-10`, `${PAYMENTS} LEX-IAM-1`, `${LOCKED} LEX-DP-2`]);
    expect(r.accounts!.map((a) => [a.id, a.byStatus.FAIL, a.byStatus.UNKNOWN, a.byStatus.PASS, a.failedBySeverity.HIGH])).toEqual([
      [PAYMENTS, 2, 0, 1, 1],
      [LOCKED, 0, 1, 0, 0],
    ]);
  });

  test('the JSON report, accounts and scope included, follows the schema', () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const json = JSON.parse(renderReport(orgReport(), 'json'));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...json, accounts: [{ ...json.accounts[0], status: 'lost' }] })).toBe(false);
  });

  test('text: an account table after the summary, with status, resources, findings and why an account is unreadable', () => {
    const text = renderReport(orgReport(), 'text');
    const table = text.slice(text.indexOf('By account'), text.indexOf('\n\nWarnings'));
    expect(table.split('\n')).toEqual([
      'By account (2): 1 partial, 1 unreadable · organization o-abc123 · shard 1/2 of 3 accounts',
      '  ACCOUNT       NAME             STATUS      RESOURCES    FAILED  UNKNOWN  ERROR  SUPPRESSED  PASSED  FAILED CALLS',
      `  ${PAYMENTS}  Payments <prod>  partial             7  2 (high)        0      0           0       1             2`,
      `  ${LOCKED}  Locked           unreadable          0         0        1      0           0       0             0  cannot assume arn:aws:iam::${LOCKED}:role/Auditor (AccessDenied)`,
    ]);
  });

  test('text and HTML of a single-account audit have no account table', () => {
    const one = buildReport([finding(PAYMENTS, 'LEX-DP-2', 'FAIL')], [], 'audit', { accounts: [accounts[1]] });
    expect(renderReport(one, 'text')).not.toContain('By account');
    expect(renderReport(one, 'html')).not.toContain('By account');
  });

  test('HTML: an account table (escaped), and each resource names its account', () => {
    const page = renderReport(orgReport(), 'html');
    expect(page).toContain('<h2>By account <span class="muted">(2 · organization o-abc123 · shard 1/2 of 3 accounts)</span></h2>');
    expect(page).toContain(`<tr><th scope="row"><code>${PAYMENTS}</code> Payments &lt;prod&gt; <span class="sev sev-high" title="worst failed severity">HIGH</span></th><td class="num acct-partial">partial</td><td class="num">7</td><td class="num has st-fail">2</td>`);
    expect(page).toContain(`<td class="num acct-unreadable">unreadable</td>`);
    expect(page).toContain(`<span class="muted">account ${PAYMENTS} (Payments &lt;prod&gt;) · us-east-1</span>`);
    expect(page).not.toContain('<prod>');
  });
});
