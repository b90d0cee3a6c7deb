import { CfnParameter, type CfnTag, type Stack } from 'aws-cdk-lib';
import { lexAlias, lexBot } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { newAlias, newBot } from '../data-protection/lex-fixtures';

const tagged = (name: string, tags: (s: Stack) => CfnTag[], status: string, reason: RegExp): CdkCase => ({
  name,
  cdk: (stack) => {
    const list = tags(stack);
    newAlias(stack, newBot(stack, { botTags: list }), { botAliasTags: list });
  },
  statuses: { Bot: status, Alias: status },
  reason,
});

export default {
  synth: {
    PASS: [
      tagged('classified phi', () => [{ key: 'Data-Classification', value: 'PHI' }], 'PASS', /sensitive/),
      tagged('classified internal', () => [{ key: 'data-classification', value: 'internal' }], 'PASS', /^data-classification=internal$/),
      { name: 'a configured tag key', cdk: (s) => void newBot(s, { botTags: [{ key: 'classification', value: 'pci' }] }), options: { classificationTagKey: 'classification' }, statuses: { Bot: 'PASS' } },
    ],
    FAIL: [tagged('untagged', () => [], 'FAIL', /no data-classification tag/), tagged('empty value', () => [{ key: 'data-classification', value: ' ' }], 'FAIL', /no data-classification tag/)],
    UNKNOWN: [tagged('a tag key from a parameter', (s) => [{ key: new CfnParameter(s, 'TagKey').valueAsString, value: 'phi' }], 'UNKNOWN', /cannot be known/)],
  },
  live: {
    PASS: [{ name: 'a bot classified internal (ListTagsForResource)', moto: async (aws) => void (await lexBot(aws, { tags: { 'data-classification': 'internal' } })), statuses: { 'bot/Support': 'PASS' } }],
    FAIL: [{ name: 'an unclassified bot and alias', moto: async (aws) => void (await lexAlias(aws, await lexBot(aws))), statuses: { 'bot/Support': 'FAIL', 'bot/Support/alias/Prod': 'FAIL' } }],
    UNKNOWN: [{ name: 'lex:ListTagsForResource denied', moto: async (aws) => void (await lexBot(aws)), deny: ['lex:ListTagsForResource'], statuses: { 'bot/Support': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
