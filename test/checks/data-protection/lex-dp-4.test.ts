import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import lexDp4 from '../../../checks/data-protection/lex-dp-4-text-log-group-kms';
import { ENV, synth } from '../../helpers/synth';
import { newAlias, newBot } from './lex-fixtures';

/** The tester table (lex-dp-4-text-log-group-kms.cases.ts) holds the cases; this one also looks at the template. */
describe('LEX-DP-4 text-log group is KMS-encrypted', () => {
  test('the log group in one stack, the alias in another (Fn::ImportValue of an export)', () => {
    const out = synth(
      (app) => {
        const logsStack = new Stack(app, 'Logs', { env: ENV });
        const group = new logs.LogGroup(logsStack, 'Group', { encryptionKey: new kms.Key(logsStack, 'Key') });
        const botStack = new Stack(app, 'Bots', { env: ENV });
        newAlias(botStack, newBot(botStack), { conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: group.logGroupArn, logPrefix: 't/' } } }] } });
      },
      { checks: [lexDp4] },
    );
    const template = JSON.stringify(out.app.synth().getStackByName('Bots').template);
    expect(template).toContain('Fn::ImportValue');
    expect(out.statuses('LEX-DP-4')).toEqual({ Bot: 'NOT_APPLICABLE', Alias: 'PASS' });
  });
});
