import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Aspects, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { REPORT_FILE, type Report } from '../../lib/report/report';
import { VERSION } from '../../lib/version';
import schema from '../../schema/report.schema.json';
import { ENV, HIGH, newApp, topic } from './fixtures';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, REPORT_FILE), 'utf8')) as Report;

describe('lexscribe-report.json in the cloud assembly', () => {
  test('every finding but NOT_APPLICABLE, with its resource, remediation and a summary', () => {
    const app = newApp();
    const stack = new Stack(app, 'Api', { env: ENV });
    topic(stack, 'Failing', 'FAIL');
    topic(stack, 'Passing', 'PASS');
    topic(stack, 'Silent', 'n/a');
    Aspects.of(app).add(new LexscribeChecks({ checks: [HIGH] }));
    const assembly = app.synth();

    const report = read(assembly.directory);
    expect(report).toMatchObject({ tool: 'lexscribe', version: VERSION, mode: 'synth' });
    expect(report.findings.map((f) => [f.resource.logicalId?.replace(/[0-9A-F]{8}$/, ''), f.status])).toEqual([
      ['Failing', 'FAIL'],
      ['Passing', 'PASS'],
    ]);
    expect(report.findings[0]).toMatchObject({
      checkId: 'TEST-HIGH-1',
      title: 'Topics say they are fine',
      severity: 'HIGH',
      reason: 'the topic says it fails',
      resource: { type: 'AWS::SNS::Topic', stack: 'Api', constructPath: 'Api/Failing/Resource' },
      remediation: 'Set DisplayName to PASS.',
    });
    expect(report.summary).toMatchObject({ total: 2, byStatus: { PASS: 1, FAIL: 1, UNKNOWN: 0, SUPPRESSED: 0, ERROR: 0 }, failedBySeverity: { HIGH: 1 } });

    // The same document `lexscribe scan --format json` writes, valid against the shipped schema.
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const valid = ajv.compile(schema);
    expect(valid(report) ? [] : valid.errors).toEqual([]);
  });

  test('reports: false writes no file', () => {
    const app = newApp();
    topic(new Stack(app, 'Api', { env: ENV }), 'Failing', 'FAIL');
    Aspects.of(app).add(new LexscribeChecks({ checks: [HIGH], reports: false }));
    expect(existsSync(join(app.synth().directory, REPORT_FILE))).toBe(false);
  });
});

describe('Stages: one evaluation and one report per cloud assembly', () => {
  function appWithStage() {
    const app = newApp();
    const top = new Stack(app, 'Shared', { env: ENV });
    topic(top, 'Failing', 'FAIL');
    const prod = new Stage(app, 'Prod', { env: ENV });
    const api = new Stack(prod, 'Api');
    topic(api, 'Failing', 'FAIL');
    topic(api, 'Passing', 'PASS');
    return { app, top, prod, api };
  }

  test('fromContext(app) after the stages exist covers them: annotations and a report in each assembly', () => {
    const { app, top, prod, api } = appWithStage();
    const aspect = LexscribeChecks.fromContext(app, { checks: [HIGH] });
    const assembly = app.synth();

    expect(read(assembly.directory).findings.map((f) => f.resource.constructPath)).toEqual(['Shared/Failing/Resource']);
    const nested = assembly.getNestedAssembly(prod.artifactId);
    expect(nested.directory).toBe(join(assembly.directory, `assembly-Prod`));
    expect(read(nested.directory).findings.map((f) => [f.resource.stack, f.resource.constructPath, f.status])).toEqual([
      ['Prod-Api', 'Prod/Api/Failing/Resource', 'FAIL'],
      ['Prod-Api', 'Prod/Api/Passing/Resource', 'PASS'],
    ]);
    expect(Annotations.fromStack(api).findError('/Prod/Api/Failing/Resource', Match.anyValue())).toHaveLength(1);
    expect(Annotations.fromStack(top).findError('/Shared/Failing/Resource', Match.anyValue())).toHaveLength(1);
    expect([...aspect.results.keys()].sort()).toEqual(['', 'Prod']);
  });

  test('an aspect added to the stage itself checks it', () => {
    const { app, prod, api } = appWithStage();
    Aspects.of(app).add(new LexscribeChecks({ checks: [HIGH] }));
    Aspects.of(prod).add(new LexscribeChecks({ checks: [HIGH] }));
    app.synth();
    expect(Annotations.fromStack(api).findError('/Prod/Api/Failing/Resource', Match.anyValue())).toHaveLength(1);
  });

  test('a stage the App-level aspect cannot reach fails the synth instead of passing silently', () => {
    const { app } = appWithStage();
    Aspects.of(app).add(new LexscribeChecks({ checks: [HIGH] }));
    expect(() => app.synth()).toThrow(/lexscribe: stage Prod was not checked: CDK does not apply an App's aspects inside a Stage/);
  });
});
