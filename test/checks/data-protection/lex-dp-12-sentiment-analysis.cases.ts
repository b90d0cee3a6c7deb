import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { lexAlias, lexBot } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';

const sentiment = (name: string, settings: (s: Stack) => unknown, status: string): CdkCase => ({
  name,
  cdk: (stack) => void newAlias(stack, newBot(stack), { sentimentAnalysisSettings: settings(stack) }),
  statuses: { Bot: 'PASS', Alias: status },
});
const motoAlias = (detectSentiment?: boolean) => async (aws: Seed) =>
  void (await lexAlias(aws, await lexBot(aws), detectSentiment === undefined ? {} : { sentimentAnalysisSettings: { detectSentiment } }));

export default {
  synth: {
    PASS: [sentiment('sentiment off', () => ({ DetectSentiment: false }), 'PASS'), sentiment('not configured', () => undefined, 'PASS')],
    FAIL: [
      { ...sentiment('sentiment on', () => ({ DetectSentiment: true }), 'FAIL'), resource: 'Alias', severity: 'INFO' },
      {
        name: 'camelCase detectSentiment in the test alias settings (typed any, passed verbatim)',
        cdk: (stack) => void newBot(stack, { testBotAliasSettings: { sentimentAnalysisSettings: { detectSentiment: true } } }),
        statuses: { Bot: 'FAIL' },
        reason: /spells detectSentiment/,
      },
    ],
    UNKNOWN: [sentiment('from a parameter', (s) => ({ DetectSentiment: new CfnParameter(s, 'Sentiment').valueAsString }), 'UNKNOWN')],
  },
  live: {
    PASS: [
      { name: 'an alias without sentiment analysis', moto: motoAlias(false), statuses: { 'bot/Support': 'PASS', 'bot/Support/alias/Prod': 'PASS' } },
      { name: 'an alias that never configured it', moto: motoAlias(), statuses: { 'bot/Support': 'PASS', 'bot/Support/alias/Prod': 'PASS' } },
    ],
    FAIL: [{ name: 'an alias that detects sentiment', moto: motoAlias(true), resource: 'alias/Prod', severity: 'INFO' }],
    UNKNOWN: [{ name: 'lex:ListBotAliases denied: the test alias settings of the bot', moto: motoAlias(true), deny: ['lex:ListBotAliases'], resource: 'bot/Support', reason: /lex:ListBotAliases was denied/ }],
  },
} satisfies CheckTable;
