import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Finding } from '../../lib/model/finding';
import { AsffError } from '../../lib/report/asff';
import { renderReport } from '../../lib/report/render';
import { buildReport, type Report } from '../../lib/report/report';
import { CWD, STARTED_AT, liveReport, templateFindings, templateReport } from '../fixtures/report/reports';

const asff = (report: Report, opts: { account?: string; region?: string; verbose?: boolean } = {}): AwsSecurityFinding[] =>
  JSON.parse(renderReport(report, 'asff', { cwd: CWD, verbose: opts.verbose, asff: { account: opts.account, region: opts.region } }));
/** The parts of an OCSF event the assertions read. */
interface Event {
  compliance: { control: string; status: string };
  status: string;
  severity: string;
  resources: Array<{ data: unknown }>;
  cloud: unknown;
  remediation: unknown;
  finding_info: { uid: string };
}
const ocsf = (report: Report, verbose = false): Event[] => JSON.parse(renderReport(report, 'ocsf', { cwd: CWD, verbose }));

/** ASFF's required attributes and the limits Security Hub enforces on them (ASFF syntax reference). */
function asffProblems(f: AwsSecurityFinding): string[] {
  const problems: string[] = [];
  const required = ['SchemaVersion', 'Id', 'ProductArn', 'GeneratorId', 'AwsAccountId', 'Types', 'CreatedAt', 'UpdatedAt', 'Severity', 'Title', 'Description', 'Resources'] as const;
  for (const key of required) if (f[key] === undefined || f[key] === '') problems.push(`no ${key}`);
  if (f.SchemaVersion !== '2018-10-08') problems.push('SchemaVersion');
  if (!/^\d{12}$/.test(f.AwsAccountId ?? '')) problems.push('AwsAccountId is not 12 digits');
  if (!/^arn:aws[a-z-]*:securityhub:[a-z0-9-]+:\d{12}:product\/\d{12}\/default$/.test(f.ProductArn ?? '')) problems.push(`ProductArn ${f.ProductArn}`);
  if ((f.Id ?? '').length > 512 || (f.GeneratorId ?? '').length > 512) problems.push('Id or GeneratorId over 512');
  if ((f.Title ?? '').length > 256) problems.push('Title over 256');
  if ((f.Description ?? '').length > 1024) problems.push('Description over 1024');
  if ((f.Remediation?.Recommendation?.Text ?? '').length > 512) problems.push('Remediation text over 512');
  if (!(f.Types ?? []).every((t) => /^[A-Za-z ]+(\/[A-Za-z0-9 ()-]+){1,2}$/.test(t))) problems.push(`Types ${f.Types}`);
  if (!['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].includes(f.Severity?.Label ?? '')) problems.push('Severity.Label');
  if (!['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'].includes(f.Compliance?.Status ?? '')) problems.push('Compliance.Status');
  if ((f.Resources ?? []).length === 0 || f.Resources!.some((r) => !r.Type || !r.Id)) problems.push('Resources');
  if (Object.keys(f.ProductFields ?? {}).length > 50) problems.push('over 50 ProductFields');
  for (const t of [f.CreatedAt, f.UpdatedAt, f.FirstObservedAt, f.LastObservedAt]) if (t && Number.isNaN(Date.parse(t))) problems.push(`time ${t}`);
  return problems;
}

const withEnv = (f: Finding): Finding => ({ ...f, resource: { ...f.resource, account: '111122223333', region: 'eu-west-2' } });

describe('ASFF (AWS Security Finding Format)', () => {
  test('every required field, within Security Hub limits, for templates and live findings', () => {
    const findings = [...asff(templateReport(), { account: '111122223333', region: 'eu-west-2' }), ...asff(liveReport())];
    expect(findings.length).toBe(5 + 5);
    for (const f of findings) expect([f.Id, asffProblems(f)]).toEqual([f.Id, []]);
  });

  test('one finding per FAIL, UNKNOWN, ERROR and SUPPRESSED finding, PASS with --verbose; statuses, severity labels and record states', () => {
    const live = asff(liveReport());
    expect(live.map((f) => [f.GeneratorId, f.ProductFields?.['lexscribe/Status'], f.Compliance?.Status, f.Severity?.Label, f.RecordState, f.Workflow?.Status])).toEqual([
      ['lexscribe/LEX-DP-2', 'FAIL', 'FAILED', 'HIGH', 'ACTIVE', 'NEW'],
      ['lexscribe/TR-DP-2', 'UNKNOWN', 'WARNING', 'HIGH', 'ACTIVE', 'NEW'],
      ['lexscribe/TR-DP-9', 'SUPPRESSED', 'FAILED', 'MEDIUM', 'ARCHIVED', 'SUPPRESSED'],
      ['lexscribe/LEX-IAM-1', 'ERROR', 'NOT_AVAILABLE', 'HIGH', 'ACTIVE', 'NEW'],
      ['lexscribe/LEX-MON-6', 'UNKNOWN', 'WARNING', 'LOW', 'ACTIVE', 'NEW'],
    ]);
    const verbose = asff(liveReport(), { verbose: true });
    expect(verbose.filter((f) => f.Compliance?.Status === 'PASSED').map((f) => [f.Severity?.Label, f.Severity?.Original, f.Workflow?.Status])).toEqual([['INFORMATIONAL', 'HIGH', 'RESOLVED']]);
  });

  test('a stable Id: the same finding gets it whatever the lines, the run or the file; another resource, key or account another', () => {
    const base = withEnv(templateFindings[0]);
    const idOf = (f: Finding, at = STARTED_AT) => asff(buildReport([f], [], 'scan', { startedAt: at }))[0].Id;
    const id = idOf(base);
    expect(id).toMatch(/^lexscribe\/111122223333\/eu-west-2\/LEX-DP-2\/[0-9a-f]{32}$/);
    expect(idOf({ ...base, resource: { ...base.resource, line: 400, file: '/elsewhere.json' }, property: { ...base.property!, line: 411 } }, new Date('2027-01-01T00:00:00Z'))).toBe(id);
    expect(idOf({ ...base, resource: { ...base.resource, logicalId: 'Other' } })).not.toBe(id);
    expect(idOf({ ...base, findingKey: 'Destination::S3' })).not.toBe(id);
    expect(idOf({ ...base, resource: { ...base.resource, account: '444455556666' } })).not.toBe(id);
  });

  test('resources by ARN or by construct path, with the template and the source line; remediation URL; HIPAA and PCI types', () => {
    const [template] = asff(buildReport([{ ...withEnv(templateFindings[0]), resource: { ...withEnv(templateFindings[0]).resource, source: { file: `${CWD}/lib/bot-stack.ts`, line: 49, column: 17 } } }], [], 'scan', { startedAt: STARTED_AT }));
    expect(template.Resources).toEqual([
      {
        Type: 'Other',
        Id: 'ContactCentre/Bot/ProdAlias',
        Partition: 'aws',
        Region: 'eu-west-2',
        Details: { Other: { CloudFormationType: 'AWS::Lex::BotAlias', LogicalId: 'ProdAlias9F2C1A', Stack: 'ContactCentre', ConstructPath: 'ContactCentre/Bot/ProdAlias' } },
      },
    ]);
    expect(template.ProductFields).toMatchObject({ 'lexscribe/Template': 'cdk.out/ContactCentre.template.json:131:15', 'lexscribe/Source': 'lib/bot-stack.ts:49:17', ProviderName: 'lexscribe' });
    expect(template.Remediation).toEqual({ Recommendation: { Text: templateFindings[0].remediation, Url: templateFindings[0].docs } });
    expect(template.Types).toEqual([
      'Software and Configuration Checks/AWS Security Best Practices',
      'Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls (USA)',
      'Software and Configuration Checks/Industry and Regulatory Standards/PCI-DSS Controls',
    ]);
    expect(template.Compliance).toMatchObject({ Status: 'FAILED', SecurityControlId: 'LEX-DP-2', RelatedRequirements: expect.arrayContaining([expect.stringMatching(/^HIPAA/), expect.stringMatching(/^PCI DSS/)]) });
    const [live] = asff(liveReport());
    expect(live.Resources?.[0]).toMatchObject({ Id: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1234567/ALIAS12345', Region: 'us-east-1' });
  });

  test('without an account or Region for a finding, it says which flags give them', () => {
    expect(() => renderReport(templateReport(), 'asff', { cwd: CWD })).toThrow(AsffError);
    expect(() => renderReport(templateReport(), 'asff', { cwd: CWD })).toThrow('ContactCentre has no environment; give them with --asff-account and --asff-region');
  });
});

describe('OCSF Compliance Finding events', () => {
  test('class 2003 with what OCSF requires: activity, category, type, time, severity, metadata, finding_info, compliance', () => {
    const events = [...ocsf(templateReport()), ...ocsf(liveReport())];
    for (const e of events) {
      expect(e).toMatchObject({
        category_uid: 2,
        class_uid: 2003,
        activity_id: 1,
        type_uid: 200301,
        time: STARTED_AT.getTime(),
        severity_id: expect.any(Number),
        metadata: { version: '1.3.0', product: { name: 'lexscribe', vendor_name: 'lexscribe', version: expect.any(String) } },
        finding_info: { uid: expect.any(String), title: expect.any(String) },
        compliance: { control: expect.any(String), standards: expect.arrayContaining(['lexscribe']), status_id: expect.any(Number) },
        cloud: { provider: 'AWS' },
      });
    }
    expect(ocsf(liveReport()).map((e) => [e.compliance.control, e.compliance.status, e.status, e.severity])).toEqual([
      ['LEX-DP-2', 'Fail', 'New', 'High'],
      ['TR-DP-2', 'Warning', 'New', 'High'],
      ['TR-DP-9', 'Fail', 'Suppressed', 'Medium'],
      ['LEX-IAM-1', 'Error', 'New', 'High'],
      ['LEX-MON-6', 'Warning', 'New', 'Low'],
    ]);
    expect(ocsf(liveReport(), true).filter((e) => e.compliance.status === 'Pass')).toHaveLength(1);
  });

  test('resources, cloud account and Region, remediation, and the same uid as ASFF when the environment is known', () => {
    const [alias] = ocsf(liveReport());
    expect(alias.resources).toEqual([
      { uid: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1234567/ALIAS12345', name: 'BOT1234567/ALIAS12345', type: 'AWS::Lex::BotAlias', region: 'us-east-1', cloud_partition: 'aws', data: { logicalId: 'BOT1234567/ALIAS12345' } },
    ]);
    expect(alias.cloud).toEqual({ provider: 'AWS', region: 'us-east-1', account: { uid: '123456789012', type: 'AWS Account', type_id: 10 } });
    expect(alias.remediation).toEqual({ desc: liveReport().findings[0].remediation, references: [liveReport().findings[0].docs] });
    expect(alias.finding_info.uid).toBe(asff(liveReport())[0].Id);
    const [template] = ocsf(templateReport());
    expect(template.resources[0].data).toEqual({ logicalId: 'ProdAlias9F2C1A', stack: 'ContactCentre', constructPath: 'ContactCentre/Bot/ProdAlias', template: 'cdk.out/ContactCentre.template.json:131:15' });
  });
});
