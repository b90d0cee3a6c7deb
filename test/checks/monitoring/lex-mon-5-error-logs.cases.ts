import { CfnParameter, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import { lexBot } from '../../tester/seed';
import { mockedLexBot } from '../../tester/lex-mock';
import type { CdkCase, CheckTable } from '../../tester';
import { addBot } from './fixtures';

const bot = (name: string, extra: (s: Stack) => Partial<lex.CfnBotProps>, status: string): CdkCase => ({ name, cdk: (s) => void addBot(s, 'Bot', extra(s)), statuses: { Bot: status } });
const NO_ERROR_LOGS = 'moto 5.2 keeps no errorLogSettings: DescribeBot never returns it';

export default {
  synth: {
    PASS: [bot('error logging enabled', () => ({ errorLogSettings: { enabled: true } }), 'PASS')],
    FAIL: [bot('no error log settings', () => ({}), 'FAIL'), bot('error logging disabled', () => ({ errorLogSettings: { enabled: false } }), 'FAIL')],
    UNKNOWN: [bot('Enabled from a parameter', (s) => ({ errorLogSettings: { enabled: new CfnParameter(s, 'On').valueAsString as unknown as boolean } }), 'UNKNOWN')],
  },
  live: {
    PASS: [mockedLexBot('DescribeBot errorLogSettings enabled, in CloudFormation shape', NO_ERROR_LOGS, { errorLogs: true }, { statuses: { 'bot/Support': 'PASS' } })],
    FAIL: [{ name: 'a bot without error logging (DescribeBot)', moto: async (aws) => void (await lexBot(aws, { extra: { errorLogSettings: { enabled: false } } })), statuses: { 'bot/Support': 'FAIL' } }],
    UNKNOWN: [{ name: 'lex:DescribeBot denied', moto: async (aws) => void (await lexBot(aws)), deny: ['lex:DescribeBot'], statuses: { 'bot/Support': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
