import { CloudTrailClient, LookupEventsCommand, type Event } from '@aws-sdk/client-cloudtrail';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetBucketEncryptionCommand, GetBucketLocationCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  GetCallAnalyticsJobCommand,
  GetMedicalScribeJobCommand,
  GetTranscriptionJobCommand,
  GetVocabularyCommand,
  GetVocabularyFilterCommand,
  ListCallAnalyticsCategoriesCommand,
  ListCallAnalyticsJobsCommand,
  ListLanguageModelsCommand,
  ListMedicalScribeJobsCommand,
  ListMedicalTranscriptionJobsCommand,
  ListTagsForResourceCommand,
  ListTranscriptionJobsCommand,
  ListVocabulariesCommand,
  ListVocabularyFiltersCommand,
  TranscribeClient,
} from '@aws-sdk/client-transcribe';
import { mockClient } from 'aws-sdk-client-mock';
import { ALL_CHECKS } from '../../checks';
import { Pipeline, type RunResult } from '../../lib/engine/pipeline';
import { Unknown } from '../../lib/model/values';
import { ClientPool } from '../../lib/sources/account/clients';
import { transcribeArtifacts } from '../../lib/sources/account/collectors/transcribe/artifacts';
import { transcribeJobs } from '../../lib/sources/account/collectors/transcribe/jobs';
import { isReadOnly, operationName, operationOfCommand } from '../../lib/sources/account/operations';
import { collect, type Collected } from '../../lib/sources/account/runner';
import { CALL_ANALYTICS_CATEGORY, CALL_ANALYTICS_JOB, LANGUAGE_MODEL, MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, TRANSCRIPTION_JOB, VOCABULARY, VOCABULARY_FILTER } from '../../lib/model/types/transcribe';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const COLLECTORS = [transcribeJobs, transcribeArtifacts];
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111aaaa-2222-3333-4444-555566667777`;
const DAY = 86_400_000;

const transcribe = mockClient(TranscribeClient);
const s3 = mockClient(S3Client);
const kms = mockClient(KMSClient);
const cloudtrail = mockClient(CloudTrailClient);
/** The SDK client name of each mock, to name the commands it received as IAM does. */
const MOCKS: Array<[string, { reset(): void; calls(): Array<{ args: readonly unknown[] }> }]> = [
  ['TranscribeClient', transcribe],
  ['S3Client', s3],
  ['KMSClient', kms],
  ['CloudTrailClient', cloudtrail],
];

function awsError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} (test)`), { name, $metadata: { httpStatusCode: status } });
}

/** A CloudTrail record of a successful Transcribe call, as LookupEvents returns it. */
function trailEvent(name: string, requestParameters: Record<string, unknown>, time = new Date(Date.now() - DAY)): Event {
  return {
    EventName: name,
    EventTime: time,
    CloudTrailEvent: JSON.stringify({ eventName: name, eventSource: 'transcribe.amazonaws.com', eventTime: time.toISOString(), requestParameters, responseElements: null }),
  };
}

beforeEach(() => {
  for (const [, m] of MOCKS) m.reset();
  // An empty Region: every list answers nothing, buckets and keys do not exist, no CloudTrail history.
  transcribe.onAnyCommand().resolves({});
  transcribe.on(ListTagsForResourceCommand).resolves({ Tags: [] });
  s3.onAnyCommand().rejects(awsError('NoSuchBucket', 404));
  kms.onAnyCommand().rejects(awsError('NotFoundException', 400));
  cloudtrail.on(LookupEventsCommand).resolves({ Events: [] });
});

interface Run {
  collected: Collected;
  result: RunResult;
  props(type: string, id: string): Record<string, unknown>;
  status(checkId: string, id: string): string | undefined;
}

/** The audit runner over the mocked clients, then every live check. */
async function audit(since?: Date): Promise<Run> {
  const pool = new ClientPool({ credentials: async () => ({ accessKeyId: 'AKIATEST', secretAccessKey: 'test' }), maxAttempts: 1, requestTimeoutMs: 1000, concurrency: 8 });
  await pool.open();
  try {
    const collected = await collect({ account: ACCOUNT, partition: 'aws', regions: [REGION], collectors: COLLECTORS, pool, concurrency: 4, since });
    const pipeline = new Pipeline({ checks: ALL_CHECKS, mode: 'live' });
    const { graph } = pipeline.add({ stacks: collected.stacks });
    const result = pipeline.finish();
    const find = (type: string, id: string) => graph.resources.find((r) => r.type === type && r.logicalId === id);
    return {
      collected,
      result,
      props(type, id) {
        const r = find(type, id);
        if (!r) throw new Error(`no ${type} ${id} among ${graph.resources.map((x) => `${x.type} ${x.logicalId}`).join(', ')}`);
        return graph.props(r);
      },
      status(checkId, id) {
        const all = [...new Set(result.findings.filter((f) => f.checkId === checkId && f.resource.logicalId === id).map((f) => f.status))];
        return all.length > 0 ? all.join(',') : undefined;
      },
    };
  } finally {
    pool.close();
  }
}

/** A customer key, as DescribeKey describes it. */
function customerKey(arn = KEY, manager: 'CUSTOMER' | 'AWS' = 'CUSTOMER'): void {
  kms.on(DescribeKeyCommand, { KeyId: arn }).resolves({ KeyMetadata: { Arn: arn, KeyId: arn.split('/').pop(), KeyManager: manager, KeySpec: 'SYMMETRIC_DEFAULT', AWSAccountId: ACCOUNT } });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
}

/** One standard job in a customer bucket, finished, created a day ago. */
function standardJob(name: string, extra: Record<string, unknown> = {}): void {
  const CreationTime = new Date(Date.now() - DAY);
  transcribe.on(ListTranscriptionJobsCommand).resolves({ TranscriptionJobSummaries: [{ TranscriptionJobName: name, CreationTime, OutputLocationType: 'CUSTOMER_BUCKET', TranscriptionJobStatus: 'COMPLETED' }] });
  transcribe.on(GetTranscriptionJobCommand).resolves({
    TranscriptionJob: {
      TranscriptionJobName: name,
      TranscriptionJobStatus: 'COMPLETED',
      CreationTime,
      Media: { MediaFileUri: `s3://media/${name}.wav` },
      Transcript: { TranscriptFileUri: `https://s3.${REGION}.amazonaws.com/out/${name}.json` },
      ...extra,
    },
  });
}

describe('transcribe-jobs collector (aws-sdk-client-mock)', () => {
  it('call analytics jobs (aws-sdk-client-mock: moto lacks ListCallAnalyticsJobs): role, redaction, tags and output encryption from the object', async () => {
    customerKey();
    transcribe.on(ListCallAnalyticsJobsCommand).resolves({ CallAnalyticsJobSummaries: [{ CallAnalyticsJobName: 'call-7', CreationTime: new Date(Date.now() - DAY), CallAnalyticsJobStatus: 'COMPLETED' }] });
    transcribe.on(GetCallAnalyticsJobCommand).resolves({
      CallAnalyticsJob: {
        CallAnalyticsJobName: 'call-7',
        CallAnalyticsJobStatus: 'COMPLETED',
        DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/CallAnalytics`,
        Media: { MediaFileUri: 's3://media/call-7.wav', RedactedMediaFileUri: `https://s3.${REGION}.amazonaws.com/out/redacted/call-7.wav` },
        Transcript: { RedactedTranscriptFileUri: `https://s3.${REGION}.amazonaws.com/out/redacted/call-7.json` },
        Settings: { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted', PiiEntityTypes: ['ALL'] } },
        Tags: [{ Key: 'owner', Value: 'contact-centre' }],
      },
    });
    s3.on(HeadObjectCommand, { Bucket: 'out', Key: 'redacted/call-7.json' }).resolves({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY });
    const run = await audit();
    const props = run.props(CALL_ANALYTICS_JOB, 'analytics/call-7');
    expect(props).toMatchObject({
      CallAnalyticsJobName: 'call-7',
      Status: 'COMPLETED',
      DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/CallAnalytics`,
      Settings: { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted', PiiEntityTypes: ['ALL'] } },
      Tags: [{ Key: 'owner', Value: 'contact-centre' }],
      OutputLocationType: 'CUSTOMER_BUCKET',
      OutputEncryption: { Level: 'customer-managed-kms', KeyId: KEY, Evidence: 'object-headers' },
    });
    // StartCallAnalyticsJob takes no encryption context, so there is none to look for.
    expect(props).not.toHaveProperty('KMSEncryptionContext');
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(0);
  });

  it.each([
    ['SERVICE_BUCKET', 'a pre-signed URL', `https://s3.${REGION}.amazonaws.com/aws-transcribe-${REGION}-prod/${ACCOUNT}/call-8/asrOutput.json?X-Amz-Security-Token=x&X-Amz-Signature=abc`],
    ['CUSTOMER_BUCKET', 'a plain object URL', `https://s3.${REGION}.amazonaws.com/out/call-8.json`],
  ])('a Call Analytics job writes to the %s when its transcript URI is %s', async (location, _what, TranscriptFileUri) => {
    transcribe.on(ListCallAnalyticsJobsCommand).resolves({ CallAnalyticsJobSummaries: [{ CallAnalyticsJobName: 'call-8', CreationTime: new Date() }] });
    transcribe.on(GetCallAnalyticsJobCommand).resolves({ CallAnalyticsJob: { CallAnalyticsJobName: 'call-8', CallAnalyticsJobStatus: 'COMPLETED', Transcript: { TranscriptFileUri } } });
    s3.on(HeadObjectCommand).resolves({ ServerSideEncryption: 'AES256' });
    const props = (await audit()).props(CALL_ANALYTICS_JOB, 'analytics/call-8');
    expect(props.OutputLocationType).toBe(location);
    if (location === 'SERVICE_BUCKET') expect(props).not.toHaveProperty('OutputEncryption');
    else expect(props.OutputEncryption).toEqual({ Level: 'sse-s3', Evidence: 'object-headers' });
    expect(s3.commandCalls(HeadObjectCommand)).toHaveLength(location === 'SERVICE_BUCKET' ? 0 : 1);
  });

  it('HealthScribe jobs (aws-sdk-client-mock: moto lacks ListMedicalScribeJobs): output key and context from CloudTrail, member names in any case', async () => {
    customerKey();
    const CreationTime = new Date(Date.now() - 2 * DAY);
    transcribe.on(ListMedicalScribeJobsCommand).resolves({ MedicalScribeJobSummaries: [{ MedicalScribeJobName: 'visit-3', CreationTime }] });
    transcribe.on(GetMedicalScribeJobCommand).resolves({
      MedicalScribeJob: {
        MedicalScribeJobName: 'visit-3',
        MedicalScribeJobStatus: 'COMPLETED',
        CreationTime,
        DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/Scribe`,
        MedicalScribeOutput: { TranscriptFileUri: 's3://scribe-out/visit-3/transcript.json', ClinicalDocumentUri: 's3://scribe-out/visit-3/summary.json' },
      },
    });
    s3.on(HeadObjectCommand).rejects(awsError('AccessDenied', 403));
    const time = new Date(CreationTime.getTime() - 1000);
    cloudtrail.on(LookupEventsCommand).resolves({
      Events: [trailEvent('StartMedicalScribeJob', { MedicalScribeJobName: 'visit-3', OutputEncryptionKMSKeyId: KEY, KMSEncryptionContext: { department: 'cardiology' } }, time)],
    });
    const props = (await audit()).props(MEDICAL_SCRIBE_JOB, 'medical-scribe-job/visit-3');
    expect(props.OutputEncryption).toEqual({ Level: 'customer-managed-kms', KeyId: KEY, Evidence: 'cloudtrail', EncryptionContext: { department: 'cardiology' } });
    expect(props.KMSEncryptionContext).toEqual({ Context: { department: 'cardiology' }, Evidence: 'cloudtrail', EventTime: time.toISOString() });
  });

  it.each([
    ['PASS', 'a context', { outputEncryptionKMSKeyId: KEY, kMSEncryptionContext: { team: 'support' } }, { Context: { team: 'support' } }],
    ['FAIL', 'a key and no context', { outputEncryptionKMSKeyId: KEY }, { Context: {} }],
    ['UNKNOWN', 'neither key nor context member', { outputBucketName: 'out' }, undefined],
  ])('TR-DP-4 %s: the StartTranscriptionJob event records %s', async (expected, _what, request, context) => {
    customerKey();
    standardJob('calls-1');
    s3.on(HeadObjectCommand).rejects(awsError('NotFound', 404));
    cloudtrail.on(LookupEventsCommand).resolves({ Events: [trailEvent('StartTranscriptionJob', { transcriptionJobName: 'calls-1', ...request }, new Date(Date.now() - 2 * DAY))] });
    const run = await audit();
    const evidence = run.props(TRANSCRIPTION_JOB, 'transcription-job/calls-1').KMSEncryptionContext;
    if (context) expect(evidence).toMatchObject({ ...context, Evidence: 'cloudtrail' });
    else expect((evidence as Unknown).reason).toMatch(/records neither an output key nor an encryption context member/);
    expect(run.status('TR-DP-4', 'transcription-job/calls-1')).toBe(expected);
  });

  it('an event without an output key member falls through to the bucket default, never to "no key"', async () => {
    customerKey();
    standardJob('calls-1');
    s3.on(HeadObjectCommand).rejects(awsError('NotFound', 404));
    s3.on(GetBucketEncryptionCommand, { Bucket: 'out' }).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY } }] } });
    cloudtrail.on(LookupEventsCommand).resolves({ Events: [trailEvent('StartTranscriptionJob', { transcriptionJobName: 'calls-1', outputBucketName: 'out' })] });
    const props = (await audit()).props(TRANSCRIPTION_JOB, 'transcription-job/calls-1');
    expect(props.OutputEncryption).toEqual({ Level: 'customer-managed-kms', KeyId: KEY, Evidence: 'bucket-default' });
  });

  it('says why when no evidence answers: object denied, CloudTrail denied, bucket default denied', async () => {
    standardJob('calls-1');
    s3.on(HeadObjectCommand).rejects(awsError('AccessDenied', 403));
    s3.on(GetBucketEncryptionCommand).rejects(awsError('AccessDenied', 403));
    cloudtrail.on(LookupEventsCommand).rejects(awsError('AccessDeniedException', 400));
    const run = await audit();
    const encryption = run.props(TRANSCRIPTION_JOB, 'transcription-job/calls-1').OutputEncryption as Unknown;
    expect(encryption).toBeInstanceOf(Unknown);
    expect(encryption.reason).toMatch(/s3:HeadObject was denied.*cloudtrail:LookupEvents was denied.*s3:GetBucketEncryption was denied/);
    expect(run.status('TR-DP-2', 'transcription-job/calls-1')).toBe('UNKNOWN');
  });

  it('tells an AWS-managed key from a customer-managed one by KeyManager (moto reports CUSTOMER for both)', async () => {
    const awsKey = `arn:aws:kms:${REGION}:${ACCOUNT}:key/aaaa0000-0000-0000-0000-000000000000`;
    customerKey(awsKey, 'AWS');
    standardJob('calls-1');
    s3.on(HeadObjectCommand).resolves({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: awsKey });
    const run = await audit();
    expect(run.props(TRANSCRIPTION_JOB, 'transcription-job/calls-1').OutputEncryption).toEqual({ Level: 'aws-managed-kms', KeyId: awsKey, Evidence: 'object-headers' });
    expect(run.status('TR-DP-2', 'transcription-job/calls-1')).toBe('FAIL');
  });

  it('a denied Get…Job leaves what only it returns unknown and keeps what the summary says; a denied list is a gap', async () => {
    transcribe.on(ListTranscriptionJobsCommand).resolves({
      TranscriptionJobSummaries: [{ TranscriptionJobName: 'calls-1', CreationTime: new Date(), OutputLocationType: 'CUSTOMER_BUCKET', ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } }],
    });
    transcribe.on(GetTranscriptionJobCommand).rejects(awsError('AccessDeniedException', 400));
    transcribe.on(ListMedicalTranscriptionJobsCommand).rejects(awsError('AccessDeniedException', 400));
    const run = await audit();
    const props = run.props(TRANSCRIPTION_JOB, 'transcription-job/calls-1');
    expect(props).toMatchObject({ OutputLocationType: 'CUSTOMER_BUCKET', ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } });
    for (const m of ['Media', 'Transcript', 'JobExecutionSettings', 'Tags']) expect(props[m]).toBeInstanceOf(Unknown);
    expect(props.OutputEncryption).toBeInstanceOf(Unknown);
    const gaps = run.collected.stacks.flatMap((s) => s.gaps ?? []);
    expect(gaps).toContainEqual({ types: [MEDICAL_TRANSCRIPTION_JOB], reason: expect.stringMatching(/ListMedicalTranscriptionJobs was denied/) });
    expect(run.result.findings.filter((f) => f.checkId === 'TR-DP-8').map((f) => f.status)).toContain('UNKNOWN');
  });

  it.each([
    ['leaves out', undefined, 0],
    ['includes', new Date(Date.now() - 120 * DAY), 1],
  ])('--since %s a job created 100 days ago, and bounds the CloudTrail window', async (_what, since, jobs) => {
    transcribe.on(ListTranscriptionJobsCommand).resolves({ TranscriptionJobSummaries: [{ TranscriptionJobName: 'old', CreationTime: new Date(Date.now() - 100 * DAY), OutputLocationType: 'CUSTOMER_BUCKET' }] });
    transcribe.on(GetTranscriptionJobCommand).resolves({ TranscriptionJob: { TranscriptionJobName: 'old', TranscriptionJobStatus: 'COMPLETED' } });
    const run = await audit(since);
    expect(run.collected.stacks.flatMap((s) => s.resources).filter((r) => r.type === TRANSCRIPTION_JOB)).toHaveLength(jobs);
    const lookups = cloudtrail.commandCalls(LookupEventsCommand).map((c) => c.args[0].input);
    expect(lookups.map((i) => [i.StartTime?.getTime(), i.LookupAttributes])).toEqual(jobs ? [[since!.getTime(), [{ AttributeKey: 'EventName', AttributeValue: 'StartTranscriptionJob' }]]] : []);
  });

  it('reads CloudTrail once per event name and Region, in a bounded pass, whatever the number of jobs', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `calls-${i}`);
    transcribe.on(ListTranscriptionJobsCommand).resolves({ TranscriptionJobSummaries: names.map((n) => ({ TranscriptionJobName: n, CreationTime: new Date(), OutputLocationType: 'CUSTOMER_BUCKET' })) });
    transcribe.on(GetTranscriptionJobCommand).callsFake((input: { TranscriptionJobName: string }) => ({ TranscriptionJob: { TranscriptionJobName: input.TranscriptionJobName } }));
    let page = 0;
    cloudtrail.on(LookupEventsCommand).callsFake(() => ({ Events: [trailEvent('StartTranscriptionJob', { transcriptionJobName: 'someone-else' })], NextToken: `page-${++page}` }));
    const run = await audit();
    expect(cloudtrail.commandCalls(LookupEventsCommand)).toHaveLength(50);
    expect((run.props(TRANSCRIPTION_JOB, 'transcription-job/calls-3').KMSEncryptionContext as Unknown).reason).toMatch(/StartTranscriptionJob: read stopped after 50 pages/);
  });
});

describe('transcribe-artifacts collector (aws-sdk-client-mock)', () => {
  it('language models (aws-sdk-client-mock: moto lacks ListLanguageModels): training data bucket, role, tags and key from the response or CloudTrail', async () => {
    customerKey();
    const model = (ModelName: string, EncryptionConfiguration?: { KMSKey: string }) => ({
      ModelName,
      BaseModelName: 'WideBand' as const,
      LanguageCode: 'en-US' as const,
      ModelStatus: 'COMPLETED' as const,
      InputDataConfig: { S3Uri: 's3://training/data/', DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/Clm` },
      EncryptionConfiguration,
    });
    transcribe.on(ListLanguageModelsCommand).resolves({ Models: [model('with-key', { KMSKey: KEY }), model('from-trail'), model('no-key'), model('too-old')] });
    transcribe.on(ListTagsForResourceCommand, { ResourceArn: `arn:aws:transcribe:${REGION}:${ACCOUNT}:language-model/with-key` }).resolves({ Tags: [{ Key: 'owner', Value: 'ml' }] });
    cloudtrail.on(LookupEventsCommand).resolves({
      Events: [trailEvent('CreateLanguageModel', { modelName: 'from-trail', EncryptionConfiguration: { KmsKey: KEY } }), trailEvent('CreateLanguageModel', { modelName: 'no-key', baseModelName: 'WideBand' })],
    });
    s3.on(GetBucketLocationCommand, { Bucket: 'training' }).resolves({});
    s3.on(GetBucketEncryptionCommand, { Bucket: 'training' }).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY } }] } });
    const run = await audit();
    expect(run.props(LANGUAGE_MODEL, 'language-model/with-key')).toMatchObject({
      ModelName: 'with-key',
      InputDataConfig: { S3Uri: 's3://training/data/', DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/Clm` },
      Tags: [{ Key: 'owner', Value: 'ml' }],
      EncryptionConfiguration: { KMSKey: KEY, Evidence: 'api-response' },
    });
    expect(run.props(LANGUAGE_MODEL, 'language-model/from-trail').EncryptionConfiguration).toEqual({ KMSKey: KEY, Evidence: 'cloudtrail' });
    expect(run.props(LANGUAGE_MODEL, 'language-model/no-key').EncryptionConfiguration).toEqual({ Evidence: 'cloudtrail' });
    expect((run.props(LANGUAGE_MODEL, 'language-model/too-old').EncryptionConfiguration as Unknown).reason).toMatch(/no CreateLanguageModel event for language model too-old/);
    expect(run.props('AWS::S3::Bucket', 'bucket/training')).toMatchObject({ BucketName: 'training' });
    expect(transcribe.commandCalls(ListLanguageModelsCommand)).toHaveLength(1);
    const dp10 = (id: string) => run.result.findings.find((f) => f.checkId === 'TR-DP-10' && f.resource.logicalId === `language-model/${id}` && f.findingKey === 'EncryptionConfiguration')?.status;
    expect([dp10('with-key'), dp10('from-trail'), dp10('no-key'), dp10('too-old')]).toEqual(['PASS', 'PASS', 'FAIL', 'UNKNOWN']);
  });

  it('a vocabulary keeps the key its Create… request named when a later Update… names none', async () => {
    customerKey();
    transcribe.on(ListVocabulariesCommand).resolves({ Vocabularies: [{ VocabularyName: 'products', LanguageCode: 'en-US', VocabularyState: 'READY' }] });
    transcribe.on(GetVocabularyCommand).resolves({ VocabularyName: 'products', LanguageCode: 'en-US', VocabularyState: 'READY' });
    cloudtrail.on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateVocabulary' }] }).resolves({
      Events: [trailEvent('CreateVocabulary', { vocabularyName: 'products', encryptionConfiguration: { kMSKey: KEY } }, new Date(Date.now() - 9 * DAY))],
    });
    cloudtrail.on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'UpdateVocabulary' }] }).resolves({
      Events: [trailEvent('UpdateVocabulary', { vocabularyName: 'products', phrases: ['lexscribe'] }, new Date(Date.now() - DAY))],
    });
    const run = await audit();
    expect(run.props(VOCABULARY, 'vocabulary/products')).toMatchObject({ VocabularyState: 'READY', EncryptionConfiguration: { KMSKey: KEY, Evidence: 'cloudtrail' } });
    expect(run.props('AWS::KMS::Key', 'key/1111aaaa-2222-3333-4444-555566667777')).toMatchObject({ KeyManager: 'CUSTOMER' });
  });

  it('vocabulary filters and categories (aws-sdk-client-mock: moto lacks CreateVocabularyFilter, ListCallAnalyticsCategories and transcribe ListTagsForResource)', async () => {
    transcribe.on(ListVocabularyFiltersCommand).resolves({ VocabularyFilters: [{ VocabularyFilterName: 'profanity', LanguageCode: 'en-US' }] });
    transcribe.on(GetVocabularyFilterCommand).resolves({ VocabularyFilterName: 'profanity', LanguageCode: 'en-US', DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/Filters` });
    transcribe.on(ListCallAnalyticsCategoriesCommand).resolves({ Categories: [{ CategoryName: 'escalations', InputType: 'POST_CALL', Rules: [{ SentimentFilter: { Sentiments: ['NEGATIVE'] } }] }] });
    transcribe.on(ListTagsForResourceCommand, { ResourceArn: `arn:aws:transcribe:${REGION}:${ACCOUNT}:analytics-category/escalations` }).resolves({ Tags: [{ Key: 'owner', Value: 'qa' }] });
    cloudtrail.on(LookupEventsCommand).resolves({ Events: [trailEvent('CreateVocabularyFilter', { vocabularyFilterName: 'profanity', languageCode: 'en-US' })] });
    const run = await audit();
    expect(run.props(VOCABULARY_FILTER, 'vocabulary-filter/profanity')).toEqual({
      VocabularyFilterName: 'profanity',
      LanguageCode: 'en-US',
      DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/Filters`,
      // The recorded request named no key: Transcribe used an AWS-owned key.
      EncryptionConfiguration: { Evidence: 'cloudtrail' },
    });
    expect(run.props(CALL_ANALYTICS_CATEGORY, 'analytics-category/escalations')).toEqual({
      CategoryName: 'escalations',
      InputType: 'POST_CALL',
      Rules: [{ SentimentFilter: { Sentiments: ['NEGATIVE'] } }],
      Tags: [{ Key: 'owner', Value: 'qa' }],
    });
  });

  it('sends only read-only operations it declares, and no check stumbles on any live Transcribe shape', async () => {
    customerKey();
    standardJob('calls-1', { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted_and_unredacted' }, Tags: [{ Key: 'data-classification', Value: 'pii' }] });
    s3.on(HeadObjectCommand).resolves({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY });
    const created = new Date();
    transcribe.on(ListMedicalTranscriptionJobsCommand).resolves({ MedicalTranscriptionJobSummaries: [{ MedicalTranscriptionJobName: 'visit-1', CreationTime: created, OutputLocationType: 'CUSTOMER_BUCKET', ContentIdentificationType: 'PHI' }] });
    transcribe.on(ListCallAnalyticsJobsCommand).resolves({ CallAnalyticsJobSummaries: [{ CallAnalyticsJobName: 'call-1', CreationTime: created }] });
    transcribe.on(GetCallAnalyticsJobCommand).resolves({ CallAnalyticsJob: { CallAnalyticsJobName: 'call-1', Settings: { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } } } });
    transcribe.on(ListMedicalScribeJobsCommand).resolves({ MedicalScribeJobSummaries: [{ MedicalScribeJobName: 'scribe-1', CreationTime: created }] });
    transcribe.on(ListVocabulariesCommand).resolves({ Vocabularies: [{ VocabularyName: 'products' }] });
    transcribe.on(ListVocabularyFiltersCommand).resolves({ VocabularyFilters: [{ VocabularyFilterName: 'profanity' }] });
    transcribe.on(ListLanguageModelsCommand).resolves({ Models: [{ ModelName: 'm' }] });
    transcribe.on(ListCallAnalyticsCategoriesCommand).resolves({ Categories: [{ CategoryName: 'c', InputType: 'REAL_TIME' }] });
    const run = await audit();
    expect(run.result.findings.filter((f) => f.status === 'ERROR').map((f) => `${f.checkId}: ${f.reason}`)).toEqual([]);
    const declared = new Set(COLLECTORS.flatMap((c) => c.operations).map(operationName));
    const sent = MOCKS.flatMap(([client, m]) => m.calls().map((c) => operationName(operationOfCommand(client, (c.args[0] as object).constructor.name))));
    expect(sent.length).toBeGreaterThan(20);
    expect([...new Set(sent)].filter((s) => !declared.has(s) || !isReadOnly({ service: s.split(':')[0], action: s.split(':')[1] }))).toEqual([]);
  });
});
