import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, PutObjectCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateMedicalVocabularyCommand,
  CreateVocabularyCommand,
  GetMedicalTranscriptionJobCommand,
  GetTranscriptionJobCommand,
  StartMedicalTranscriptionJobCommand,
  StartTranscriptionJobCommand,
  TranscribeClient,
} from '@aws-sdk/client-transcribe';
import { Unknown } from '../../lib/model/values';
import { iamIdentities } from '../../lib/sources/account/collectors/iam';
import { transcribeArtifacts } from '../../lib/sources/account/collectors/transcribe/artifacts';
import { transcribeJobs } from '../../lib/sources/account/collectors/transcribe/jobs';
import { undeclared, type LiveAudit } from '../collectors/audit';
import { auditTranscribe, TranscribeEchoes } from '../collectors/transcribe-moto';
import { ACCOUNT, REGION, useMoto } from './moto';
import { CALL_ANALYTICS_CATEGORY, CALL_ANALYTICS_JOB, LANGUAGE_MODEL, MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, MEDICAL_VOCABULARY, TRANSCRIPTION_JOB, VOCABULARY, VOCABULARY_FILTER } from '../../lib/model/types/transcribe';

const moto = useMoto();
const echoes = new TranscribeEchoes();
const COLLECTORS = [transcribeJobs, transcribeArtifacts, iamIdentities];
const JOB = 'transcription-job/calls-1';
const MEDICAL = 'medical-transcription-job/visit-1';

beforeEach(() => echoes.clear());

const run = () => auditTranscribe(moto, COLLECTORS, echoes);

async function createKey(rotation = false): Promise<string> {
  const kms = moto.client(KMSClient);
  const arn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.Arn!;
  if (rotation) await kms.send(new EnableKeyRotationCommand({ KeyId: arn }));
  return arn;
}

type Sse = 'AES256' | { kmsKey: string };
const sse = (s: Sse) => (s === 'AES256' ? { ServerSideEncryption: 'AES256' as const } : { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: s.kmsKey });

/**
 * A bucket as real AWS has it: default encryption always set (moto answers 404 until it is
 * configured); `hardened` adds Block Public Access and a TLS-only policy.
 */
async function createBucket(name: string, byDefault: Sse = 'AES256', hardened = false): Promise<void> {
  const s3 = moto.client(S3Client);
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  const rule = byDefault === 'AES256' ? { SSEAlgorithm: 'AES256' as const } : { SSEAlgorithm: 'aws:kms' as const, KMSMasterKeyID: byDefault.kmsKey };
  await s3.send(new PutBucketEncryptionCommand({ Bucket: name, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: rule }] } }));
  if (!hardened) return;
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: name, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  const tlsOnly = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
  await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [tlsOnly] }) }));
}

/** The transcript Transcribe would have written (moto's Transcribe writes none). */
async function putTranscript(bucket: string, key: string, encryption: Sse): Promise<void> {
  await moto.client(S3Client).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '{"results":{}}', ...sse(encryption) }));
}

interface JobOptions {
  /** Customer bucket; none = the service-managed bucket. */
  bucket?: string;
  kmsKey?: string;
  /** PII redaction with this RedactionOutput. */
  redaction?: 'redacted' | 'redacted_and_unredacted';
  role?: string;
}

async function startJob(name: string, opts: JobOptions = {}): Promise<void> {
  const ContentRedaction = opts.redaction ? { RedactionType: 'PII' as const, RedactionOutput: opts.redaction } : undefined;
  const JobExecutionSettings = opts.role ? { DataAccessRoleArn: opts.role, AllowDeferredExecution: false } : undefined;
  await moto.client(TranscribeClient).send(
    new StartTranscriptionJobCommand({
      TranscriptionJobName: name,
      LanguageCode: 'en-US',
      Media: { MediaFileUri: `s3://media/${name}.wav` },
      OutputBucketName: opts.bucket,
      OutputEncryptionKMSKeyId: opts.kmsKey,
      ContentRedaction,
      JobExecutionSettings,
    }),
  );
  echoes.jobs.set(name, { ContentRedaction, JobExecutionSettings });
  echoes.summaries.set(name, { ContentRedaction });
  await finish(() => moto.client(TranscribeClient).send(new GetTranscriptionJobCommand({ TranscriptionJobName: name })).then((r) => r.TranscriptionJob?.TranscriptionJobStatus));
}

/** moto moves a job one state per read and writes its transcript URI on the last step; audited jobs are long finished. */
async function finish(read: () => Promise<string | undefined>): Promise<void> {
  for (let i = 0; i < 5 && (await read()) !== 'COMPLETED'; i++);
}

async function startMedicalJob(name: string, phi: boolean): Promise<void> {
  const ContentIdentificationType = phi ? ('PHI' as const) : undefined;
  await moto.client(TranscribeClient).send(
    new StartMedicalTranscriptionJobCommand({
      MedicalTranscriptionJobName: name,
      LanguageCode: 'en-US',
      Media: { MediaFileUri: `s3://media/${name}.wav` },
      OutputBucketName: 'transcripts',
      Specialty: 'PRIMARYCARE',
      Type: 'CONVERSATION',
      ContentIdentificationType,
    }),
  );
  echoes.jobs.set(name, { ContentIdentificationType });
  echoes.summaries.set(name, { ContentIdentificationType });
  await finish(() => moto.client(TranscribeClient).send(new GetMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName: name })).then((r) => r.MedicalTranscriptionJob?.TranscriptionJobStatus));
}

async function createRole(name: string, statement: Record<string, unknown>): Promise<string> {
  const iam = moto.client(IAMClient);
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'transcribe.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const role = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'data', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) }));
  return role.Role!.Arn!;
}

/** The status of one check on one resource: its worst verdict (a resource with one failing fact fails). */
function statusOf(audit: LiveAudit, checkId: string, id: string): string | undefined {
  const all = audit.statuses(checkId)[id]?.split(',') ?? [];
  return ['ERROR', 'FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'].find((s) => all.includes(s));
}

describe('transcribe collectors against moto', () => {
  it('emits a customer-bucket job whose output encryption comes from the transcript object, with the buckets and key it uses', async () => {
    const key = await createKey();
    await createBucket('media');
    await createBucket('transcripts');
    await putTranscript('transcripts', 'calls-1.json', { kmsKey: key });
    await startJob('calls-1', { bucket: 'transcripts', kmsKey: key });
    const audit = await run();
    expect(audit.props(TRANSCRIPTION_JOB, JOB)).toMatchObject({
      TranscriptionJobName: 'calls-1',
      Status: 'COMPLETED',
      OutputLocationType: 'CUSTOMER_BUCKET',
      Media: { MediaFileUri: 's3://media/calls-1.wav' },
      Transcript: { TranscriptFileUri: `https://s3.${REGION}.amazonaws.com/transcripts/calls-1.json` },
      OutputEncryption: { Level: 'customer-managed-kms', KeyId: key, Evidence: 'object-headers' },
    });
    expect(audit.resource(TRANSCRIPTION_JOB, JOB)?.provenance.arn).toBe(`arn:aws:transcribe:${REGION}:${ACCOUNT}:${JOB}`);
    // moto has no LookupEvents: the context is unknown, with the reason, never "none".
    const context = audit.props(TRANSCRIPTION_JOB, JOB).KMSEncryptionContext;
    expect(context).toBeInstanceOf(Unknown);
    expect((context as Unknown).reason).toMatch(/no StartTranscriptionJob event for transcription job calls-1 .*cloudtrail:LookupEvents/);
    expect(audit.props('AWS::S3::Bucket', 'bucket/transcripts')).toMatchObject({ BucketName: 'transcripts' });
    expect(audit.props('AWS::S3::Bucket', 'bucket/media')).toMatchObject({ BucketName: 'media' });
    expect(audit.props('AWS::KMS::Key', `key/${key.split('/').pop()}`)).toMatchObject({ KeyManager: 'CUSTOMER' });
    expect(undeclared(audit, COLLECTORS)).toEqual([]);
  });

  it('falls back to the output bucket default encryption when the transcript object cannot be read', async () => {
    const key = await createKey();
    await createBucket('transcripts', { kmsKey: key });
    await startJob('calls-1', { bucket: 'transcripts' });
    const audit = await run();
    expect(audit.props(TRANSCRIPTION_JOB, JOB).OutputEncryption).toEqual({ Level: 'customer-managed-kms', KeyId: key, Evidence: 'bucket-default' });
  });

  it('gives a service-bucket job no output encryption and leaves the service bucket alone', async () => {
    await startJob('calls-1');
    const audit = await run();
    const props = audit.props(TRANSCRIPTION_JOB, JOB);
    expect(props.OutputLocationType).toBe('SERVICE_BUCKET');
    expect(props).not.toHaveProperty('OutputEncryption');
    expect(audit.sent).not.toContain('s3:HeadObject');
    expect(audit.graph.resources.filter((r) => r.type === 'AWS::S3::Bucket').map((r) => r.logicalId)).toEqual([]);
  });

  it('reads each job once and the Region history once, however many jobs there are', async () => {
    await createBucket('transcripts');
    for (let i = 1; i <= 6; i++) {
      await putTranscript('transcripts', `calls-${i}.json`, 'AES256');
      await startJob(`calls-${i}`, { bucket: 'transcripts' });
    }
    const audit = await run();
    const count = (name: string) => audit.sent.filter((s) => s === name).length;
    expect(count('transcribe:GetTranscriptionJob')).toBe(6);
    expect(count('s3:HeadObject')).toBe(6);
    expect(count('cloudtrail:LookupEvents')).toBe(1);
    // Once per bucket: the media bucket and the transcripts bucket.
    expect(count('s3:GetBucketLocation')).toBe(2);
  });

  it('emits vocabularies and medical vocabularies with their tags', async () => {
    const transcribe = moto.client(TranscribeClient);
    await transcribe.send(new CreateVocabularyCommand({ VocabularyName: 'products', LanguageCode: 'en-US', Phrases: ['lexscribe'] }));
    await transcribe.send(new CreateMedicalVocabularyCommand({ VocabularyName: 'drugs', LanguageCode: 'en-US', VocabularyFileUri: 'https://s3.us-east-1.amazonaws.com/terms/drugs.txt' }));
    echoes.tags.set(`arn:aws:transcribe:${REGION}:${ACCOUNT}:vocabulary/products`, [{ Key: 'owner', Value: 'support' }]);
    const audit = await run();
    expect(audit.props(VOCABULARY, 'vocabulary/products')).toMatchObject({ VocabularyName: 'products', LanguageCode: 'en-US', VocabularyState: expect.any(String), Tags: [{ Key: 'owner', Value: 'support' }] });
    expect(audit.props(MEDICAL_VOCABULARY, 'medical-vocabulary/drugs')).toMatchObject({ VocabularyName: 'drugs', LanguageCode: 'en-US' });
    expect(audit.props(MEDICAL_VOCABULARY, 'medical-vocabulary/drugs')).not.toHaveProperty('Tags');
    // Without a Create… event (moto has no CloudTrail history), the key a vocabulary uses is unknown.
    expect(audit.props(VOCABULARY, 'vocabulary/products').EncryptionConfiguration).toBeInstanceOf(Unknown);
    expect(statusOf(audit, 'TR-DP-10', 'vocabulary/products')).toBe('UNKNOWN');
  });

  it('turns the lists moto lacks into gaps for their types, never into "nothing found"', async () => {
    const audit = await run();
    const gaps = audit.collected.stacks.flatMap((s) => s.gaps ?? []).flatMap((g) => g.types);
    expect(gaps).toEqual(expect.arrayContaining([CALL_ANALYTICS_JOB, MEDICAL_SCRIBE_JOB, LANGUAGE_MODEL, VOCABULARY_FILTER, CALL_ANALYTICS_CATEGORY]));
    expect(gaps).not.toContain(TRANSCRIPTION_JOB);
    expect(gaps).not.toContain(MEDICAL_TRANSCRIPTION_JOB);
  });
});

describe('Transcribe checks on what the collectors read from moto', () => {
  it.each([
    ['FAIL', 'the service-managed bucket', undefined],
    ['PASS', 'a customer bucket', 'transcripts'],
  ])('TR-DP-1 %s: output to %s', async (expected, _what, bucket) => {
    if (bucket) await createBucket(bucket);
    await startJob('calls-1', { bucket });
    expect(statusOf(await run(), 'TR-DP-1', JOB)).toBe(expected);
  });

  it.each([
    ['FAIL', 'object-headers', 'an SSE-S3 transcript', { object: 'AES256' as const }],
    ['PASS', 'object-headers', 'a transcript under a customer-managed key', { object: 'key' as const }],
    ['FAIL', 'bucket-default', 'no transcript object and an SSE-S3 bucket default', { bucket: 'AES256' as const }],
    ['PASS', 'bucket-default', 'no transcript object and a customer-managed bucket key', { bucket: 'key' as const }],
  ])('TR-DP-2 %s from %s evidence: %s', async (expected, evidence, _what, setup: { object?: 'AES256' | 'key'; bucket?: 'AES256' | 'key' }) => {
    const key = await createKey();
    await createBucket('transcripts', setup.bucket === 'key' ? { kmsKey: key } : 'AES256');
    if (setup.object) await putTranscript('transcripts', 'calls-1.json', setup.object === 'key' ? { kmsKey: key } : 'AES256');
    await startJob('calls-1', { bucket: 'transcripts' });
    const audit = await run();
    expect(audit.props(TRANSCRIPTION_JOB, JOB).OutputEncryption).toMatchObject({ Evidence: evidence });
    expect(statusOf(audit, 'TR-DP-2', JOB)).toBe(expected);
  });

  it.each([
    ['FAIL', 'without', undefined],
    ['PASS', 'with', 'redacted' as const],
  ])('TR-DP-6 %s: a standard job %s PII redaction', async (expected, _what, redaction) => {
    await startJob('calls-1', { redaction });
    expect(statusOf(await run(), 'TR-DP-6', JOB)).toBe(expected);
  });

  it.each([
    ['FAIL', 'redacted_and_unredacted' as const],
    ['PASS', 'redacted' as const],
  ])('TR-DP-7 %s: PII redaction with RedactionOutput %s', async (expected, redaction) => {
    await startJob('calls-1', { redaction });
    expect(statusOf(await run(), 'TR-DP-7', JOB)).toBe(expected);
  });

  it.each([
    ['FAIL', 'rotation off', false],
    ['PASS', 'rotation on', true],
  ])('TR-DP-3 %s: the key found on the transcript object has %s', async (expected, _what, rotation) => {
    const key = await createKey(rotation);
    await createBucket('transcripts');
    await putTranscript('transcripts', 'calls-1.json', { kmsKey: key });
    await startJob('calls-1', { bucket: 'transcripts', kmsKey: key });
    const findings = (await run()).result.findings.filter((f) => f.checkId === 'TR-DP-3' && f.resource.arn === key);
    expect(findings.find((f) => f.findingKey === 'Rotation')?.status).toBe(expected);
  });

  it.each([
    ['FAIL', 'without Block Public Access or a TLS-only policy', false],
    ['PASS', 'with Block Public Access and a TLS-only policy', true],
  ])('TR-DP-5 %s: the media bucket of a job %s', async (expected, _what, hardened) => {
    await createBucket('media', 'AES256', hardened);
    await startJob('calls-1');
    expect(statusOf(await run(), 'TR-DP-5', 'bucket/media')).toBe(expected);
  });

  it.each([
    ['FAIL', 'without', false],
    ['PASS', 'with', true],
  ])('TR-DP-8 %s: a medical job %s PHI identification', async (expected, _what, phi) => {
    await createBucket('transcripts');
    await startMedicalJob('visit-1', phi);
    expect(statusOf(await run(), 'TR-DP-8', MEDICAL)).toBe(expected);
  });

  it.each([
    ['FAIL', 's3:* on every resource', { Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    ['PASS', 's3:GetObject on the media bucket', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }],
  ])('TR-IAM-2 %s: the data-access role of a job grants %s', async (expected, _what, statement) => {
    const role = await createRole('TranscribeData', statement);
    await startJob('calls-1', { role });
    const audit = await run();
    expect(audit.props(TRANSCRIPTION_JOB, JOB)).toMatchObject({ JobExecutionSettings: { DataAccessRoleArn: role } });
    expect(statusOf(audit, 'TR-IAM-2', 'role/TranscribeData')).toBe(expected);
  });

  it.each([
    ['FAIL', 'no tags', []],
    ['PASS', 'the required tags', [{ Key: 'data-classification', Value: 'internal' }, { Key: 'owner', Value: 'support' }]],
  ])('TR-IAM-6 %s: a vocabulary with %s', async (expected, _what, tags) => {
    await moto.client(TranscribeClient).send(new CreateVocabularyCommand({ VocabularyName: 'products', LanguageCode: 'en-US', Phrases: ['lexscribe'] }));
    echoes.tags.set(`arn:aws:transcribe:${REGION}:${ACCOUNT}:vocabulary/products`, tags);
    expect(statusOf(await run(), 'TR-IAM-6', 'vocabulary/products')).toBe(expected);
  });
});
