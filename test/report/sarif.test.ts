import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import sarifSchema from '../fixtures/report/sarif-schema-2.1.0.json';
import type { Finding } from '../../lib/model/finding';
import { createBaseline } from '../../lib/gate/baseline';
import { evaluateGate, gatedReport } from '../../lib/gate/gate';
import { renderReport } from '../../lib/report/render';
import { buildReport, type Report } from '../../lib/report/report';
import { FINGERPRINT, fingerprint, resultLevel } from '../../lib/report/sarif';
import { realReport } from '../fixtures/report/real-run';
import { CWD, STARTED_AT, emptyReport, hostileReport, liveReport, templateFindings, templateReport } from '../fixtures/report/reports';
import { githubIngestionProblems } from '../helpers/github-sarif';

// The official schema (see test/fixtures/report/README.md) declares draft 2020-12 and uses the
// pre-2019 `definitions` keyword, which strict mode rejects as unknown: validation is unaffected.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(sarifSchema);

const sarif = (report: Report, cwd = CWD): Log => JSON.parse(renderReport(report, 'sarif', { cwd }));
const results = (log: Log): Result[] => log.runs[0].results ?? [];

describe('SARIF 2.1.0', () => {
  test.each<[string, () => Report]>([
    ['template findings', () => templateReport()],
    ['live findings', liveReport],
    ['an empty run', emptyReport],
    ['a real run', realReport],
    ['a verbose real run', () => realReport({ verbose: true })],
    ['hostile strings and odd file names', hostileReport],
  ])('valid against the official schema: %s', (_what, make) => {
    const log = sarif(make());
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.version).toBe('2.1.0');
  });

  test('the schema does catch what is not SARIF', () => {
    const log = sarif(templateReport());
    const spoil = (change: (r: Result) => void) => {
      const copy: Log = JSON.parse(JSON.stringify(log));
      change(copy.runs[0].results![0]);
      return validate(copy);
    };
    expect(spoil((r) => Object.assign(r, { level: 'fatal' }))).toBe(false);
    expect(spoil((r) => (r.locations![0].physicalLocation!.region!.startLine = 0))).toBe(false);
    expect(spoil((r) => Object.assign(r.suppressions ?? (r.suppressions = [{ kind: 'inSource' }]), [{ kind: 'inCode' }]))).toBe(false);
  });

  test('one rule per check, with what GitHub code scanning reads', () => {
    const rules = sarif(templateReport()).runs[0].tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['LEX-DP-2', 'LEX-IAM-1', 'LEX-IAM-3', 'LEX-MON-6']);
    expect(rules[1]).toMatchObject({
      id: 'LEX-IAM-1',
      name: 'BotAndBotAliasResourcePoliciesGrantNothingToAWildcardPrincipal',
      shortDescription: { text: 'Bot and bot-alias resource policies grant nothing to a wildcard principal' },
      helpUri: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_resource-based-policy-examples.html',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'lex', 'Identity and access management'], 'security-severity': '8.0' },
    });
    expect(rules[1].help?.text).toContain('Replace the wildcard principal');
    expect(rules.map((r) => Number(r.properties?.['security-severity']))).toEqual([5.5, 8.0, 5.5, 3.0]);
  });

  test('results for everything but PASS, in the report order', () => {
    const log = sarif(templateReport());
    expect(results(log).map((r) => [r.ruleId, r.properties?.status])).toEqual([
      ['LEX-DP-2', 'FAIL'],
      ['LEX-IAM-1', 'FAIL'],
      ['LEX-IAM-3', 'FAIL'],
      ['LEX-IAM-3', 'SUPPRESSED'],
      ['LEX-MON-6', 'UNKNOWN'],
    ]);
    for (const r of results(log)) expect(log.runs[0].tool.driver.rules?.[r.ruleIndex!].id).toBe(r.ruleId);
  });

  const base = templateFindings[0];
  test.each<[Finding['status'], Finding['severity'], Result.level]>([
    ['FAIL', 'CRITICAL', 'error'],
    ['FAIL', 'HIGH', 'error'],
    ['FAIL', 'MEDIUM', 'warning'],
    ['FAIL', 'LOW', 'note'],
    ['FAIL', 'INFO', 'note'],
    ['UNKNOWN', 'LOW', 'warning'],
    ['UNKNOWN', 'CRITICAL', 'warning'],
    ['ERROR', 'LOW', 'error'],
    ['SUPPRESSED', 'HIGH', 'error'],
  ])('%s %s → level %s', (status, severity, level) => {
    expect(resultLevel({ ...base, status, severity })).toBe(level);
  });

  test('template locations: file relative to the working directory, the property line, the construct path', () => {
    const [first] = results(sarif(templateReport()));
    expect(first.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'cdk.out/ContactCentre.template.json', uriBaseId: 'SRCROOT' }, region: { startLine: 131, startColumn: 15 } },
        logicalLocations: [{ fullyQualifiedName: 'ContactCentre/Bot/ProdAlias', name: 'ProdAlias9F2C1A', kind: 'resource', properties: { type: 'AWS::Lex::BotAlias', stack: 'ContactCentre' } }],
      },
    ]);
    expect(first.message.text).toBe(
      'Audio logs of alias ProdAlias are written without a KMS key (at ConversationLogSettings.AudioLogSettings[0].Destination.S3Bucket). Fix: Set Destination.S3Bucket.KmsKeyArn on every enabled AudioLogSettings entry to a symmetric customer-managed KMS key.',
    );
    expect(sarif(templateReport()).runs[0].originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/app/' } });
  });

  test('the resource line stands in when the property was not located; files elsewhere get an absolute URI', () => {
    const moved: Finding = { ...base, property: { path: 'ConversationLogSettings' }, resource: { ...base.resource, file: '/elsewhere/my stack#1.json' } };
    const [r] = results(sarif(buildReport([moved], [], 'scan', { startedAt: STARTED_AT })));
    expect(r.locations?.[0].physicalLocation).toEqual({ artifactLocation: { uri: 'file:///elsewhere/my%20stack%231.json' }, region: { startLine: 120, startColumn: 5 } });
    const inside: Finding = { ...base, resource: { ...base.resource, file: 'templates/my stack#1.json' } };
    expect(results(sarif(buildReport([inside], [], 'scan', { startedAt: STARTED_AT })))[0].locations?.[0].physicalLocation?.artifactLocation).toEqual({
      uri: 'templates/my%20stack%231.json',
      uriBaseId: 'SRCROOT',
    });
  });

  test('live locations: the ARN as a logical location, with Region and account; no file', () => {
    const [alias] = results(sarif(liveReport()));
    expect(alias.locations).toEqual([
      {
        logicalLocations: [
          {
            fullyQualifiedName: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1234567/ALIAS12345',
            name: 'BOT1234567/ALIAS12345',
            kind: 'resource',
            properties: { type: 'AWS::Lex::BotAlias', region: 'us-east-1', account: '123456789012' },
          },
        ],
      },
    ]);
  });

  test('suppressions: in source for template metadata and CDK, external for configuration, with the justification', () => {
    const template = results(sarif(templateReport())).find((r) => r.properties?.status === 'SUPPRESSED');
    expect(template?.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'The pipeline role rebuilds the bot on every deploy; reviewed by SEC-412.',
        properties: { source: 'template metadata', expires: '2027-03-01' },
      },
    ]);
    const live = results(sarif(liveReport())).find((r) => r.properties?.status === 'SUPPRESSED');
    expect(live?.suppressions?.[0]).toMatchObject({ kind: 'external', justification: expect.stringContaining('ORG-77') });
    expect(results(sarif(liveReport())).filter((r) => r.suppressions).length).toBe(1);
  });

  test('UNKNOWN and ERROR results say that nothing was verified, and why', () => {
    const log = sarif(liveReport());
    const unknown = results(log).find((r) => r.ruleId === 'TR-DP-2');
    expect(unknown?.message.text).toMatch(/^Could not be evaluated: no Get\*Job response names the output key/);
    const error = results(log).find((r) => r.properties?.status === 'ERROR');
    expect(error?.message.text).toBe('The check could not run, so this resource was not verified (check failed: Unexpected token } in JSON at position 112).');
  });

  test('fingerprints: same check, resource and key give the same one wherever the lines go', () => {
    const moved: Finding = { ...base, resource: { ...base.resource, line: 400, column: 1 }, property: { ...base.property!, line: 411, column: 3 } };
    expect(fingerprint(moved)).toBe(fingerprint(base));
    expect(fingerprint({ ...base, resource: { ...base.resource, file: '/work/app/elsewhere.json' } })).toBe(fingerprint(base));
    expect(fingerprint({ ...base, checkId: 'LEX-DP-4' })).not.toBe(fingerprint(base));
    expect(fingerprint({ ...base, resource: { ...base.resource, logicalId: 'OtherAlias' } })).not.toBe(fingerprint(base));
    expect(fingerprint({ ...base, findingKey: 'Action::lex:*' })).not.toBe(fingerprint({ ...base, findingKey: 'Action::*' }));
    const prints = results(sarif(templateReport())).map((r) => r.partialFingerprints?.[FINGERPRINT]);
    expect(new Set(prints).size).toBe(prints.length);
    const regions = results(sarif(liveReport())).filter((r) => r.properties?.resourceType === 'AWS::Region').map((r) => r.partialFingerprints?.[FINGERPRINT]);
    expect(new Set(regions).size).toBe(2);
  });

  test('run warnings become tool notifications tied to their rule', () => {
    const notes = sarif(templateReport()).runs[0].invocations?.[0].toolExecutionNotifications ?? [];
    expect(notes.map((n) => [n.descriptor?.id, n.associatedRule?.id])).toEqual([
      ['suppression-unused', 'LEX-DP-4'],
      ['suppression-expired', 'LEX-MON-2'],
      ['input', undefined],
    ]);
    expect(notes[0].message.text).toContain('matched no finding');
  });
});

describe('SARIF on the code: the CDK source line of the construct', () => {
  const source = { file: `${CWD}/lib/bot-stack.ts`, line: 49, column: 17 };
  const withSource: Finding = { ...templateFindings[0], resource: { ...templateFindings[0].resource, source } };

  test('primary location at the construct in the app, the template as a related location', () => {
    const log = sarif(buildReport([withSource], [], 'scan', { startedAt: STARTED_AT }));
    const [r] = results(log);
    expect(r.locations?.[0].physicalLocation).toEqual({ artifactLocation: { uri: 'lib/bot-stack.ts', uriBaseId: 'SRCROOT' }, region: { startLine: 49, startColumn: 17 } });
    expect(r.locations?.[0].logicalLocations?.[0].fullyQualifiedName).toBe('ContactCentre/Bot/ProdAlias');
    expect(r.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'cdk.out/ContactCentre.template.json', uriBaseId: 'SRCROOT' }, region: { startLine: 131, startColumn: 15 } },
        message: { text: 'ProdAlias9F2C1A in the synthesized template, at ConversationLogSettings.AudioLogSettings[0].Destination.S3Bucket' },
      },
    ]);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(githubIngestionProblems(log)).toEqual([]);
  });

  test('--sarif-source-root: URIs relative to the repository, not the working directory', () => {
    const log: Log = JSON.parse(renderReport(buildReport([withSource], [], 'scan', { startedAt: STARTED_AT }), 'sarif', { cwd: `${CWD}/infra`, sourceRoot: CWD }));
    expect(log.runs[0].originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/app/' } });
    expect(results(log)[0].locations?.[0].physicalLocation?.artifactLocation).toEqual({ uri: 'lib/bot-stack.ts', uriBaseId: 'SRCROOT' });
    expect(results(log)[0].relatedLocations?.[0].physicalLocation?.artifactLocation).toEqual({ uri: 'cdk.out/ContactCentre.template.json', uriBaseId: 'SRCROOT' });
  });

  test('a source outside the source root (an assembly synthesized elsewhere) leaves the template as the location', () => {
    const elsewhere: Finding = { ...withSource, resource: { ...withSource.resource, source: { ...source, file: '/home/runner/work/app/lib/bot-stack.ts' } } };
    const [r] = results(sarif(buildReport([elsewhere], [], 'scan', { startedAt: STARTED_AT })));
    expect(r.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('cdk.out/ContactCentre.template.json');
    expect(r.relatedLocations).toBeUndefined();
  });

  test('every result read from a file has a startLine: findings about a whole stack are on line 1 of its template', () => {
    const stackWide: Finding = { ...templateFindings[0], checkId: 'LEX-MON-1', property: undefined, resource: { type: 'AWS::CloudFormation::Stack', logicalId: 'ContactCentre', stack: 'ContactCentre', file: '/work/app/cdk.out/ContactCentre.template.json' } };
    const log = sarif(buildReport([stackWide, ...templateFindings], [], 'scan', { startedAt: STARTED_AT }));
    expect(results(log)[0].locations?.[0].physicalLocation).toEqual({ artifactLocation: { uri: 'cdk.out/ContactCentre.template.json', uriBaseId: 'SRCROOT' }, region: { startLine: 1 } });
    expect(githubIngestionProblems(log)).toEqual([]);
  });

  test('tool metadata: informationUri, full name, semantic version', () => {
    const { driver } = sarif(templateReport()).runs[0].tool;
    expect(driver).toMatchObject({ name: 'lexscribe', informationUri: 'https://www.npmjs.com/package/lexscribe', semanticVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(driver.fullName).toMatch(/^lexscribe \S+: compliance checks for Amazon Lex V2 and Amazon Transcribe$/);
  });

  test('with a baseline: baselineState new or unchanged, the gate in the run properties', () => {
    const report = templateReport();
    const policy = { failOn: 'HIGH', failOnUnknown: false } as const;
    const baseline = createBaseline(report.findings.filter((f) => f.checkId === 'LEX-DP-2'));
    const gated = gatedReport(report, policy, evaluateGate(report.findings, policy, baseline), { file: 'baseline.json', baseline, gone: 0 });
    const log = sarif(gated);
    expect(results(log).map((r) => [r.ruleId, r.properties?.status, r.baselineState])).toEqual([
      ['LEX-DP-2', 'FAIL', 'unchanged'],
      ['LEX-IAM-1', 'FAIL', 'new'],
      ['LEX-IAM-3', 'FAIL', 'new'],
      ['LEX-IAM-3', 'SUPPRESSED', undefined],
      ['LEX-MON-6', 'UNKNOWN', 'new'],
    ]);
    expect(log.runs[0].properties?.gate).toEqual({ failOn: 'HIGH', failOnUnknown: false, failed: true, blocking: 1, baseline: 'baseline.json' });
    expect(log.runs[0].properties?.summary.baseline).toEqual({ new: 3, known: 1, gone: 0 });
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  test('the GitHub rules catch a result GitHub would drop', () => {
    const log = sarif(liveReport());
    expect(githubIngestionProblems(log)[0]).toMatch(/not located in a file/);
  });
});
