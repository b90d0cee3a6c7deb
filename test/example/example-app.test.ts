import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { SynthesisMessage } from 'aws-cdk-lib/cx-api';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { contactCentre } from '../../lib/example/contact-centre';
import { REPORT_FILE, type Report } from '../../lib/report/report';

const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/** The example app as `cdk synth` builds it (bin/example-app.ts, cdk.json context), with CDK's built-in validation off. */
function synth(context: Record<string, string> = {}) {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, ...context }, builtinCloudFormationValidation: false } as never);
  const stacks = contactCentre(app);
  LexscribeChecks.fromContext(app);
  const assembly = app.synth();
  const text = (m: SynthesisMessage) => `${m.id} ${String(m.entry.data)}`;
  const of = (find: (a: Annotations) => SynthesisMessage[]) => [stacks.logging, stacks.bot].flatMap((s) => find(Annotations.fromStack(s)).map(text));
  return {
    errors: of((a) => a.findError('*', Match.anyValue())),
    warnings: of((a) => a.findWarning('*', Match.anyValue())),
    report: JSON.parse(readFileSync(join(assembly.directory, REPORT_FILE), 'utf8')) as Report,
  };
}

const ids = (messages: string[]) => [...new Set(messages.map((m) => m.split(' ')[1]))].sort();

describe('the example contact-centre app', () => {
  test('synthesizes clean: no error, no warning, every finding PASS or SUPPRESSED', () => {
    const { errors, warnings, report } = synth();
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(report.summary.byStatus).toMatchObject({ FAIL: 0, UNKNOWN: 0, ERROR: 0 });
    expect(report.summary.byStatus.PASS).toBeGreaterThan(20);
    expect(report.findings.filter((f) => f.status === 'SUPPRESSED').map((f) => f.checkId)).toEqual(
      expect.arrayContaining(['LEX-MON-1', 'LEX-MON-7', 'LEX-COMP-2', 'LEX-DP-9']),
    );
  });

  test('the insecure variant fails on its HIGH findings and warns about the others', () => {
    const { errors, warnings } = synth({ 'example:insecure': 'true' });
    expect(ids(errors)).toEqual(expect.arrayContaining(['LEX-IAM-1', 'LEX-DP-2', 'LEX-DP-4', 'LEX-DP-5']));
    expect(errors).toContainEqual(expect.stringMatching(/^\/ContactCentreBot\/ConnectAccess LEX-IAM-1 \[HIGH\] .* allows any principal \("\*"\)/));
    expect(ids(warnings)).toEqual(expect.arrayContaining(['LEX-IAM-7', 'LEX-IAM-8', 'LEX-MON-5', 'LEX-DP-8', 'LEX-VULN-1']));
  });

  test('the text-log group of the other stack is checked through its export, not left UNKNOWN', () => {
    const dp4 = synth({ 'example:insecure': 'true' }).report.findings.find((f) => f.checkId === 'LEX-DP-4')!;
    expect(dp4).toMatchObject({ status: 'FAIL', resource: { stack: 'ContactCentreBot', logicalId: 'LiveAlias' } });
    expect(dp4.reason).toMatch(/log group TextLogs\w+, which has no KMS key/);
  });
});
