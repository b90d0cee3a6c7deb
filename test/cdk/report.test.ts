import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** Annotations written into a (nested) assembly's metadata, as the CDK CLI reads them: `[path, type]`. */
function written(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.metadata.json'))) {
    const metadata = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Array<{ type: string }>>;
    for (const [path, entries] of Object.entries(metadata)) for (const e of entries) if (e.type.startsWith('aws:cdk:error') || e.type.startsWith('aws:cdk:warning')) out.push([path, e.type]);
  }
  return out.sort();
}

describe('Stages: one run over every Stage, finished at the App', () => {
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

  test('fromContext(app) covers the stages: annotations in each assembly, one report of the whole run, and the gate at the App', () => {
    const { app } = appWithStage();
    const aspect = LexscribeChecks.fromContext(app, { checks: [HIGH] });
    // `cdk synth` shows a Stage's annotations only when its stacks are selected: the App holds the gate.
    expect(() => app.synth()).toThrow(/lexscribe: 1 finding\(s\) at or above the failOn threshold in stacks inside Stages[^]*\[Prod\/Api\/Failing\/Resource\] TEST-HIGH-1 \[HIGH\]/);

    const nested = join(app.outdir, 'assembly-Prod');
    expect(read(nested).findings.map((f) => [f.resource.stack, f.resource.constructPath, f.status])).toEqual([
      ['Prod-Api', 'Prod/Api/Failing/Resource', 'FAIL'],
      ['Prod-Api', 'Prod/Api/Passing/Resource', 'PASS'],
    ]);
    expect(written(nested)).toEqual([['/Prod/Api/Failing/Resource', 'aws:cdk:error']]);
    // The App's report is the whole run, as `lexscribe scan cdk.out` reads it.
    expect(read(app.outdir).findings.map((f) => f.resource.constructPath)).toEqual(['Prod/Api/Failing/Resource', 'Prod/Api/Passing/Resource', 'Shared/Failing/Resource']);
    expect([...aspect.results.keys()].sort()).toEqual(['', 'Prod']);
  });

  test('below the threshold, stages pass and the App is written', () => {
    const { app, top } = appWithStage();
    LexscribeChecks.fromContext(app, { checks: [HIGH], failOn: 'CRITICAL' });
    const assembly = app.synth();
    expect(Annotations.fromStack(top).findWarning('/Shared/Failing/Resource', Match.anyValue())).toHaveLength(1);
    expect(written(assembly.getNestedAssembly('assembly-Prod').directory)).toEqual([['/Prod/Api/Failing/Resource', 'aws:cdk:warning']]);
  });

  test('an App whose stacks all sit in Stages fails on a HIGH finding', () => {
    const app = newApp();
    topic(new Stack(new Stage(app, 'Prod', { env: ENV }), 'Api'), 'Failing', 'FAIL');
    topic(new Stack(new Stage(app, 'Test', { env: ENV }), 'Api'), 'Passing', 'PASS');
    LexscribeChecks.fromContext(app, { checks: [HIGH] });
    expect(() => app.synth()).toThrow(/1 finding\(s\)[^]*\[Prod\/Api\/Failing\/Resource\]/);
  });

  test('an aspect added to the stage itself checks it', () => {
    const { app, prod } = appWithStage();
    Aspects.of(app).add(new LexscribeChecks({ checks: [HIGH] }));
    Aspects.of(prod).add(new LexscribeChecks({ checks: [HIGH] }));
    expect(() => app.synth()).toThrow(/\[Prod\/Api\/Failing\/Resource\] TEST-HIGH-1/);
    expect(written(join(app.outdir, 'assembly-Prod'))).toEqual([['/Prod/Api/Failing/Resource', 'aws:cdk:error']]);
  });

  test('a stage the App-level aspect cannot reach fails the synth instead of passing silently', () => {
    const { app } = appWithStage();
    Aspects.of(app).add(new LexscribeChecks({ checks: [HIGH] }));
    expect(() => app.synth()).toThrow(/lexscribe: stage Prod was not checked: CDK does not apply an App's aspects inside a Stage/);
  });
});
