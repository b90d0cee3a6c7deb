import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { lexAlias, lexBot, logGroup, textLogs } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { ACCOUNT, REGION, addAlias, addBot } from './fixtures';
import { botWithLogs } from '../unknown-values';

const aliasLoggingTo = (stack: Stack, id: string, groupArn: string, enabled = true) => {
  const bot = stack.node.tryFindChild('Bot') ?? addBot(stack);
  addAlias(stack, bot as ReturnType<typeof addBot>, id, { conversationLogSettings: { textLogSettings: [{ enabled, destination: { cloudWatch: { cloudWatchLogGroupArn: groupArn, logPrefix: 't/' } } }] } });
};
const group = (name: string, arn: (s: Stack) => string, status: string): CdkCase => ({ name, cdk: (s) => aliasLoggingTo(s, 'Alias', arn(s)), statuses: { Group: status } });
const motoGroup = (retention?: number) => async (aws: Seed) => void (await lexAlias(aws, await lexBot(aws), { conversationLogSettings: textLogs(await logGroup(aws, '/lex/support', { retention })) }));

export default {
  synth: {
    PASS: [group('L2 log group with its default retention', (s) => new logs.LogGroup(s, 'Group').logGroupArn, 'PASS')],
    FAIL: [
      { name: 'RetentionInDays -1 (not one of the values CloudWatch Logs allows)', template: botWithLogs({ retention: '-1' }), statuses: { Logs: 'FAIL' }, reason: /-1 is not one of 1, 3, 5, 7, 14, 30/ },
      { name: 'RetentionInDays 10', template: botWithLogs({ retention: '10' }), statuses: { Logs: 'FAIL' }, reason: /10 is not one of/ },
      group('L2 log group kept forever', (s) => new logs.LogGroup(s, 'Group', { retention: logs.RetentionDays.INFINITE }).logGroupArn, 'FAIL'),
      {
        name: 'a group shared by two aliases is judged once; disabled logs are ignored',
        cdk: (stack) => {
          const g = new logs.LogGroup(stack, 'Group', { retention: logs.RetentionDays.INFINITE });
          aliasLoggingTo(stack, 'Prod', g.logGroupArn);
          aliasLoggingTo(stack, 'Canary', g.logGroupArn);
          aliasLoggingTo(stack, 'Off', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:elsewhere`, false);
        },
        statuses: { Group: 'FAIL' },
      },
    ],
    UNKNOWN: [
      group('L1 log group with retention from a parameter', (s) => new logs.CfnLogGroup(s, 'Group', { retentionInDays: new CfnParameter(s, 'Days', { type: 'Number' }).valueAsNumber }).attrArn, 'UNKNOWN'),
      { name: 'a log group outside the app is UNKNOWN on the alias', cdk: (s) => aliasLoggingTo(s, 'Alias', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:shared-lex`), statuses: { Alias: 'UNKNOWN' } },
    ],
    NOT_APPLICABLE: [{ name: 'no text logs', cdk: (s) => void addAlias(s, addBot(s)), statuses: { Test: 'NOT_APPLICABLE' } }],
  },
  live: {
    PASS: [{ name: 'a 30-day retention (the alias ARN finds the group the logs collector read)', moto: motoGroup(30), statuses: { 'log-group//lex/support': 'PASS' } }],
    FAIL: [{ name: 'no retention', moto: motoGroup(), statuses: { 'log-group//lex/support': 'FAIL' } }],
    UNKNOWN: [{ name: 'logs:DescribeLogGroups denied', moto: motoGroup(30), deny: ['logs:DescribeLogGroups'], statuses: { 'log-group//lex/support': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
