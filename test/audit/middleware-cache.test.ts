import { DeleteBotCommand, DescribeBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { GetBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { ClientPool } from '../../lib/sources/account/clients';

/** A pool whose handler answers nothing: each request's method, host and path is recorded, then rejected. */
async function recordingPool() {
  const seen: string[] = [];
  const pool = new ClientPool({
    credentials: async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }),
    maxAttempts: 1,
    requestTimeoutMs: 1000,
    concurrency: 8,
    hooks: {
      createRequestHandler: () =>
        ({
          handle: async (request: { method: string; hostname: string; path: string }) => {
            // Answer late, so that the calls of one command overlap as they do in an audit.
            await new Promise((done) => setTimeout(done, 5));
            seen.push(`${request.method} ${request.hostname}${request.path}`);
            throw new Error('offline');
          },
        }) as never,
    },
  });
  await pool.open();
  return { pool, seen };
}

describe("the SDK's kept middleware (cacheMiddleware)", () => {
  it('is used where the endpoint does not depend on the request, and never for S3', async () => {
    const { pool } = await recordingPool();
    expect((pool.get(LexModelsV2Client, 'us-east-1').config as { cacheMiddleware?: boolean }).cacheMiddleware).toBe(true);
    expect((pool.get(S3Client, 'us-east-1').config as { cacheMiddleware?: boolean }).cacheMiddleware).toBe(false);
    pool.close();
  });

  it('sends each concurrent call of one command with its own input', async () => {
    const { pool, seen } = await recordingPool();
    const lex = pool.get(LexModelsV2Client, 'us-east-1');
    const ids = ['BOTAAAAAA1', 'BOTBBBBBB2', 'BOTCCCCCC3', 'BOTDDDDDD4'];
    await Promise.allSettled(ids.map((botId) => lex.send(new DescribeBotCommand({ botId }))));
    expect(seen.sort()).toEqual(ids.map((id) => `GET models-v2-lex.us-east-1.amazonaws.com/bots/${id}`));
    pool.close();
  });

  it('keeps refusing writes on every send, not only the first', async () => {
    const { pool, seen } = await recordingPool();
    const lex = pool.get(LexModelsV2Client, 'us-east-1');
    for (let i = 0; i < 3; i++) await expect(lex.send(new DeleteBotCommand({ botId: 'BOTAAAAAA1' }))).rejects.toThrow(/read-only/);
    expect(seen).toEqual([]);
    pool.close();
  });

  it('sends S3 calls for different buckets to their own buckets', async () => {
    const { pool, seen } = await recordingPool();
    const s3 = pool.get(S3Client, 'us-east-1');
    const buckets = ['audio-one', 'audio-two', 'audio-three'];
    await Promise.allSettled(buckets.map((Bucket) => s3.send(new GetBucketPolicyCommand({ Bucket }))));
    expect(seen.sort()).toEqual(buckets.map((b) => `GET ${b}.s3.us-east-1.amazonaws.com/`).sort());
    pool.close();
  });
});
