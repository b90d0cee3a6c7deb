import { CfnParameter, type Stack } from 'aws-cdk-lib';
import lexDp1 from '../../../checks/data-protection/lex-dp-1-child-directed';
import { synthStack } from '../../helpers/synth';
import { newBot } from './lex-fixtures';
import { live, runLive, scope } from './live-graph';

const children = [{ key: 'audience', value: 'children' }];

describe('LEX-DP-1 ChildDirected is explicit and matches the audience', () => {
  test.each([
    ['FAIL', 'camelCase childDirected (CfnBot.dataPrivacy is passed verbatim)', () => ({ dataPrivacy: { childDirected: true } }), /spells childDirected/],
    ['FAIL', 'DataPrivacy without ChildDirected', () => ({ dataPrivacy: {} }), /not set/],
    ['FAIL', 'tagged audience=children but not child-directed', () => ({ dataPrivacy: { ChildDirected: false }, botTags: children }), /audience=children/],
    ['PASS', 'child-directed bot for children', () => ({ dataPrivacy: { ChildDirected: true }, botTags: children }), /child-directed/],
    ['PASS', 'explicitly not child-directed', () => ({ dataPrivacy: { ChildDirected: false } }), /explicitly false/],
    ['UNKNOWN', 'ChildDirected from a parameter without default', (s: Stack) => ({ dataPrivacy: { ChildDirected: new CfnParameter(s, 'Child').valueAsString } }), /parameter Child/],
    [
      'UNKNOWN',
      'not child-directed, audience tag from a parameter',
      (s: Stack) => ({ botTags: [{ key: 'audience', value: new CfnParameter(s, 'Audience').valueAsString }] }),
      /tag cannot be known/,
    ],
  ])('%s: %s', (expected, _what, props, reason) => {
    const out = synthStack((stack) => newBot(stack, props(stack)), { checks: [lexDp1] });
    expect(out.statuses('LEX-DP-1')).toEqual({ Bot: expected });
    expect(out.of('LEX-DP-1')[0].reason).toMatch(reason);
  });

  test('a configured audience tag', () => {
    const out = synthStack((stack) => newBot(stack, { botTags: [{ key: 'users', value: 'Kids' }] }), {
      checks: [lexDp1],
      config: { checks: { 'LEX-DP-1': { options: { audienceTagKey: 'users', childAudienceValues: ['kids'] } } } },
    });
    expect(out.statuses('LEX-DP-1')).toEqual({ Bot: 'FAIL' });
  });

  test('live: DescribeBot in CloudFormation shape', () => {
    const { statuses } = runLive(lexDp1, [scope('us-east-1', [live('AWS::Lex::Bot', 'BOT1', { DataPrivacy: { ChildDirected: true }, BotTags: children })])]);
    expect(statuses).toEqual({ BOT1: 'PASS' });
  });
});
