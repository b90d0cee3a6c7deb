import { GetBotsCommand, LexModelBuildingServiceClient } from '@aws-sdk/client-lex-model-building-service';
import { mockClient } from 'aws-sdk-client-mock';
import { lexV1Bots } from '../../../lib/sources/account/collectors/lex-v1';
import { LEX_V1_BOT } from '../../../lib/model/types/lex';
import { liveResource, scope, type CheckTable, type MockedCase } from '../../tester';

const NO_V1 = 'moto 5.2 has no Lex V1 model-building API (GetBots: HTTP 404)';
const getBots = (name: string, bots: Array<{ name: string }>, expect: Partial<MockedCase>): MockedCase => ({
  name,
  emulated: NO_V1,
  collectors: [lexV1Bots],
  sdk: () => {
    const v1 = mockClient(LexModelBuildingServiceClient);
    v1.on(GetBotsCommand).resolves({ bots });
    return [v1];
  },
  ...expect,
});

export default {
  live: {
    PASS: [getBots('no V1 bot in the Region', [], { statuses: { '123456789012/us-east-1': 'PASS' }, severity: 'LOW' })],
    FAIL: [
      getBots('a V1 bot in the Region', [{ name: 'Old' }], { statuses: { 'lex-v1-bot/Old': 'FAIL' }, severity: 'LOW' }),
      {
        name: 'judges each Region, not the global scope',
        emulated: 'several Regions and the global scope in one audit (moto holds one Region per test, and no V1 API)',
        stacks: [scope([]), scope([liveResource(LEX_V1_BOT, 'lex-v1-bot/Old', { Name: 'Old' })], { region: 'eu-west-1' }), scope([], { region: 'global' })],
        statuses: { '123456789012/us-east-1': 'PASS', 'lex-v1-bot/Old': 'FAIL' },
      },
    ],
    UNKNOWN: [{ name: 'a Region whose Lex V1 endpoint does not answer: UNKNOWN at INFO, never a pass', moto: async () => undefined, collectors: [lexV1Bots], severity: 'INFO', reason: /lex:GetBots/, statuses: { '123456789012/us-east-1': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
