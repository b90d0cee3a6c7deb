import { stripVTControlCharacters } from 'node:util';
import { renderReport } from '../../lib/report/render';
import { realReport } from '../fixtures/report/real-run';
import { CWD, emptyReport, liveReport, templateReport } from '../fixtures/report/reports';

const text = (report = templateReport(), opts: { color?: boolean; verbose?: boolean } = {}) => renderReport(report, 'text', { cwd: CWD, ...opts });

describe('text report', () => {
  test('findings by resource, worst first, each with status, severity, check, title, location, reason and fix', () => {
    const out = text();
    const headings = out.split('\n').filter((l) => /^\S/.test(l));
    expect(headings.slice(0, 3)).toEqual([
      'ContactCentre/Bot/Policy (AWS::Lex::ResourcePolicy, logical id BotPolicyD41E7B)',
      'ContactCentre/Bot/ProdAlias (AWS::Lex::BotAlias, logical id ProdAlias9F2C1A)',
      'ContactCentre/ConversationLogs (AWS::Logs::LogGroup, logical id ConversationLogs5E2A11)',
    ]);
    expect(out).toContain(
      [
        '  FAIL        HIGH      LEX-IAM-1  Bot and bot-alias resource policies grant nothing to a wildcard principal',
        '      at          cdk.out/ContactCentre.template.json:218:13  Policy.Statement[0].Principal',
        '      key         Principal::*',
        '      reason      statement 0 allows lex:RecognizeText to Principal "*"',
        '      fix         Replace the wildcard principal with the account, role or service principal that needs access, and add aws:SourceAccount/aws:SourceArn conditions for services.',
        '      docs        https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_resource-based-policy-examples.html',
      ].join('\n'),
    );
    expect(out).toContain('      unknown     RetentionInDays comes from parameter LogRetention, which has no value');
    expect(out).toContain('      suppressed  The pipeline role rebuilds the bot on every deploy; reviewed by SEC-412. (template metadata, until 2027-03-01)');
  });

  test('PASS is hidden unless verbose', () => {
    expect(text()).not.toContain('ContactCentre/Bot/TestAlias');
    expect(text()).not.toMatch(/^ {2}PASS/m);
    const verbose = text(templateReport(), { verbose: true });
    expect(verbose).toMatch(/^ {2}PASS +MEDIUM +LEX-DP-2 /m);
    expect(verbose).toContain('ContactCentre/Bot/TestAlias');
    expect(text(realReport({ verbose: true }), { verbose: true })).toMatch(/^ {2}NOT_APPLICABLE/m);
  });

  test('a summary line with counts by status and failures by severity, then the warnings by kind', () => {
    const out = text();
    expect(out).toContain('\nSummary: 7 findings on 5 resources: 3 failed (1 high, 2 medium), 1 unknown, 1 suppressed, 2 passed\n');
    expect(out.slice(out.indexOf('Summary:'))).toMatch(
      /Warnings \(3\)\n {2}Unused suppressions\n {4}- Suppression of LEX-DP-4 on .* matched no finding; remove it\.\n {2}Expired suppressions\n.*\n {2}Unreadable inputs\n {4}- cdk\.out\/Legacy\.template\.yaml could not be parsed/,
    );
  });

  test('live findings: ARNs, the Region for account-wide findings, errors and coverage gaps', () => {
    const out = text(liveReport());
    expect(out.startsWith('arn:aws:lex:us-east-1:123456789012:bot/BOT7654321 (AWS::Lex::Bot)\n  ERROR')).toBe(true);
    expect(out).toContain('arn:aws:iam::123456789012:root in eu-west-1 (AWS::Region)\n');
    expect(out).toContain('      error       check failed: Unexpected token } in JSON at position 112');
    expect(out).toContain('Summary: 6 findings on 5 resources: 1 failed (1 high), 1 error, 2 unknown, 1 suppressed, 1 passed');
    expect(out).toMatch(/ {2}Could not be evaluated\n {4}- eu-west-1: logs:DescribeLogGroups was denied/);
  });

  test('nothing to show', () => {
    expect(text(emptyReport())).toBe('No findings.\n\nSummary: 0 findings on 0 resources: 0 failed\n');
    const allPass = { ...templateReport(), findings: templateReport().findings.filter((f) => f.status === 'PASS') };
    expect(text(allPass)).toMatch(/^Nothing failed, nothing unknown, nothing suppressed\.\n/);
  });

  test('a report too large to spread as arguments (150,000 findings) renders', () => {
    const base = templateReport();
    const one = base.findings.find((f) => f.status === 'FAIL')!;
    const findings = Array.from({ length: 150_000 }, (_, i) => ({ ...one, resource: { ...one.resource, logicalId: `R${i % 5000}` } }));
    const out = text({ ...base, findings });
    expect(out.split('\n').filter((l) => l.startsWith('  FAIL')).length).toBe(150_000);
  });

  test('colours only when asked, and the same text under them', () => {
    expect(text()).not.toContain('\u001b[');
    const coloured = text(templateReport(), { color: true });
    expect(coloured).toContain('\u001b[31m\u001b[1mFAIL');
    expect(stripVTControlCharacters(coloured)).toBe(text());
  });
});
