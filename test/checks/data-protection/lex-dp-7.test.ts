import type { Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import lexDp7 from '../../../checks/data-protection/lex-dp-7-log-data-protection';
import { synthStack } from '../../helpers/synth';
import { newAlias, newBot } from './lex-fixtures';

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
});
