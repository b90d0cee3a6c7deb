import { Aspects, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { ENV, newApp } from './fixtures';

test('at synth, a bot made by a custom resource is named in a coverage warning on its stack, as a scan names it', () => {
  const app = newApp();
  const stack = new Stack(app, 'Bots', { env: ENV });
  new CfnResource(stack, 'Bot', { type: 'Custom::LexBot', properties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:f' } });
  Aspects.of(app).add(new LexscribeChecks({ reports: false }));
  app.synth();
  const warnings = Annotations.fromStack(stack)
    .findWarning('*', Match.stringLikeRegexp('defined by a custom resource'))
    .map((m) => String(m.entry.data));
  expect(warnings).toEqual([expect.stringMatching(/^lexscribe: .*Bots\.template\.json: 1 Lex resource defined by a custom resource is not checked: Bot \(Custom::LexBot\); /)]);
});
