import { CreateBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { CreateBucketCommand, PutBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateVocabularyCommand, GetTranscriptionJobCommand, StartTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import type { Report } from '../../lib/report/report';
import { ACCOUNT, REGION, useMoto } from './moto';

const moto = useMoto();

/** A Lex bot, a vocabulary, and two finished jobs: one to the service bucket, one to a customer bucket. */
async function seed(): Promise<void> {
  await moto.client(LexModelsV2Client).send(
    new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }),
  );
  const s3 = moto.client(S3Client);
  await s3.send(new CreateBucketCommand({ Bucket: 'transcripts' }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: 'transcripts', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
  const transcribe = moto.client(TranscribeClient);
  await transcribe.send(new CreateVocabularyCommand({ VocabularyName: 'products', LanguageCode: 'en-US', Phrases: ['lexscribe'] }));
  for (const [name, bucket] of [['to-service', undefined], ['to-customer', 'transcripts']] as const) {
    await transcribe.send(new StartTranscriptionJobCommand({ TranscriptionJobName: name, LanguageCode: 'en-US', Media: { MediaFileUri: `s3://media/${name}.wav` }, OutputBucketName: bucket }));
    // moto moves a job one state per read; the audit sees finished jobs.
    for (let i = 0; i < 3; i++) await transcribe.send(new GetTranscriptionJobCommand({ TranscriptionJobName: name }));
  }
}

describe('lexscribe audit (CLI against moto) with Lex and Transcribe resources', () => {
  it('reports Transcribe findings by ARN next to the Lex ones, and says what moto could not list', async () => {
    await seed();
    const { stdout } = await moto.cli(['audit', '--endpoint-url', moto.url, '--region', REGION, '--max-attempts', '1', '--since', '30', '-f', 'json']);
    const report = JSON.parse(stdout) as Report;
    // No check stumbles on the live Transcribe shapes.
    expect(report.findings.filter((f) => f.status === 'ERROR').map((f) => `${f.checkId}: ${f.reason}`)).toEqual([]);
    const job = (name: string) => `arn:aws:transcribe:${REGION}:${ACCOUNT}:transcription-job/${name}`;
    const iam6 = report.findings.filter((f) => f.checkId === 'TR-IAM-6' && f.resource.arn === job('to-service')).map((f) => `${f.findingKey}:${f.status}`);
    expect(iam6).toEqual(expect.arrayContaining(['Tags::owner:FAIL']));
    expect(report.findings.some((f) => f.checkId.startsWith('TR-') && f.resource.arn === `arn:aws:transcribe:${REGION}:${ACCOUNT}:vocabulary/products`)).toBe(true);
    expect(report.findings.some((f) => f.checkId.startsWith('LEX-') && f.resource.type === 'AWS::Lex::Bot')).toBe(true);
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/Live::Transcribe::CallAnalyticsJob not evaluated in 123456789012\/us-east-1: transcribe:ListCallAnalyticsJobs/);
    const dp1 = report.findings.filter((f) => f.checkId === 'TR-DP-1').map((f) => [f.resource.arn, f.status]);
    expect(dp1).toEqual(expect.arrayContaining([[job('to-service'), 'FAIL'], [job('to-customer'), 'PASS']]));
    const dp2 = report.findings.find((f) => f.checkId === 'TR-DP-2' && f.resource.arn === job('to-customer'));
    expect(dp2).toMatchObject({ status: 'FAIL', resource: { type: 'Live::Transcribe::TranscriptionJob', region: REGION, account: ACCOUNT } });
  });
});
