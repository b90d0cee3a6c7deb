import { CfnParameter, type Stack } from 'aws-cdk-lib';
import check from '../../../checks/iam/lex-iam-9-tags';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, bot, botWithAlias, liveResource, runLive } from './lex-fixtures';

const TAGS = [
  { key: 'data-classification', value: 'internal' },
  { key: 'Owner', value: 'contact-centre' },
];

describe('LEX-IAM-9 bots and aliases carry the required tags', () => {
  test.each([
    ['FAIL', 'no tags at all', () => ({}), { Bot: 'FAIL,FAIL,FAIL,FAIL' }],
    ['FAIL', 'bot tags without the test alias tags', () => ({ botTags: TAGS }), { Bot: 'FAIL,FAIL' }],
    ['PASS', 'both lists, keys compared case-insensitively', () => ({ botTags: TAGS, testBotAliasTags: TAGS }), { Bot: 'PASS' }],
    ['UNKNOWN', 'a tag key from a parameter', (stack: Stack) => ({ botTags: [{ key: new CfnParameter(stack, 'Key').valueAsString, value: 'x' }], testBotAliasTags: TAGS }), { Bot: 'UNKNOWN' }],
  ])('%s: %s', (_expected, _what, props, expected) => {
    expect(synthStack((stack) => bot(stack, props(stack)), { checks: [check] }).statuses('LEX-IAM-9')).toEqual(expected);
  });

  test('aliases, granular keys, and a configured key list', () => {
    const out = synthStack((stack) => botWithAlias(stack, { botAliasTags: [{ key: 'owner', value: 'x' }] }), {
      checks: [check],
      config: { checks: { 'LEX-IAM-9': { options: { requiredTagKeys: ['owner', 'cost-centre'] } } } },
    });
    expect(out.of('LEX-IAM-9').filter((f) => f.resource.logicalId === 'Alias').map((f) => f.findingKey)).toEqual(['BotAliasTags::cost-centre']);
  });

  test('live: TestBotAliasTags is write-only, so only BotTags is required of a bot read from the account', () => {
    const out = runLive(check, [
      liveResource('AWS::Lex::Bot', 'BOTID', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`, { BotTags: [{ Key: 'owner', Value: 'x' }, { Key: 'data-classification', Value: 'pii' }] }),
      liveResource('AWS::Lex::BotAlias', 'BOTID/alias/prod', `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/ALIASID`, { BotId: 'BOTID', BotAliasTags: [{ Key: 'owner', Value: 'x' }] }),
    ]);
    expect(out).toEqual({ BOTID: 'PASS', 'BOTID/alias/prod': 'FAIL' });
  });
});
