import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { constructsIn } from '../../lib/cdk/tree';

describe('constructsIn', () => {
  function app(): App {
    const root = new App();
    const stack = new Stack(root, 'A');
    new sns.Topic(stack, 'T1');
    const group = new Construct(stack, 'Group');
    new sns.Topic(group, 'T2');
    new sns.Topic(new NestedStack(stack, 'Nested'), 'T3');
    new sns.Topic(new Stack(new Stage(root, 'Prod'), 'B'), 'T4');
    return root;
  }

  test.each([
    ['the app', (a: App) => a],
    ['a stack', (a: App) => a.node.findChild('A')],
    ['a leaf', (a: App) => a.node.findChild('A').node.findChild('T1').node.defaultChild!],
  ])('holds what findAll holds, in the same order, from %s', (_what, pick) => {
    const scope = pick(app());
    const paths = constructsIn(scope).map((c) => c.node.path);
    expect(paths).toEqual(scope.node.findAll().map((c) => c.node.path));
    expect(paths[0]).toBe(scope.node.path);
  });

  test('reaches into nested stacks and stages, as findAll does', () => {
    const paths = constructsIn(app()).map((c) => c.node.path);
    expect(paths).toEqual(expect.arrayContaining(['A/Nested/T3/Resource', 'Prod/B/T4/Resource']));
  });
});
