import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import lexDp16 from '../../../checks/data-protection/lex-dp-16-no-personal-data-in-names';
import { piiIn } from '../../../checks/shared/pii';
import { synthStack } from '../../helpers/synth';
import { byConstruct, newAlias, newBot } from './lex-fixtures';

describe('PII patterns', () => {
  test.each([
    ['owner jane.doe@example.com', ['email']],
    ['call +1 415 555 0100', ['phone']],
    ['(415) 555-0100', ['phone']],
    ['ssn 123-45-6789', ['ssn']],
    ['card 4111 1111 1111 1111', ['card']],
    ['4111-1111-1111-1112 fails Luhn', []],
    ['account 123456789012 and build 20261123', []],
    ['support-bot-v2 prod 2026-11-23', []],
  ])('%s', (text, kinds) => {
    expect(piiIn(text)).toEqual(kinds);
  });
});

describe('LEX-DP-16 no personal data in free-text fields', () => {
  test.each([
    ['FAIL', 'an email in the bot description', () => ({ description: 'Owner: jane.doe@example.com' }), {}, { 'Bot[Description::email]': 'FAIL', Alias: 'PASS' }],
    ['FAIL', 'a phone number in a bot tag', () => ({ botTags: [{ key: 'oncall', value: '+14155550100' }] }), {}, { 'Bot[BotTags.0.Value::phone]': 'FAIL', Alias: 'PASS' }],
    [
      'FAIL',
      'an SSN in an alias log prefix',
      () => ({}),
      { conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:1:log-group:g', logPrefix: 'user-123-45-6789/' } } }] } },
      { Bot: 'PASS', 'Alias[ConversationLogSettings.TextLogSettings.0.Destination.CloudWatch.LogPrefix::ssn]': 'FAIL' },
    ],
    ['PASS', 'a name built with Fn::Join around a stack name', (s: Stack) => ({ name: Fn.join('-', [s.stackName, 'support']) }), {}, { Bot: 'PASS', Alias: 'PASS' }],
    ['UNKNOWN', 'a description from a parameter', (s: Stack) => ({ description: new CfnParameter(s, 'Description').valueAsString }), {}, { 'Bot[Description]': 'UNKNOWN', Alias: 'PASS' }],
  ])('%s: %s', (_s, _what, botProps, aliasProps, expected) => {
    const out = synthStack((stack) => newAlias(stack, newBot(stack, botProps(stack)), aliasProps), { checks: [lexDp16] });
    expect(byConstruct(out.of('LEX-DP-16'))).toEqual(expected);
  });

  test('reasons never repeat the personal data', () => {
    const out = synthStack((stack) => newBot(stack, { description: 'jane.doe@example.com' }), { checks: [lexDp16] });
    expect(out.of('LEX-DP-16')[0].reason).not.toContain('jane');
  });
});
