import { CfnParameter } from 'aws-cdk-lib';
import { lexBot } from '../../tester/seed';
import type { CheckTable } from '../../tester';
import { newBot } from './lex-fixtures';
import { botWithLogs } from '../unknown-values';

export default {
  synth: {
    PASS: [
      { name: 'TTL 300 s', cdk: (s) => void newBot(s, { idleSessionTtlInSeconds: 300 }), statuses: { Bot: 'PASS' } },
      { name: 'TTL 3600 s with a threshold of 3600 s', cdk: (s) => void newBot(s, { idleSessionTtlInSeconds: 3600 }), options: { maxIdleSessionTtlSeconds: 3600 }, statuses: { Bot: 'PASS' } },
    ],
    FAIL: [
      { name: 'TTL 3600 s over the default 900 s', cdk: (s) => void newBot(s, { idleSessionTtlInSeconds: 3600 }), statuses: { Bot: 'FAIL' } },
      // Below CloudFormation's range: not a short TTL, an invalid one.
      { name: 'TTL -1 (CloudFormation allows 60 to 86400)', template: botWithLogs({ ttl: '-1' }), statuses: { Bot: 'FAIL' }, reason: /-1 is not an integer from 60 to 86400/ },
      { name: 'TTL given as a word', template: botWithLogs({ ttl: 'soon' }), statuses: { Bot: 'FAIL' }, reason: /"soon" is not an integer from 60 to 86400/ },
    ],
    UNKNOWN: [
      { name: 'TTL from a parameter', cdk: (s) => void newBot(s, { idleSessionTtlInSeconds: new CfnParameter(s, 'Ttl', { type: 'Number' }).valueAsNumber }), statuses: { Bot: 'UNKNOWN' } },
      {
        name: 'a template without IdleSessionTTLInSeconds',
        template: { Resources: { Bot: { Type: 'AWS::Lex::Bot', Properties: { Name: 'b', RoleArn: 'arn:aws:iam::123456789012:role/r', DataPrivacy: { ChildDirected: false } } } } },
        statuses: { Bot: 'UNKNOWN' },
        reason: /CloudFormation requires it/,
      },
    ],
  },
  live: {
    PASS: [{ name: 'a 300 s idle session', moto: async (aws) => void (await lexBot(aws, { ttl: 300 })), statuses: { 'bot/Support': 'PASS' } }],
    FAIL: [{ name: 'a 3600 s idle session', moto: async (aws) => void (await lexBot(aws, { ttl: 3600 })), statuses: { 'bot/Support': 'FAIL' } }],
    UNKNOWN: [{ name: 'lex:DescribeBot denied', moto: async (aws) => void (await lexBot(aws)), deny: ['lex:DescribeBot'], statuses: { 'bot/Support': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
