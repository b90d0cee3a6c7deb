import { CfnParameter, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import check from '../../../checks/monitoring/lex-mon-5-error-logs';
import { synthStack } from '../../helpers/synth';
import { LIVE_BOT, live, statusesOf, addBot } from './fixtures';

const ID = 'LEX-MON-5';

describe('LEX-MON-5 bot error logging', () => {
  test.each<[string, string, (stack: Stack) => Partial<lex.CfnBotProps>]>([
    ['FAIL', 'no error log settings', () => ({})],
    ['FAIL', 'error logging disabled', () => ({ errorLogSettings: { enabled: false } })],
    ['PASS', 'error logging enabled', () => ({ errorLogSettings: { enabled: true } })],
    ['UNKNOWN', 'Enabled from a parameter', (stack) => ({ errorLogSettings: { enabled: new CfnParameter(stack, 'On').valueAsString as unknown as boolean } })],
  ])('%s: %s', (expected, _what, extra) => {
    const out = synthStack((stack) => addBot(stack, 'Bot', extra(stack)));
    expect(out.statuses(ID)).toEqual({ Bot: expected });
  });

  test('live: DescribeBot errorLogSettings in CloudFormation shape', () => {
    const bot = { ...LIVE_BOT, props: { ...LIVE_BOT.props, ErrorLogSettings: { Enabled: true } } };
    expect(statusesOf(live([check], [bot]))).toEqual({ BOTID1: 'PASS' });
  });
});
