import { LexModelsV2Client, ListBotsCommand, DescribeBotCommand } from '@aws-sdk/client-lex-models-v2';
import { ListTranscriptionJobsCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { mockClient } from 'aws-sdk-client-mock';
import { ClientPool } from '../../lib/sources/account/clients';
import { collect, coverageWarnings } from '../../lib/sources/account/runner';
import { BOT, JOB, lexBots, transcribeJobs } from './fixtures';

/**
 * What a proxy in front of moto cannot stage: a Region the account has not enabled (AWS answers with a
 * token error) and a service with no endpoint in a Region (DNS fails). aws-sdk-client-mock answers
 * per Region instead.
 */
const lex = mockClient(LexModelsV2Client);
const transcribe = mockClient(TranscribeClient);

afterAll(() => {
  lex.restore();
  transcribe.restore();
});

const regionOf = async (getClient: () => { config: { region: () => Promise<string> } }) => getClient().config.region();

it('a Region not enabled and a service absent from a Region become gaps there only; the other Regions are evaluated', async () => {
  lex.on(ListBotsCommand).callsFake(async (_input, getClient) => {
    const region = await regionOf(getClient as never);
    if (region === 'eu-south-2') throw Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    return { botSummaries: [{ botId: 'B1', botName: 'Support' }] };
  });
  lex.on(DescribeBotCommand).resolves({ botName: 'Support', dataPrivacy: { childDirected: false } });
  transcribe.on(ListTranscriptionJobsCommand).callsFake(async (_input, getClient) => {
    const region = await regionOf(getClient as never);
    if (region !== 'us-east-1') throw Object.assign(new Error(`getaddrinfo ENOTFOUND transcribe.${region}.amazonaws.com`), { code: 'ENOTFOUND' });
    return { TranscriptionJobSummaries: [{ TranscriptionJobName: 'call-1', OutputLocationType: 'CUSTOMER_BUCKET' }] };
  });

  const pool = new ClientPool({ credentials: async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }), maxAttempts: 1, requestTimeoutMs: 1000, concurrency: 4 });
  await pool.open();
  const out = await collect({ account: '111122223333', partition: 'aws', regions: ['us-east-1', 'eu-west-1', 'eu-south-2'], collectors: [lexBots, transcribeJobs], pool, concurrency: 4 });
  pool.close();

  const byRegion = Object.fromEntries(out.stacks.map((s) => [s.stack.region, { resources: s.resources.map((r) => r.type).sort(), gaps: (s.gaps ?? []).map((g) => `${g.types.join()}: ${g.reason}`).sort() }]));
  expect(byRegion).toEqual({
    'us-east-1': { resources: [BOT, JOB], gaps: [] },
    'eu-west-1': { resources: [BOT], gaps: [`${JOB}: transcribe:ListTranscriptionJobs is not available in eu-west-1 (ENOTFOUND: the service is not offered there or the Region is not enabled)`] },
    'eu-south-2': {
      resources: [],
      gaps: [
        `${BOT}: lex:ListBots is not available in eu-south-2 (UnrecognizedClientException: the service is not offered there or the Region is not enabled)`,
        `${JOB}: transcribe:ListTranscriptionJobs is not available in eu-south-2 (ENOTFOUND: the service is not offered there or the Region is not enabled)`,
      ].sort(),
    },
  });
  expect(coverageWarnings(out)).toHaveLength(3);
});
