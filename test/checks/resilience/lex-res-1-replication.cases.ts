import { CfnParameter, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import { mockedLexBot } from '../../tester/lex-mock';
import { lexBot } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { addBot } from '../monitoring/fixtures';

const bot = (name: string, extra: (s: Stack) => Partial<lex.CfnBotProps>, status: string): CdkCase => ({ name, cdk: (s) => void addBot(s, 'Bot', extra(s)), statuses: { Bot: status } });
const NO_REPLICAS = 'moto 5.2 has no ListBotReplicas (HTTP 500)';

export default {
  synth: {
    PASS: [bot('replica in us-west-2', () => ({ replication: { replicaRegions: ['us-west-2'] } }), 'PASS')],
    FAIL: [
      bot('no replication', () => ({}), 'FAIL'),
      bot('replica in its own Region', () => ({ replication: { replicaRegions: ['us-east-1'] } }), 'FAIL'),
      {
        name: 'with criticalTag set, only tagged bots are judged',
        cdk: (stack) => {
          addBot(stack, 'Critical', { botTags: [{ key: 'tier', value: 'Critical' }] });
          addBot(stack, 'Internal', { botTags: [{ key: 'tier', value: 'internal' }] });
        },
        options: { criticalTag: 'tier=critical' },
        statuses: { Critical: 'FAIL', Internal: 'NOT_APPLICABLE' },
      },
    ],
    UNKNOWN: [bot('replica Region from a parameter', (s) => ({ replication: { replicaRegions: [new CfnParameter(s, 'Region').valueAsString] } }), 'UNKNOWN')],
  },
  live: {
    PASS: [mockedLexBot('a replica in us-west-2 (ListBotReplicas)', NO_REPLICAS, { replicas: [{ replicaRegion: 'us-west-2', botReplicaStatus: 'Enabled' }] }, { statuses: { 'bot/Support': 'PASS' } })],
    FAIL: [mockedLexBot('no replica', NO_REPLICAS, { replicas: [] }, { statuses: { 'bot/Support': 'FAIL' } })],
    UNKNOWN: [{ name: 'the replicas moto cannot list are unknown, never absent', moto: async (aws) => void (await lexBot(aws)), statuses: { 'bot/Support': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
