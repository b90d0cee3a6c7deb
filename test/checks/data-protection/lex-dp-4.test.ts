import { CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import lexDp4 from '../../../checks/data-protection/lex-dp-4-text-log-group-kms';
import { ENV, synth, synthStack } from '../../helpers/synth';
import { newAlias, newBot } from './lex-fixtures';
import { ACCOUNT, live, runLive, scope } from './live-graph';

const textLogs = (cloudWatchLogGroupArn: string) => ({
  conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn, logPrefix: 't/' } } }] },
});

describe('LEX-DP-4 text-log group is KMS-encrypted', () => {
  test.each([
    ['FAIL', 'a log group without a key', (s: Stack) => new logs.LogGroup(s, 'Group').logGroupArn, /has no KMS key/],
    ['PASS', 'a log group with a key', (s: Stack) => new logs.LogGroup(s, 'Group', { encryptionKey: new kms.Key(s, 'Key') }).logGroupArn, /encrypted with/],
    ['PASS', 'a literal ARN naming a log group of the app', (s: Stack) => {
      new logs.LogGroup(s, 'Group', { logGroupName: '/lex/support', encryptionKey: new kms.Key(s, 'Key') });
      return `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/lex/support:*`;
    }, /encrypted with/],
    ['UNKNOWN', 'a log group outside the app', () => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/shared/lex:*`, /log group arn:aws:logs:.*:log-group:\/shared\/lex:\* is not defined in this app/],
    ['UNKNOWN', 'an import no stack of the app exports', () => Fn.importValue('BaselineLexLogGroupArn'), /no stack in this run exports it/],
    ['UNKNOWN', 'a log group ARN from a parameter', (s: Stack) => new CfnParameter(s, 'GroupArn').valueAsString, /parameter GroupArn/],
  ])('%s: %s', (expected, _what, arn, reason) => {
    const out = synthStack((stack) => newAlias(stack, newBot(stack), textLogs(arn(stack))), { checks: [lexDp4] });
    expect(out.statuses('LEX-DP-4')).toEqual({ Bot: 'NOT_APPLICABLE', Alias: expected });
    expect(out.of('LEX-DP-4').find((f) => f.resource.logicalId === 'Alias')?.reason).toMatch(reason);
  });

  test('the log group in one stack, the alias in another (Fn::ImportValue of an export)', () => {
    const out = synth(
      (app) => {
        const logsStack = new Stack(app, 'Logs', { env: ENV });
        const group = new logs.LogGroup(logsStack, 'Group', { encryptionKey: new kms.Key(logsStack, 'Key') });
        const botStack = new Stack(app, 'Bots', { env: ENV });
        newAlias(botStack, newBot(botStack), textLogs(group.logGroupArn));
      },
      { checks: [lexDp4] },
    );
    const template = JSON.stringify(out.app.synth().getStackByName('Bots').template);
    expect(template).toContain('Fn::ImportValue');
    expect(out.statuses('LEX-DP-4')).toEqual({ Bot: 'NOT_APPLICABLE', Alias: 'PASS' });
  });

  test('a bot classified pci: HIGH', () => {
    const out = synthStack(
      (stack) => newAlias(stack, newBot(stack, { botTags: [{ key: 'data-classification', value: 'PCI' }] }), textLogs(new logs.LogGroup(stack, 'Group').logGroupArn)),
      { checks: [lexDp4] },
    );
    expect(out.of('LEX-DP-4').find((f) => f.resource.logicalId === 'Alias')).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
  });

  test('live: log groups matched by name from the alias ARN', () => {
    const alias = (id: string, group: string) =>
      live('AWS::Lex::BotAlias', id, {
        BotId: 'B1',
        ConversationLogSettings: { TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:*`, LogPrefix: 'p' } } }] },
      });
    const { statuses, findings } = runLive(lexDp4, [
      scope('us-east-1', [
        live('AWS::Logs::LogGroup', 'g1', { LogGroupName: '/lex/enc', KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` }),
        live('AWS::Logs::LogGroup', 'g2', { LogGroupName: '/lex/plain' }),
        alias('Encrypted', '/lex/enc'),
        alias('Plain', '/lex/plain'),
        alias('Elsewhere', '/other'),
      ]),
    ]);
    expect(statuses).toEqual({ Encrypted: 'PASS', Plain: 'FAIL', Elsewhere: 'UNKNOWN' });
    expect(findings.find((f) => f.resource.logicalId === 'Elsewhere')?.reason).toMatch(/was not found in the account scan/);
  });
});
