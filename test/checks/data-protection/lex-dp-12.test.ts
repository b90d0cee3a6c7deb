import { CfnParameter, type Stack } from 'aws-cdk-lib';
import lexDp12 from '../../../checks/data-protection/lex-dp-12-sentiment-analysis';
import { synthStack } from '../../helpers/synth';
import { newAlias, newBot } from './lex-fixtures';

describe('LEX-DP-12 sentiment analysis only where approved', () => {
  test.each([
    ['FAIL', 'sentiment on', () => ({ DetectSentiment: true })],
    ['PASS', 'sentiment off', () => ({ DetectSentiment: false })],
    ['PASS', 'not configured', () => undefined],
    ['UNKNOWN', 'from a parameter', (s: Stack) => ({ DetectSentiment: new CfnParameter(s, 'Sentiment').valueAsString })],
  ])('%s: %s', (expected, _what, settings) => {
    const out = synthStack((stack) => newAlias(stack, newBot(stack), { sentimentAnalysisSettings: settings(stack) }), { checks: [lexDp12] });
    expect(out.statuses('LEX-DP-12')).toEqual({ Bot: 'PASS', Alias: expected });
    if (expected === 'FAIL') expect(out.of('LEX-DP-12').find((f) => f.resource.logicalId === 'Alias')?.severity).toBe('INFO');
  });

  test('FAIL: camelCase detectSentiment in the test alias settings (typed any, passed verbatim)', () => {
    const out = synthStack((stack) => newBot(stack, { testBotAliasSettings: { sentimentAnalysisSettings: { detectSentiment: true } } }), { checks: [lexDp12] });
    expect(out.statuses('LEX-DP-12')).toEqual({ Bot: 'FAIL' });
    expect(out.of('LEX-DP-12')[0].reason).toMatch(/spells detectSentiment/);
  });
});
