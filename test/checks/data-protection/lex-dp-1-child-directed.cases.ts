import { CfnParameter } from 'aws-cdk-lib';
import { lexBot } from '../../tester/seed';
import type { CheckTable } from '../../tester';
import { newBot } from './lex-fixtures';
import { botWithLogs } from '../unknown-values';

const children = [{ key: 'audience', value: 'children' }];

export default {
  synth: {
    PASS: [
      { name: 'a child-directed bot for children', cdk: (s) => void newBot(s, { dataPrivacy: { ChildDirected: true }, botTags: children }), statuses: { Bot: 'PASS' }, reason: /child-directed/ },
      { name: 'explicitly not child-directed', cdk: (s) => void newBot(s, { dataPrivacy: { ChildDirected: false } }), statuses: { Bot: 'PASS' }, reason: /explicitly false/ },
    ],
    FAIL: [
      { name: 'ChildDirected: "maybe"', template: botWithLogs({ childDirected: '"maybe"' }), statuses: { Bot: 'FAIL' }, reason: /"maybe" is not true or false/ },
      {
        name: 'camelCase childDirected (CfnBot.dataPrivacy is passed verbatim)',
        cdk: (s) => void newBot(s, { dataPrivacy: { childDirected: true } }),
        statuses: { Bot: 'FAIL' },
        reason: /spells childDirected/,
      },
      { name: 'DataPrivacy without ChildDirected', cdk: (s) => void newBot(s, { dataPrivacy: {} }), statuses: { Bot: 'FAIL' }, reason: /not set/ },
      {
        name: 'tagged audience=children but not child-directed',
        cdk: (s) => void newBot(s, { dataPrivacy: { ChildDirected: false }, botTags: children }),
        statuses: { Bot: 'FAIL' },
        reason: /audience=children/,
      },
      {
        name: 'a configured audience tag (users=Kids)',
        cdk: (s) => void newBot(s, { botTags: [{ key: 'users', value: 'Kids' }] }),
        options: { audienceTagKey: 'users', childAudienceValues: ['kids'] },
        statuses: { Bot: 'FAIL' },
      },
    ],
    UNKNOWN: [
      {
        name: 'ChildDirected from a parameter without default',
        cdk: (s) => void newBot(s, { dataPrivacy: { ChildDirected: new CfnParameter(s, 'Child').valueAsString } }),
        statuses: { Bot: 'UNKNOWN' },
        reason: /parameter Child/,
      },
      {
        name: 'not child-directed, audience tag from a parameter',
        cdk: (s) => void newBot(s, { botTags: [{ key: 'audience', value: new CfnParameter(s, 'Audience').valueAsString }] }),
        statuses: { Bot: 'UNKNOWN' },
        reason: /tag cannot be known/,
      },
    ],
  },
  live: {
    PASS: [
      { name: 'DescribeBot: explicitly not child-directed', moto: async (aws) => void (await lexBot(aws)), statuses: { 'bot/Support': 'PASS' } },
      {
        name: 'DescribeBot: child-directed, tagged for children',
        moto: async (aws) => void (await lexBot(aws, { childDirected: true, tags: { audience: 'children' } })),
        statuses: { 'bot/Support': 'PASS' },
        reason: /declared child-directed/,
      },
    ],
    FAIL: [
      {
        name: 'tagged audience=children (ListTagsForResource) but not child-directed',
        moto: async (aws) => void (await lexBot(aws, { tags: { audience: 'children' } })),
        statuses: { 'bot/Support': 'FAIL' },
        reason: /audience=children/,
      },
    ],
    UNKNOWN: [{ name: 'lex:DescribeBot denied', moto: async (aws) => void (await lexBot(aws)), deny: ['lex:DescribeBot'], statuses: { 'bot/Support': 'UNKNOWN' }, reason: /was denied/ }],
  },
} satisfies CheckTable;
