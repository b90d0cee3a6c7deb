import type { Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import lexDp7 from '../../../checks/data-protection/lex-dp-7-log-data-protection';
import { synthStack } from '../../helpers/synth';
import { newAlias, newBot } from './lex-fixtures';
import { live, runLive, scope } from './live-graph';

describe('LEX-DP-7 data-protection policy on the conversation-log group', () => {
  const identifiers = [logs.DataIdentifier.EMAILADDRESS];
  test.each([
    ['FAIL', 'a log group without a policy', (s: Stack) => new logs.LogGroup(s, 'Group').logGroupArn],
    ['PASS', 'a log group with a policy', (s: Stack) => new logs.LogGroup(s, 'Group', { dataProtectionPolicy: new logs.DataProtectionPolicy({ identifiers }) }).logGroupArn],
    ['UNKNOWN', 'a log group outside the app', () => 'arn:aws:logs:us-east-1:123456789012:log-group:/shared:*'],
  ])('%s: %s', (expected, _what, arn) => {
    const out = synthStack(
      (stack) => newAlias(stack, newBot(stack), { conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: arn(stack), logPrefix: 't' } } }] } }),
      { checks: [lexDp7] },
    );
    expect(out.statuses('LEX-DP-7')).toEqual({ Bot: 'NOT_APPLICABLE', Alias: expected });
  });

  test('PASS: an account-level data-protection policy covers the group (in the app, and as collectors report it)', () => {
    const out = synthStack(
      (stack) => {
        new logs.CfnAccountPolicy(stack, 'Masking', { policyName: 'mask', policyType: 'DATA_PROTECTION_POLICY', policyDocument: '{}' });
        const group = new logs.LogGroup(stack, 'Group');
        newAlias(stack, newBot(stack), { conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 't' } } }] } });
      },
      { checks: [lexDp7] },
    );
    expect(out.statuses('LEX-DP-7').Alias).toBe('PASS');
    const { statuses } = runLive(lexDp7, [
      scope('us-east-1', [
        live('AWS::Logs::LogGroup', 'g', { LogGroupName: '/lex', InheritedProperties: ['ACCOUNT_DATA_PROTECTION'] }),
        live('AWS::Lex::BotAlias', 'A', {
          BotId: 'B',
          ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/lex:*' } } }] },
        }),
      ]),
    ]);
    expect(statuses).toEqual({ A: 'PASS' });
  });
});
