import { Aspects, CfnParameter, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { SynthesisMessage } from 'aws-cdk-lib/cx-api';
import * as sns from 'aws-cdk-lib/aws-sns';
import { LexscribeChecks, type LexscribeChecksProps } from '../../lib/cdk/aspect';
import { LexscribeSuppressions } from '../../lib/cdk/suppressions';
import { ENV, HIGH, MEDIUM, newApp, topic } from './fixtures';

/** One stack with a topic per verdict, checked by a HIGH and a MEDIUM test check. */
function synth(props: LexscribeChecksProps = {}, build: (stack: Stack) => void = () => undefined) {
  const app = newApp();
  const stack = new Stack(app, 'Test', { env: ENV });
  topic(stack, 'Failing', 'FAIL');
  topic(stack, 'Passing', 'PASS');
  new sns.Topic(stack, 'Unknowable', { displayName: new CfnParameter(stack, 'Name').valueAsString });
  build(stack);
  Aspects.of(app).add(new LexscribeChecks({ reports: false, checks: [HIGH, MEDIUM], ...props }));
  app.synth();
  return Annotations.fromStack(stack);
}

const messages = (entries: SynthesisMessage[]) => entries.map((e) => String(e.entry.data));

describe('annotations of the LexscribeChecks aspect', () => {
  test.each([
    ['default failOn (HIGH)', {}, { error: ['TEST-HIGH-1'], warning: ['TEST-MED-1'] }],
    ['failOn MEDIUM', { failOn: 'MEDIUM' as const }, { error: ['TEST-HIGH-1', 'TEST-MED-1'], warning: [] }],
    ['failOn lower case', { failOn: 'critical' as const }, { error: [], warning: ['TEST-HIGH-1', 'TEST-MED-1'] }],
  ])('FAIL findings on the L1: %s', (_what, props, expected) => {
    const a = synth(props);
    const ids = (list: string[]) => list.map((m) => m.split(' ')[0]).sort();
    expect(ids(messages(a.findError('/Test/Failing/Resource', Match.anyValue())))).toEqual(expected.error);
    expect(ids(messages(a.findWarning('/Test/Failing/Resource', Match.anyValue())))).toEqual(expected.warning);
  });

  test('the text starts with the check id and ends with the remediation', () => {
    const [text] = messages(synth().findError('/Test/Failing/Resource', Match.anyValue()));
    expect(text).toBe('TEST-HIGH-1 [HIGH] Topics say they are fine: the topic says it fails. Fix: Set DisplayName to PASS.');
  });

  test('UNKNOWN is a warning, or an error with failOnUnknown; PASS is silent', () => {
    const warned = messages(synth().findWarning('/Test/Unknowable/Resource', Match.anyValue()));
    expect(warned).toHaveLength(2);
    expect(warned[0]).toMatch(/^TEST-HIGH-1 \[UNKNOWN, HIGH\] Topics say they are fine: display name cannot be known: .*\. Fix: Set DisplayName to PASS\.$/);
    expect(synth({ failOnUnknown: true }).findError('/Test/Unknowable/Resource', Match.anyValue())).toHaveLength(2);
    const a = synth();
    expect([...a.findError('/Test/Passing/Resource', Match.anyValue()), ...a.findWarning('/Test/Passing/Resource', Match.anyValue())]).toEqual([]);
  });

  test('SUPPRESSED is silent, or an info annotation when asked', () => {
    const suppress = (stack: Stack) =>
      LexscribeSuppressions.addResourceSuppressions(stack.node.findChild('Failing'), [{ id: 'TEST-HIGH-1', reason: 'Accepted until the topic is renamed' }]);
    const quiet = synth({}, suppress);
    expect(quiet.findError('/Test/Failing/Resource', Match.anyValue())).toEqual([]);
    expect(quiet.findInfo('/Test/Failing/Resource', Match.anyValue())).toEqual([]);
    const [info] = messages(synth({ showSuppressed: true }, suppress).findInfo('/Test/Failing/Resource', Match.anyValue()));
    expect(info).toBe(
      'TEST-HIGH-1 [SUPPRESSED, HIGH] Topics say they are fine: the topic says it fails; suppressed: Accepted until the topic is renamed. Fix: Set DisplayName to PASS.',
    );
  });

  test('a blocking finding makes `cdk synth` fail the way CDK errors do (an error annotation in the manifest)', () => {
    const app = newApp();
    const stack = new Stack(app, 'Test', { env: ENV });
    topic(stack, 'Failing', 'FAIL');
    Aspects.of(app).add(new LexscribeChecks({ reports: false, checks: [HIGH] }));
    const artifact = app.synth().getStackByName('Test');
    expect(artifact.messages.filter((m) => m.level === 'error').map((m) => m.id)).toEqual(['/Test/Failing/Resource']);
  });

  test('an aspect on one stack checks that stack only', () => {
    const app = newApp();
    const checked = new Stack(app, 'Checked', { env: ENV });
    const other = new Stack(app, 'Other', { env: ENV });
    topic(checked, 'Failing', 'FAIL');
    topic(other, 'Failing', 'FAIL');
    const aspect = new LexscribeChecks({ reports: false, checks: [HIGH] });
    Aspects.of(checked).add(aspect);
    app.synth();
    expect(Annotations.fromStack(checked).findError('*', Match.anyValue())).toHaveLength(1);
    expect(Annotations.fromStack(other).findError('*', Match.anyValue())).toEqual([]);
    expect(aspect.results.get('')!.findings.map((f) => f.resource.stack)).toEqual(['Checked']);
  });

  test('resources of a nested stack are checked and annotated; the nested stack is named by its construct path', () => {
    const app = newApp();
    const parent = new Stack(app, 'Parent', { env: ENV });
    const nested = new NestedStack(parent, 'Bots');
    topic(nested, 'Failing', 'FAIL');
    const aspect = new LexscribeChecks({ reports: false, checks: [HIGH] });
    Aspects.of(app).add(aspect);
    app.synth();
    expect(aspect.results.get('')!.findings.map((f) => [f.resource.stack, f.resource.constructPath, f.status])).toEqual([['Parent/Bots', 'Parent/Bots/Failing/Resource', 'FAIL']]);
    // A nested stack's annotations are reported with its parent's artifact.
    expect(messages(Annotations.fromStack(parent).findError('/Parent/Bots/Failing/Resource', Match.anyValue()))).toHaveLength(1);
  });

  test('a bad failOn is refused when the aspect is created', () => {
    expect(() => new LexscribeChecks({ failOn: 'SEVERE' as never })).toThrow(/failOn must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL \(got "SEVERE"\)/);
  });
});
