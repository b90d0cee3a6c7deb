import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import lexDp10 from '../../../checks/data-protection/lex-dp-10-child-directed-logging';
import { synthStack } from '../../helpers/synth';
import { newAlias, newBot } from './lex-fixtures';
import { ACCOUNT, live, runLive, scope } from './live-graph';

const textLogs = (s: Stack, enabled: unknown = true) => ({
  conversationLogSettings: {
    textLogSettings: [{ enabled: enabled as boolean, destination: { cloudWatch: { cloudWatchLogGroupArn: new logs.LogGroup(s, 'Group').logGroupArn, logPrefix: 't' } } }],
  },
});

describe('LEX-DP-10 no conversation logs on child-directed bots', () => {
  test.each([
    ['FAIL', 'child-directed bot, alias logs text', { ChildDirected: true }, (s: Stack) => textLogs(s)],
    ['PASS', 'child-directed bot, alias logs nothing', { ChildDirected: true }, () => ({})],
    ['PASS', 'child-directed bot, logs disabled', { ChildDirected: true }, (s: Stack) => textLogs(s, false)],
    ['NOT_APPLICABLE', 'bot not child-directed', { ChildDirected: false }, (s: Stack) => textLogs(s)],
    ['UNKNOWN', 'camelCase childDirected, alias logs', { childDirected: true }, (s: Stack) => textLogs(s)],
    ['UNKNOWN', 'child-directed, Enabled from a parameter', { ChildDirected: true }, (s: Stack) => textLogs(s, new CfnParameter(s, 'On').valueAsString)],
  ])('%s: %s', (expected, _what, dataPrivacy, alias) => {
    const out = synthStack((stack) => newAlias(stack, newBot(stack, { dataPrivacy }), alias(stack)), { checks: [lexDp10] });
    expect(out.statuses('LEX-DP-10').Alias).toBe(expected);
  });

  test('the built-in test alias of a child-directed bot', () => {
    const out = synthStack(
      (stack) =>
        newBot(stack, {
          dataPrivacy: { ChildDirected: true },
          testBotAliasSettings: { conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: 'arn:aws:s3:::b', logPrefix: 'a' } } }] } },
        }),
      { checks: [lexDp10] },
    );
    expect(out.statuses('LEX-DP-10')).toEqual({ Bot: 'FAIL' });
  });

  test('live: an alias finds its bot by ARN', () => {
    const region = 'us-east-1';
    const { statuses } = runLive(lexDp10, [
      scope(region, [
        live('AWS::Lex::Bot', 'KIDS', { DataPrivacy: { ChildDirected: true } }, `arn:aws:lex:${region}:${ACCOUNT}:bot/KIDS`),
        live(
          'AWS::Lex::BotAlias',
          'PROD',
          { BotId: 'KIDS', ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:1:log-group:x' } } }] } },
          `arn:aws:lex:${region}:${ACCOUNT}:bot-alias/KIDS/PROD`,
        ),
      ]),
    ]);
    expect(statuses).toEqual({ KIDS: 'PASS', PROD: 'FAIL' });
  });
});
