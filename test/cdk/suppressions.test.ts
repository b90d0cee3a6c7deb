import { Aspects, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { LexscribeSuppressions } from '../../lib/cdk/suppressions';
import { ENV, HIGH, newApp, topic } from './fixtures';

const REASON = 'Accepted by the security team, ticket SEC-42';

function stackWith(build: (stack: Stack) => void) {
  const app = newApp();
  const stack = new Stack(app, 'Api', { env: ENV });
  build(stack);
  return { app, stack };
}

/** Synthesize with the HIGH test check; statuses by construct path, warnings and infos of the stack. */
function check(build: (stack: Stack) => void) {
  const { app, stack } = stackWith(build);
  const aspect = new LexscribeChecks({ reports: false, checks: [HIGH] });
  Aspects.of(app).add(aspect);
  app.synth();
  const findings = aspect.results.get('')!.findings;
  const statuses = Object.fromEntries(findings.map((f) => [`${f.resource.constructPath}${f.findingKey ? ` ${f.findingKey}` : ''}`, f.status]));
  const warnings = Annotations.fromStack(stack)
    .findWarning('*', Match.anyValue())
    .map((w) => `${w.id} ${String(w.entry.data)}`);
  return { statuses, warnings, findings };
}

describe('LexscribeSuppressions writes CloudFormation Metadata', () => {
  test('on an L2, into its default child, merged with metadata already there', () => {
    const { stack } = stackWith((s) => {
      const t = topic(s, 'Topic', 'FAIL');
      (t.node.defaultChild as CfnResource).addMetadata('other-tool', { keep: true });
      LexscribeSuppressions.addResourceSuppressions(t, [{ id: 'TEST-HIGH-1', reason: REASON, expires: '2099-01-31' }]);
      LexscribeSuppressions.addResourceSuppressions(t, [{ id: 'lex-dp-2', reason: REASON, appliesTo: ['Key::*'] }]);
    });
    Template.fromStack(stack).hasResource('AWS::SNS::Topic', {
      Metadata: {
        'other-tool': { keep: true },
        lexscribe: {
          suppressions: [
            { id: 'TEST-HIGH-1', reason: REASON, expires: '2099-01-31' },
            { id: 'LEX-DP-2', reason: REASON, appliesTo: ['Key::*'] },
          ],
        },
      },
    });
  });

  test('applyToChildren reaches every L1 below; a construct with no resource is refused', () => {
    const { stack } = stackWith((s) => {
      const group = new Construct(s, 'Group');
      topic(s, 'Outside', 'FAIL');
      new sns.Topic(group, 'A');
      new sns.Topic(group, 'B');
      LexscribeSuppressions.addResourceSuppressions(group, [{ id: 'TEST-HIGH-1', reason: REASON }], true);
      expect(() => LexscribeSuppressions.addResourceSuppressions(group, [{ id: 'TEST-HIGH-1', reason: REASON }])).toThrow(
        '[lexscribe] Api/Group: this construct is not a CloudFormation resource and has no default child resource; pass the L1 itself, or applyToChildren: true to suppress on every resource below it',
      );
    });
    const topics = Template.fromStack(stack).findResources('AWS::SNS::Topic', { Metadata: { lexscribe: Match.anyValue() } });
    expect(Object.keys(topics).map((id) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['GroupA', 'GroupB']);
  });

  test('stack suppressions go into the template Metadata', () => {
    const { stack } = stackWith((s) => {
      s.addMetadata('Owner', 'team-a');
      LexscribeSuppressions.addStackSuppressions(s, [{ id: 'TEST-HIGH-1', reason: REASON }]);
    });
    expect(Template.fromStack(stack).toJSON().Metadata).toEqual({ Owner: 'team-a', lexscribe: { suppressions: [{ id: 'TEST-HIGH-1', reason: REASON, origin: 'cdk' }] } });
  });

  test('by construct path glob; a glob that reaches no resource is refused', () => {
    const { stack } = stackWith((s) => {
      topic(s, 'PublicAlerts', 'FAIL');
      topic(s, 'PrivateAlerts', 'FAIL');
      LexscribeSuppressions.addSuppressionsByPath(s, '/Api/Public*', [{ id: 'TEST-HIGH-1', reason: REASON }]);
      expect(() => LexscribeSuppressions.addSuppressionsByPath(s, 'Api/Nothing/**', [{ id: 'TEST-HIGH-1', reason: REASON }])).toThrow(
        '[lexscribe] Api: no CloudFormation resource has a construct path matching "Api/Nothing/**"',
      );
    });
    const suppressed = Template.fromStack(stack).findResources('AWS::SNS::Topic', { Metadata: { lexscribe: Match.anyValue() } });
    expect(Object.keys(suppressed).map((id) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual(['PublicAlerts']);
  });

  test.each([
    ['a short reason', { id: 'TEST-HIGH-1', reason: 'ok' }, /\[lexscribe\] Api\/Topic: suppression of TEST-HIGH-1 needs a reason of at least 10 characters saying why the finding is accepted \(got "ok"\)/],
    ['a date that is not ISO', { id: 'TEST-HIGH-1', reason: REASON, expires: '31/01/2027' }, /expires on "31\/01\/2027", which is not an ISO date such as 2027-03-01/],
    ['an id that is no check id', { id: 'everything', reason: REASON }, /suppression id must be a check id such as LEX-DP-2/],
    ['an empty appliesTo', { id: 'TEST-HIGH-1', reason: REASON, appliesTo: [] }, /appliesTo of the suppression of TEST-HIGH-1 must be a non-empty list/],
  ])('refuses %s, naming the construct', (_what, suppression, message) => {
    stackWith((s) => {
      const t = topic(s, 'Topic', 'FAIL');
      expect(() => LexscribeSuppressions.addResourceSuppressions(t, [suppression])).toThrow(message);
    });
  });
});

describe('suppressions at synth', () => {
  test('a suppressed FAIL is SUPPRESSED, with its reason in the finding', () => {
    const { statuses, findings, warnings } = check((s) =>
      LexscribeSuppressions.addResourceSuppressions(topic(s, 'Topic', 'FAIL'), [{ id: 'TEST-HIGH-1', reason: REASON, expires: '2099-12-31' }]),
    );
    expect(statuses).toEqual({ 'Api/Topic/Resource': 'SUPPRESSED' });
    expect(findings[0].suppression).toEqual({ reason: REASON, expires: '2099-12-31', source: 'cdk' });
    expect(warnings).toEqual([]);
  });

  test('an expired suppression no longer applies: the finding is back and a warning says so', () => {
    const { app, stack } = stackWith((s) =>
      LexscribeSuppressions.addResourceSuppressions(topic(s, 'Topic', 'FAIL'), [{ id: 'TEST-HIGH-1', reason: REASON, expires: '2020-01-31' }]),
    );
    Aspects.of(app).add(new LexscribeChecks({ reports: false, checks: [HIGH] }));
    app.synth();
    const a = Annotations.fromStack(stack);
    expect(a.findError('/Api/Topic/Resource', Match.stringLikeRegexp('^TEST-HIGH-1 \\[HIGH\\]'))).toHaveLength(1);
    expect(a.findWarning('/Api/Topic/Resource', Match.anyValue()).map((w) => w.entry.data)).toEqual([
      'TEST-HIGH-1 Suppression of TEST-HIGH-1 on Api/Topic/Resource expired on 2020-01-31; the finding is reported again.',
    ]);
  });

  test('a suppression that matched nothing is a warning on its resource, even where the check found nothing', () => {
    const { warnings } = check((s) => {
      LexscribeSuppressions.addResourceSuppressions(topic(s, 'Passing', 'PASS'), [{ id: 'TEST-HIGH-1', reason: REASON }]);
      LexscribeSuppressions.addResourceSuppressions(new sns.Subscription(s, 'Sub', { topic: topic(s, 'T', 'PASS'), protocol: sns.SubscriptionProtocol.SQS, endpoint: 'arn:aws:sqs:us-east-1:123456789012:q' }), [
        { id: 'TEST-HIGH-1', reason: REASON },
      ]);
    });
    expect(warnings).toEqual([
      '/Api/Passing/Resource TEST-HIGH-1 Suppression of TEST-HIGH-1 on Api/Passing/Resource matched no finding; remove it.',
      '/Api/Sub/Resource TEST-HIGH-1 Suppression of TEST-HIGH-1 on Api/Sub/Resource matched no finding; remove it.',
    ]);
  });

  test('appliesTo suppresses only the finding keys it names', () => {
    const { statuses } = check((s) =>
      LexscribeSuppressions.addResourceSuppressions(topic(s, 'Topic', 'KEYS'), [{ id: 'TEST-HIGH-1', reason: REASON, appliesTo: ['Part::one'] }]),
    );
    expect(statuses).toEqual({ 'Api/Topic/Resource Part::one': 'SUPPRESSED', 'Api/Topic/Resource Part::two': 'FAIL' });
  });

  test('a stack suppression covers every resource of the stack; unused, it is a warning on the stack', () => {
    expect(
      check((s) => {
        topic(s, 'A', 'FAIL');
        topic(s, 'B', 'FAIL');
        LexscribeSuppressions.addStackSuppressions(s, [{ id: 'TEST-HIGH-1', reason: REASON }]);
      }).statuses,
    ).toEqual({ 'Api/A/Resource': 'SUPPRESSED', 'Api/B/Resource': 'SUPPRESSED' });
    expect(check((s) => LexscribeSuppressions.addStackSuppressions(s, [{ id: 'TEST-HIGH-1', reason: REASON }])).warnings).toEqual([
      '/Api TEST-HIGH-1 Suppression of TEST-HIGH-1 on stack Api matched no finding; remove it.',
    ]);
  });
});
