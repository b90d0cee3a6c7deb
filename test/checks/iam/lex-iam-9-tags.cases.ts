import { CfnParameter, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import { lexAlias, lexBot } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable } from '../../tester';
import { ACCOUNT, bot, botWithAlias } from './lex-fixtures';

const TAGS = [
  { key: 'data-classification', value: 'internal' },
  { key: 'Owner', value: 'contact-centre' },
];
const tagged = (name: string, props: (s: Stack) => Partial<lex.CfnBotProps>, statuses: Record<string, string>): CdkCase => ({ name, cdk: (s) => void bot(s, props(s)), statuses });
const REQUIRED = { 'data-classification': 'internal', owner: 'support' };

export default {
  synth: {
    PASS: [
      tagged('both lists, keys compared case-insensitively', () => ({ botTags: TAGS, testBotAliasTags: TAGS }), { Bot: 'PASS' }),
      // One finding per missing tag: a missing data classification is LEX-COMP-1's to report.
      tagged('the ABAC key without a classification (LEX-COMP-1 reports that one)', () => ({ botTags: [TAGS[1]], testBotAliasTags: [TAGS[1]] }), { Bot: 'PASS' }),
    ],
    FAIL: [
      tagged('no tags at all', () => ({}), { 'Bot[BotTags::owner]': 'FAIL', 'Bot[TestBotAliasTags::owner]': 'FAIL' }),
      tagged('bot tags without the test alias tags', () => ({ botTags: TAGS }), { 'Bot[TestBotAliasTags::owner]': 'FAIL' }),
      {
        name: 'the classification key can still be required',
        cdk: (s) => void bot(s, { botTags: [TAGS[1]], testBotAliasTags: [TAGS[1]] }),
        options: { requiredTagKeys: ['owner', 'data-classification'] },
        statuses: { 'Bot[BotTags::data-classification]': 'FAIL', 'Bot[TestBotAliasTags::data-classification]': 'FAIL' },
      },
      {
        name: 'aliases, granular keys, and a configured key list',
        cdk: (s) => void botWithAlias(s, { botAliasTags: [{ key: 'owner', value: 'x' }] }),
        options: { requiredTagKeys: ['owner', 'cost-centre'] },
        resource: 'Alias',
        findingKey: 'BotAliasTags::cost-centre',
        then: (findings) => expect(findings.filter((f) => f.resource.logicalId === 'Alias').map((f) => f.findingKey)).toEqual(['BotAliasTags::cost-centre']),
      },
    ],
    UNKNOWN: [tagged('a tag key from a parameter', (s) => ({ botTags: [{ key: new CfnParameter(s, 'Key').valueAsString, value: 'x' }], testBotAliasTags: TAGS }), { 'Bot[BotTags]': 'UNKNOWN' })],
  },
  live: {
    PASS: [{ name: 'a bot with the required tags (TestBotAliasTags is write-only: only BotTags is required live)', moto: async (aws) => void (await lexBot(aws, { tags: REQUIRED })), statuses: { 'bot/Support': 'PASS' } }],
    FAIL: [
      { name: 'a bot without tags', moto: async (aws) => void (await lexBot(aws)), statuses: { 'bot/Support[BotTags::owner]': 'FAIL' } },
      {
        name: 'an alias missing a required tag',
        emulated: 'moto files alias tags under a malformed ARN and has no route to read them back',
        stacks: [
          scope([
            liveResource('AWS::Lex::Bot', 'BOTID', { BotTags: [{ Key: 'owner', Value: 'x' }, { Key: 'data-classification', Value: 'pii' }] }, `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`),
            liveResource('AWS::Lex::BotAlias', 'BOTID/alias/prod', { BotId: 'BOTID', BotAliasTags: [{ Key: 'data-classification', Value: 'pii' }] }, `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/ALIASID`),
          ]),
        ],
        statuses: { BOTID: 'PASS', 'BOTID/alias/prod[BotAliasTags::owner]': 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'lex:ListTagsForResource denied', moto: async (aws) => void (await lexAlias(aws, await lexBot(aws, { tags: REQUIRED }))), deny: ['lex:ListTagsForResource'], resource: 'bot/Support' }],
  },
} satisfies CheckTable;
