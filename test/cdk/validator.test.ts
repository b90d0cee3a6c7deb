import { CfnParameter, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as sns from 'aws-cdk-lib/aws-sns';
import { findCheck } from '../../checks';
import { LexscribeSuppressions } from '../../lib/cdk/suppressions';
import { LexscribeValidator } from '../../lib/cdk/validator';
import { ENV, HIGH, MEDIUM, newApp, topic } from './fixtures';

const REASON = 'Accepted by the security team, ticket SEC-42';

/** Synthesize without the plugin, then hand the written templates to it as CDK does. */
function validate(build: (app: ReturnType<typeof newApp>) => void, validator = new LexscribeValidator({ checks: [HIGH, MEDIUM] })) {
  const app = newApp({ context: { 'aws:cdk:enable-path-metadata': true } });
  build(app);
  const assembly = app.synth();
  const templatePaths = [assembly, ...assembly.nestedAssemblies.map((n) => n.nestedAssembly)].flatMap((a) => a.stacks.map((s) => s.templateFullPath));
  return validator.validate({ templatePaths, appConstruct: app });
}

describe('LexscribeValidator (CDK policy-validation plugin)', () => {
  test('one violation per check id, with the offending resources, construct paths and property locations', () => {
    const report = validate((app) => {
      const stack = new Stack(app, 'Api', { env: ENV });
      topic(stack, 'First', 'FAIL');
      topic(stack, 'Second', 'FAIL');
      topic(stack, 'Fine', 'PASS');
    });
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => [v.ruleName, v.severity])).toEqual([
      ['TEST-HIGH-1', 'error'],
      ['TEST-MED-1', 'warning'],
    ]);
    const [high] = report.violations;
    expect(high.description).toBe('TEST-HIGH-1 [HIGH] Topics say they are fine: the topic says it fails');
    expect(high.fix).toBe('Set DisplayName to PASS. https://docs.aws.amazon.com/sns/latest/dg/welcome.html');
    expect(high.violatingResources.map((r) => [r.constructPath, r.locations, r.templatePath?.endsWith('Api.template.json')])).toEqual([
      ['Api/First/Resource', ['Properties/DisplayName'], true],
      ['Api/Second/Resource', ['Properties/DisplayName'], true],
    ]);
    expect(high.violatingResources[0].resourceLogicalId).toMatch(/^First[0-9A-F]{8}$/);
  });

  test('a resource with several findings of a check is listed once, with every reason', () => {
    const [violation] = validate((app) => topic(new Stack(app, 'Api', { env: ENV }), 'Twice', 'KEYS'), new LexscribeValidator({ checks: [HIGH] })).violations;
    expect(violation.description).toBe('TEST-HIGH-1 [HIGH] Topics say they are fine: first part is wrong; second part is wrong');
    expect(violation.violatingResources.map((r) => r.constructPath)).toEqual(['Api/Twice/Resource']);
  });

  test('succeeds with warnings only, honours failOn and the suppressions written into the template', () => {
    const build = (app: ReturnType<typeof newApp>) => {
      const stack = new Stack(app, 'Api', { env: ENV });
      LexscribeSuppressions.addResourceSuppressions(topic(stack, 'Accepted', 'FAIL'), [{ id: 'TEST-HIGH-1', reason: REASON }]);
    };
    const lenient = validate(build);
    expect(lenient.success).toBe(true);
    expect(lenient.violations.map((v) => [v.ruleName, v.severity])).toEqual([['TEST-MED-1', 'warning']]);
    const strict = validate(build, new LexscribeValidator({ checks: [HIGH, MEDIUM], failOn: 'MEDIUM' }));
    expect(strict.success).toBe(false);
  });

  test('an expired suppression is a warning, and its finding is back', () => {
    const report = validate(
      (app) => LexscribeSuppressions.addResourceSuppressions(topic(new Stack(app, 'Api', { env: ENV }), 'Old', 'FAIL'), [{ id: 'TEST-HIGH-1', reason: REASON, expires: '2020-01-31' }]),
      new LexscribeValidator({ checks: [HIGH] }),
    );
    expect(report.violations.map((v) => [v.ruleName, v.severity, v.description])).toEqual([
      ['TEST-HIGH-1', 'error', 'TEST-HIGH-1 [HIGH] Topics say they are fine: the topic says it fails'],
      ['TEST-HIGH-1', 'warning', 'TEST-HIGH-1 Suppression of TEST-HIGH-1 on Api/Old/Resource expired on 2020-01-31; the finding is reported again.'],
    ]);
    expect(report.violations[1].violatingResources.map((r) => r.constructPath)).toEqual(['Api/Old/Resource']);
  });

  test('UNKNOWN is a warning unless failOnUnknown', () => {
    const build = (app: ReturnType<typeof newApp>) => {
      const stack = new Stack(app, 'Api', { env: ENV });
      new sns.Topic(stack, 'Unknowable', { displayName: new CfnParameter(stack, 'Name').valueAsString });
    };
    const report = validate(build, new LexscribeValidator({ checks: [HIGH] }));
    expect(report.violations.map((v) => [v.severity, v.description])).toEqual([
      ['warning', 'TEST-HIGH-1 [UNKNOWN, HIGH] Topics say they are fine: display name cannot be known: parameter Name has no value and no default'],
    ]);
    expect(report.success).toBe(true);
    expect(validate(build, new LexscribeValidator({ checks: [HIGH], failOnUnknown: true })).success).toBe(false);
  });

  test('each Stage assembly is checked as an app of its own; cross-stack imports are resolved', () => {
    const report = validate(
      (app) => {
        const prod = new Stage(app, 'Prod', { env: ENV });
        const shared = new Stack(prod, 'Shared');
        const key = new kms.Key(shared, 'Key');
        const bots = new Stack(prod, 'Bots');
        new lex.CfnBotAlias(bots, 'Alias', {
          botId: 'BOTID12345',
          botAliasName: 'live',
          conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::logs', logPrefix: 'a/', kmsKeyArn: key.keyArn } } }] },
        });
      },
      new LexscribeValidator({ checks: [findCheck('LEX-DP-2')!] }),
    );
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
  });

  test('registered with Validations.of(app), a blocking violation stops the synth with CDK’s report', () => {
    const app = newApp();
    topic(new Stack(app, 'Api', { env: ENV }), 'Failing', 'FAIL');
    Validations.of(app).addPlugins(new LexscribeValidator({ checks: [HIGH] }));
    expect(() => app.synth()).toThrow(/TEST-HIGH-1[\s\S]*Api\/Failing\/Resource/);
  });

  test('registered with Validations.of(app), a blocking violation in a stack inside a Stage stops the synth too', () => {
    const app = newApp();
    topic(new Stack(new Stage(app, 'Prod', { env: ENV }), 'Api'), 'Failing', 'FAIL');
    topic(new Stack(new Stage(app, 'Test', { env: ENV }), 'Api'), 'Passing', 'PASS');
    Validations.of(app).addPlugins(new LexscribeValidator({ checks: [HIGH] }));
    expect(() => app.synth()).toThrow(/TEST-HIGH-1[\s\S]*Prod\/Api\/Failing\/Resource/);
  });
});
