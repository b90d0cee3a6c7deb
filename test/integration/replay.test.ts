import { CreateBotCommand, DescribeBotCommand, DescribeResourcePolicyCommand, LexModelsV2Client, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { CreateBucketCommand, GetBucketLocationCommand, S3Client } from '@aws-sdk/client-s3';
import { GetTranscriptionJobCommand, StartTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { replay } from '../../bench/replay';
import { MotoRequestHandler } from './moto-adapter';
import { ACCOUNT, DUMMY_CREDENTIALS, REGION, useMoto } from './moto';

const moto = useMoto();

/** Clients that share one recording adapter, as the audit's do (bench/audit.ts replays what it records). */
function recording() {
  const handler = new MotoRequestHandler({});
  handler.record = true;
  const config = { region: REGION, endpoint: moto.url, credentials: DUMMY_CREDENTIALS, forcePathStyle: true, maxAttempts: 1, requestHandler: handler };
  const clients = { lex: new LexModelsV2Client(config), s3: new S3Client(config), transcribe: new TranscribeClient(config) };
  return { handler, ...clients, destroy: () => Object.values(clients).forEach((c) => c.destroy()) };
}

async function seed(): Promise<string> {
  const lex = moto.client(LexModelsV2Client);
  const { botId } = await lex.send(new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
  await moto.client(S3Client).send(new CreateBucketCommand({ Bucket: 'transcripts' }));
  await moto.client(TranscribeClient).send(new StartTranscriptionJobCommand({ TranscriptionJobName: 'call-1', LanguageCode: 'en-US', Media: { MediaFileUri: 's3://media/call-1.wav' }, OutputBucketName: 'transcripts' }));
  return botId!;
}

/** Reads of three protocols (REST JSON, REST XML, JSON 1.1), one answered with an error. */
async function reads(r: ReturnType<typeof recording>, botId: string): Promise<void> {
  await r.lex.send(new ListBotsCommand({ maxResults: 10 }));
  await r.lex.send(new DescribeBotCommand({ botId }));
  await expect(r.lex.send(new DescribeResourcePolicyCommand({ resourceArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${botId}` }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  await r.s3.send(new GetBucketLocationCommand({ Bucket: 'transcripts' }));
  await r.transcribe.send(new GetTranscriptionJobCommand({ TranscriptionJobName: 'call-1' }));
}

/** The requests of `reads`, as a recording adapter kept them. */
async function recorded(botId: string) {
  const r = recording();
  try {
    await reads(r, botId);
  } finally {
    r.destroy();
  }
  return r.handler.sent;
}

describe('the audit benchmark replay (bench/replay.ts)', () => {
  it('sends the recorded requests again and gets the answers they got', async () => {
    const botId = await seed();
    const sent = await recorded(botId);
    expect(sent.map((s) => `${s.method} ${s.status}`)).toEqual(['POST 200', 'GET 200', 'GET 500', 'GET 200', 'POST 200']);
    expect(sent[1].path).toBe(`/bots/${botId}/`);
    expect(sent[3].path).toBe('/transcripts/?location=');
    expect(JSON.parse(Buffer.from(sent[4].body!, 'base64').toString())).toEqual({ TranscriptionJobName: 'call-1' });

    expect(await replay(moto.url, sent, 2)).toMatchObject({ calls: 5, changed: 0 });
    expect(await replay(moto.url, sent, 2, 2)).toMatchObject({ calls: 3, changed: 0 });
  });

  it('counts the answers that differ from those recorded', async () => {
    const sent = await recorded(await seed());
    await moto.server.reset();
    // The bot, the bucket and the job are gone: their three reads now fail; the list (now empty) and the missing policy answer as before.
    expect(await replay(moto.url, sent, 2)).toMatchObject({ calls: 5, changed: 3 });
  });

  it('records nothing unless asked', async () => {
    const handler = new MotoRequestHandler({});
    const lex = new LexModelsV2Client({ region: REGION, endpoint: moto.url, credentials: DUMMY_CREDENTIALS, maxAttempts: 1, requestHandler: handler });
    await lex.send(new ListBotsCommand({}));
    lex.destroy();
    expect(handler.sent).toEqual([]);
  });
});
