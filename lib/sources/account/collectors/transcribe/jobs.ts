import type { TranscribeClient } from '@aws-sdk/client-transcribe';
import { failed, type AwsOperation, type Collector, type CollectorContext } from '../../collector';
import { followBucket, S3_OPERATIONS, S3_TYPES } from '../follow/s3';
import { absentOn, listAll, mapLimit, op, unknownFrom } from '../support/calls';
import { live } from '../support/shape';
import { encryptionContext, ENCRYPTION_OPERATIONS, outputEncryption } from './encryption';
import { eventOf, LOOKUP_EVENTS } from './events';
import { plain, tagsOf, transcribeArn, transcribeId } from './shape';
import { s3Location } from './uri';
import { CALL_ANALYTICS_JOB, JOB_TYPES, MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, NAME_PROPERTY, TRANSCRIPTION_JOB } from '../../../../model/types/transcribe';
import { loadTranscribe } from '../support/sdk';

type Transcribe = typeof import('@aws-sdk/client-transcribe');
type Fields = Record<string, unknown>;

interface Summary {
  name: string;
  created?: Date;
  fields: Fields;
}

/** What differs between the four kinds of batch job; the collector treats them alike. */
interface JobFamily {
  type: string;
  /** For reasons: `transcription job Calls-1`. */
  label: string;
  list: AwsOperation;
  get: AwsOperation;
  statusMember: string;
  /** The CloudTrail event that starts such a job, and its request member naming the job. */
  startEvent: string;
  nameMember: string;
  /** `Start…Job` takes a KMS encryption context (TR-DP-4); Call Analytics has none. */
  takesContext: boolean;
  /** Summary members the job itself does not return, or that stand in for it when `Get…` fails. */
  fromSummary: string[];
  /** Members only `Get…` returns: unknown when it fails. */
  fromGet: string[];
  /** Neither the job nor its summary says where the output went: tell it from the output URI. */
  derivesLocation?: boolean;
  page(t: Transcribe, client: TranscribeClient, token: string | undefined): Promise<{ items: Summary[]; next?: string }>;
  describe(t: Transcribe, client: TranscribeClient, name: string): Promise<{ Tags?: Array<{ Key?: string; Value?: string }> } | undefined>;
}

function summaries<S extends { CreationTime?: Date }>(items: S[] | undefined, name: (s: S) => string | undefined): Summary[] {
  return (items ?? []).flatMap((s) => {
    const n = name(s);
    return n ? [{ name: n, created: s.CreationTime, fields: s as Fields }] : [];
  });
}

const FAMILIES: JobFamily[] = [
  {
    type: TRANSCRIPTION_JOB,
    label: 'transcription job',
    list: op('transcribe', 'ListTranscriptionJobs'),
    get: op('transcribe', 'GetTranscriptionJob'),
    statusMember: 'TranscriptionJobStatus',
    startEvent: 'StartTranscriptionJob',
    nameMember: 'transcriptionJobName',
    takesContext: true,
    fromSummary: ['CreationTime', 'TranscriptionJobStatus', 'OutputLocationType', 'ContentRedaction'],
    fromGet: ['Media', 'Transcript', 'JobExecutionSettings', 'Settings', 'ModelSettings', 'Tags'],
    page: async (t, client, NextToken) => {
      const r = await client.send(new t.ListTranscriptionJobsCommand({ NextToken, MaxResults: 100 }));
      return { items: summaries(r.TranscriptionJobSummaries, (s) => s.TranscriptionJobName), next: r.NextToken };
    },
    describe: async (t, client, TranscriptionJobName) => (await client.send(new t.GetTranscriptionJobCommand({ TranscriptionJobName }))).TranscriptionJob,
  },
  {
    type: MEDICAL_TRANSCRIPTION_JOB,
    label: 'medical transcription job',
    list: op('transcribe', 'ListMedicalTranscriptionJobs'),
    get: op('transcribe', 'GetMedicalTranscriptionJob'),
    statusMember: 'TranscriptionJobStatus',
    startEvent: 'StartMedicalTranscriptionJob',
    nameMember: 'medicalTranscriptionJobName',
    takesContext: true,
    fromSummary: ['CreationTime', 'TranscriptionJobStatus', 'OutputLocationType', 'ContentIdentificationType', 'Specialty', 'Type'],
    fromGet: ['Media', 'Transcript', 'Settings', 'Tags'],
    page: async (t, client, NextToken) => {
      const r = await client.send(new t.ListMedicalTranscriptionJobsCommand({ NextToken, MaxResults: 100 }));
      return { items: summaries(r.MedicalTranscriptionJobSummaries, (s) => s.MedicalTranscriptionJobName), next: r.NextToken };
    },
    describe: async (t, client, MedicalTranscriptionJobName) => (await client.send(new t.GetMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName }))).MedicalTranscriptionJob,
  },
  {
    type: CALL_ANALYTICS_JOB,
    label: 'Call Analytics job',
    list: op('transcribe', 'ListCallAnalyticsJobs'),
    get: op('transcribe', 'GetCallAnalyticsJob'),
    statusMember: 'CallAnalyticsJobStatus',
    startEvent: 'StartCallAnalyticsJob',
    nameMember: 'callAnalyticsJobName',
    takesContext: false,
    fromSummary: ['CreationTime', 'CallAnalyticsJobStatus'],
    fromGet: ['Media', 'Transcript', 'DataAccessRoleArn', 'Settings', 'Tags'],
    derivesLocation: true,
    page: async (t, client, NextToken) => {
      const r = await client.send(new t.ListCallAnalyticsJobsCommand({ NextToken, MaxResults: 100 }));
      return { items: summaries(r.CallAnalyticsJobSummaries, (s) => s.CallAnalyticsJobName), next: r.NextToken };
    },
    describe: async (t, client, CallAnalyticsJobName) => (await client.send(new t.GetCallAnalyticsJobCommand({ CallAnalyticsJobName }))).CallAnalyticsJob,
  },
  {
    type: MEDICAL_SCRIBE_JOB,
    label: 'HealthScribe job',
    list: op('transcribe', 'ListMedicalScribeJobs'),
    get: op('transcribe', 'GetMedicalScribeJob'),
    statusMember: 'MedicalScribeJobStatus',
    startEvent: 'StartMedicalScribeJob',
    nameMember: 'medicalScribeJobName',
    takesContext: true,
    fromSummary: ['CreationTime', 'MedicalScribeJobStatus'],
    fromGet: ['Media', 'MedicalScribeOutput', 'DataAccessRoleArn', 'Settings', 'Tags'],
    page: async (t, client, NextToken) => {
      const r = await client.send(new t.ListMedicalScribeJobsCommand({ NextToken, MaxResults: 100 }));
      return { items: summaries(r.MedicalScribeJobSummaries, (s) => s.MedicalScribeJobName), next: r.NextToken };
    },
    describe: async (t, client, MedicalScribeJobName) => (await client.send(new t.GetMedicalScribeJobCommand({ MedicalScribeJobName }))).MedicalScribeJob,
  },
];

/** Jobs of a family read at once (each a short chain: Get…Job, then HeadObject); the run's request limit bounds what is in flight. */
const JOBS_AT_ONCE = 8;

const JOB_OPERATIONS = FAMILIES.flatMap((f) => [f.list, f.get]);

/**
 * Transcribe batch jobs of a Region created since `ctx.since` (jobs expire after ~90 days: the audit
 * is point-in-time), as `Live::Transcribe::TranscriptionJob`, `…MedicalTranscriptionJob`,
 * `…CallAnalyticsJob` and `…MedicalScribeJob` (`lib/model/types/transcribe.ts`): the `Get…Job`
 * answer, `OutputLocationType` from the list summary, and the derived `OutputEncryption` and
 * `KMSEncryptionContext`, which no `Get…Job` returns. The buckets of media and customer-bucket outputs
 * are read too, and the keys that encrypt outputs. Calls per job are constant: one `Get…Job`, at most
 * one `HeadObject`; buckets, keys and the Region's CloudTrail history are read once per run.
 */
export const transcribeJobs: Collector = {
  name: 'transcribe-jobs',
  operations: [...JOB_OPERATIONS, ...ENCRYPTION_OPERATIONS, LOOKUP_EVENTS, ...S3_OPERATIONS],
  emits: [...JOB_TYPES, ...S3_TYPES],
  async collect(ctx) {
    const t = await loadTranscribe();
    const client = ctx.client(t.TranscribeClient);
    await Promise.all(FAMILIES.map((family) => collectFamily(ctx, t, client, family)));
  },
};

async function collectFamily(ctx: CollectorContext, t: Transcribe, client: TranscribeClient, family: JobFamily): Promise<void> {
  const listed = await listAll(ctx, family.list, (token) => family.page(t, client, token), (page) => page);
  if (failed(listed)) {
    ctx.gap([family.type], listed.reason);
    return;
  }
  const recent = listed.filter((s) => !s.created || s.created.getTime() >= ctx.since.getTime());
  await mapLimit(recent, JOBS_AT_ONCE, (s) => collectJob(ctx, t, client, family, s));
}

/** The first URI a job's output can be read at (the unredacted transcript when there is one). */
function outputUri(job: Fields | undefined): string | undefined {
  const transcript = (job?.Transcript ?? {}) as Fields;
  const scribe = (job?.MedicalScribeOutput ?? {}) as Fields;
  const uri = transcript.TranscriptFileUri ?? transcript.RedactedTranscriptFileUri ?? scribe.TranscriptFileUri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * `OutputLocationType` as the output URI shows it: the service bucket hands out pre-signed URLs, a
 * customer bucket's output is a plain object URL. Undefined when there is no URI to tell by.
 */
function locationOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  if (/[?&]X-Amz-Signature=/i.test(uri)) return 'SERVICE_BUCKET';
  return s3Location(uri) ? 'CUSTOMER_BUCKET' : undefined;
}

/** Every S3 URI a job reads or writes; the service bucket's outputs are AWS's and left out. */
function bucketsOf(job: Fields, serviceBucket: boolean): string[] {
  const groups = [job.Media, ...(serviceBucket ? [] : [job.Transcript, job.MedicalScribeOutput])];
  const uris = groups.flatMap((g) => (g && typeof g === 'object' ? Object.values(g as Fields) : [])).filter((u): u is string => typeof u === 'string');
  return [...new Set(uris.flatMap((u) => s3Location(u)?.bucket ?? []))];
}

async function collectJob(ctx: CollectorContext, t: Transcribe, client: TranscribeClient, family: JobFamily, summary: Summary): Promise<void> {
  const { name } = summary;
  const described = await ctx.call(family.get, () => absentOn(['NotFoundException'], () => family.describe(t, client, name)));
  // Deleted between the list and the Get: nothing left to audit.
  if (!failed(described) && described === undefined) return;
  const job = failed(described) ? undefined : (plain(described) as Fields);
  const props: Fields = {};
  for (const m of family.fromSummary) props[m] = plain(summary.fields[m]);
  Object.assign(props, job, { [NAME_PROPERTY[family.type]]: name });
  props.Status = props[family.statusMember];
  if (family.derivesLocation) props.OutputLocationType = locationOf(outputUri(job));
  if (failed(described)) for (const m of family.fromGet) props[m] = unknownFrom(described);
  else props.Tags = tagsOf(described?.Tags);

  const what = `${family.label} ${name}`;
  const event = eventOf(ctx, { names: [family.startEvent], nameMember: family.nameMember, value: name, what, notAfter: summary.created });
  const serviceBucket = props.OutputLocationType === 'SERVICE_BUCKET';
  if (!serviceBucket) {
    const uri = outputUri(job);
    const object = failed(described)
      ? described.reason
      : uri
        ? (s3Location(uri) ?? `the output URI ${uri} is not an S3 URI`)
        : `the job names no output object (status ${String(props.Status ?? 'unknown')})`;
    props.OutputEncryption = await outputEncryption(ctx, { what, object, event });
  }
  // A service-bucket job cannot name a key, so it has no context to look for.
  if (family.takesContext && !serviceBucket) props.KMSEncryptionContext = encryptionContext(await event());
  if (job) for (const bucket of bucketsOf(job, serviceBucket)) await followBucket(ctx, bucket);
  ctx.emit(live(family.type, transcribeId(family.type, name), transcribeArn(ctx, family.type, name), `transcribe:${family.get.action}`, props));
}
