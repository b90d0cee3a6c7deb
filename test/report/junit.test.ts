import { convert, create } from 'xmlbuilder2';
import type { Finding } from '../../lib/model/finding';
import { createBaseline, type Baseline } from '../../lib/gate/baseline';
import { evaluateGate, gatedReport, type GatePolicy } from '../../lib/gate/gate';
import { renderReport } from '../../lib/report/render';
import type { Report } from '../../lib/report/report';
import { realReport } from '../fixtures/report/real-run';
import { CWD, HOSTILE, emptyReport, hostileReport, liveReport, templateReport } from '../fixtures/report/reports';

type Node = Record<string, unknown>;
/** The little of the DOM this test reads (the project compiles without the DOM lib). */
interface DomElement {
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  textContent: string | null;
}
const list = (x: unknown): Node[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]) as Node[];

/** The XML read back by a parser (xmlbuilder2's own), as plain objects: attributes are `@name`. */
function parse(report: Report): Node {
  const doc = convert(renderReport(report, 'junit', { cwd: CWD }), { format: 'object' }) as Node;
  return doc.testsuites as Node;
}

const suites = (root: Node) => list(root.testsuite);
const cases = (suite: Node) => list(suite.testcase);
const counts = (n: Node) => ({ tests: Number(n['@tests']), failures: Number(n['@failures']), errors: Number(n['@errors']), skipped: Number(n['@skipped']) });

/** What the counts must be, from the findings themselves. */
function expected(findings: readonly Finding[]) {
  const f = findings.filter((x) => x.status !== 'NOT_APPLICABLE');
  return {
    tests: f.length,
    failures: f.filter((x) => x.status === 'FAIL').length,
    errors: f.filter((x) => x.status === 'ERROR').length,
    skipped: f.filter((x) => x.status === 'UNKNOWN' || x.status === 'SUPPRESSED').length,
  };
}

describe('JUnit XML', () => {
  test.each<[string, () => Report]>([
    ['template findings', () => templateReport()],
    ['live findings', liveReport],
    ['a real run', realReport],
    ['a verbose real run (NOT_APPLICABLE is no test case)', () => realReport({ verbose: true })],
    ['an empty run', emptyReport],
  ])('counts add up: %s', (_what, make) => {
    const report = make();
    const root = parse(report);
    expect(counts(root)).toEqual(expected(report.findings));
    const checkSuites = suites(root).filter((s) => cases(s).length > 0);
    for (const suite of checkSuites) {
      const id = String(suite['@name']).split(' ')[0];
      expect(counts(suite)).toEqual(expected(report.findings.filter((f) => f.checkId === id)));
      const elements = cases(suite);
      expect(elements.filter((c) => c.failure).length).toBe(counts(suite).failures);
      expect(elements.filter((c) => c.error).length).toBe(counts(suite).errors);
      expect(elements.filter((c) => c.skipped).length).toBe(counts(suite).skipped);
    }
    expect(checkSuites.reduce((n, s) => n + cases(s).length, 0)).toBe(expected(report.findings).tests);
  });

  test('one suite per check, one case per resource and finding key', () => {
    const root = parse(templateReport());
    expect(suites(root).map((s) => s['@name'])).toEqual([
      'LEX-DP-2 Enabled audio logs are encrypted with a customer-managed KMS key',
      'LEX-IAM-1 Bot and bot-alias resource policies grant nothing to a wildcard principal',
      'LEX-IAM-3 Resource policies are least-privilege',
      'LEX-MON-6 Conversation-log groups have a retention period',
      'lexscribe warnings',
    ]);
    const iam3 = cases(suites(root)[2]);
    expect(iam3.map((c) => c['@name'])).toEqual(['ContactCentre/Bot/Policy [Action::lex:*]', 'ContactCentre/Bot/Policy [Action::lex:*::Pipeline]']);
    expect(iam3[0]).toMatchObject({ '@classname': 'lexscribe.lex.LEX-IAM-3', '@file': 'cdk.out/ContactCentre.template.json', '@line': '216' });
    expect(iam3[0].failure).toMatchObject({ '@type': 'MEDIUM', '@message': 'statement 0 grants lex:* on the bot' });
    expect(String((iam3[0].failure as Node)['#'])).toContain('Fix: Grant only the runtime actions');
  });

  test('UNKNOWN and SUPPRESSED are skipped with the reason; ERROR is an error', () => {
    const mon6 = cases(suites(parse(templateReport()))[3]);
    expect(mon6[0].skipped).toEqual({ '@message': 'Could not be evaluated: RetentionInDays comes from parameter LogRetention, which has no value' });
    expect(mon6[1]).not.toHaveProperty('skipped');
    const suppressed = cases(suites(parse(templateReport()))[2])[1];
    expect((suppressed.skipped as Node)['@message']).toMatch(/^Suppressed: The pipeline role rebuilds the bot on every deploy; reviewed by SEC-412\. \(template metadata, until 2027-03-01\)/);
    const live = suites(parse(liveReport())).find((s) => String(s['@name']).startsWith('LEX-IAM-1'))!;
    expect(cases(live).find((c) => c.error)?.error).toMatchObject({ '@type': 'CheckError', '@message': 'check failed: Unexpected token } in JSON at position 112' });
  });

  test('the run warnings are kept, in a suite without test cases', () => {
    const warnings = suites(parse(liveReport())).find((s) => s['@name'] === 'lexscribe warnings')!;
    expect(counts(warnings).tests).toBe(0);
    expect(String(warnings['system-out'])).toContain('Could not be evaluated:\n  - eu-west-1: logs:DescribeLogGroups was denied');
  });

  test('markup and control characters survive as text and the XML stays well formed', () => {
    const xml = renderReport(hostileReport(), 'junit', { cwd: CWD });
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    // The object form keeps entities as written, so read the values through the DOM a parser builds.
    const dom = create(xml).root().node as unknown as DomElement;
    const failure = dom.getElementsByTagName('failure')[0];
    expect(failure.getAttribute('message')).toBe(HOSTILE.replace('\u0007', ''));
    expect(failure.textContent).toContain(`Reason: ${HOSTILE.replace('\u0007', '')}`);
  });

  test('a character XML cannot carry is dropped, a surrogate pair (an emoji) is kept', () => {
    const report = hostileReport();
    const reason = 'pair \uD83D\uDE00 lone \uD800 low \uDC00 tail \uFFFE\u0001 end';
    const xml = renderReport({ ...report, findings: report.findings.map((f) => ({ ...f, reason })) }, 'junit', { cwd: CWD });
    const dom = create(xml).root().node as unknown as DomElement;
    expect(dom.getElementsByTagName('failure')[0].getAttribute('message')).toBe('pair \uD83D\uDE00 lone  low  tail  end');
  });
});

describe('JUnit XML of a gated run (scan, audit): the test view agrees with the exit code', () => {
  const gated = (policy: GatePolicy, baseline?: Baseline) => {
    const report = templateReport();
    const result = evaluateGate(report.findings, policy, baseline);
    return { result, report: gatedReport(report, policy, result, baseline && { file: 'baseline.json', baseline, gone: 0 }) };
  };

  test('only what fails the gate is a failure; FAIL below the threshold is skipped with the reason', () => {
    const { report, result } = gated({ failOn: 'HIGH', failOnUnknown: false });
    const root = parse(report);
    expect(counts(root)).toMatchObject({ failures: result.blocking.length, errors: 0 });
    expect(result.blocking.map((f) => f.checkId)).toEqual(['LEX-IAM-1']);
    const dp2 = cases(suites(root)[0])[0];
    expect(dp2).not.toHaveProperty('failure');
    expect((dp2.skipped as Node)['@message']).toBe("FAIL MEDIUM, not failing the run (below the gate's threshold: MEDIUM under --fail-on HIGH): audio logs of alias ProdAlias are written without a KMS key");
    expect(list((dp2.properties as Node).property).map((p) => [p['@name'], p['@value']])).toEqual([
      ['status', 'FAIL'],
      ['severity', 'MEDIUM'],
    ]);
    expect(cases(suites(root)[1])[0].failure).toMatchObject({ '@type': 'HIGH' });
  });

  test('--fail-on-unknown makes UNKNOWN a failure; without it, the skip says so', () => {
    const strict = parse(gated({ failOn: 'LOW', failOnUnknown: true }).report);
    expect(counts(strict)).toMatchObject({ failures: 4, skipped: 1 });
    const lenient = cases(suites(parse(gated({ failOn: 'LOW', failOnUnknown: false }).report))[3])[0];
    expect((lenient.skipped as Node)['@message']).toBe('Could not be evaluated (the gate fails on UNKNOWN only with --fail-on-unknown): RetentionInDays comes from parameter LogRetention, which has no value');
  });

  test('with a baseline, known findings are skipped as accepted and every gated case names its baseline state', () => {
    const baseline = createBaseline(templateReport().findings.filter((f) => f.checkId === 'LEX-IAM-1'));
    const root = parse(gated({ failOn: 'LOW', failOnUnknown: false }, baseline).report);
    const iam1 = cases(suites(root)[1])[0];
    expect((iam1.skipped as Node)['@message']).toMatch(/^FAIL HIGH, not failing the run \(accepted by the baseline baseline\.json\): /);
    expect(list((iam1.properties as Node).property).find((p) => p['@name'] === 'baseline')?.['@value']).toBe('known');
    const dp2 = cases(suites(root)[0])[0];
    expect(dp2.failure).toBeDefined();
    expect(list((dp2.properties as Node).property).find((p) => p['@name'] === 'baseline')?.['@value']).toBe('new');
  });
});
