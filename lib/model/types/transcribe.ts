import type { Tri } from '../values';
import type { EncryptionLevel } from './encryption';
import type { Cfn, CfnTags } from './view';

/**
 * The live shape of Amazon Transcribe: the contract between the Transcribe collectors and the
 * Transcribe checks (TR-DP-1/2/4/6/7/8/10, TR-COMP-1, and the live side of TR-IAM-2/6, TR-DP-3/5/11).
 *
 * CloudFormation has no type for jobs or custom language models, so collectors emit them as the
 * `Live::Transcribe::*` types below; vocabularies, medical vocabularies, vocabulary filters and Call
 * Analytics categories use their CloudFormation types, with the properties CloudFormation has plus the
 * live-only ones documented here.
 *
 * Rules for collectors (as for every live resource, see `lib/sources/account/collectors/support/shape.ts`):
 * - Property names are the SDK response member names, already PascalCase in the Transcribe API
 *   (`Media.MediaFileUri`, `ContentRedaction.RedactionOutput`). Copy the response structure as is and
 *   leave absent members out (absent means absent: the checks treat a missing member as "not set").
 * - A member that could not be read (a `Get*` call denied or failed after the `List*` succeeded) is an
 *   `Unknown` with the reason, never left out: leaving it out would read as "not set".
 * - `Tags` is CloudFormation's `[{Key, Value}]` list (from `Get*Job → Tags`, or `ListTagsForResource`),
 *   `Unknown` when it could not be read. Dates are ISO strings.
 * - `logicalId` is `<arn resource part>` (`transcription-job/NAME`); the ARN is
 *   `arn:${Partition}:transcribe:${Region}:${Account}:<resource part>` with the parts in `ARN_RESOURCE`.
 * - When a `List*` call fails, report a gap for its type (`ctx.gap([TRANSCRIPTION_JOB], reason)`): the
 *   checks then say UNKNOWN for that Region instead of finding no job.
 * - Follow what a job references so the checks can judge it: the buckets of `Media.MediaFileUri`,
 *   `Transcript.*Uri`, `MedicalScribeOutput.*Uri` and `InputDataConfig.S3Uri` (`followBucket`, which takes
 *   `s3://bucket/key` and `https://s3.<region>.amazonaws.com/bucket/key` alike once reduced to the bucket
 *   name), the KMS key of `OutputEncryption.KeyId` (`followKey`). Roles come from the IAM collector.
 * - Jobs are listable only until they expire (~90 days): the audit is point-in-time.
 */

export const TRANSCRIPTION_JOB = 'Live::Transcribe::TranscriptionJob';
export const MEDICAL_TRANSCRIPTION_JOB = 'Live::Transcribe::MedicalTranscriptionJob';
export const CALL_ANALYTICS_JOB = 'Live::Transcribe::CallAnalyticsJob';
export const MEDICAL_SCRIBE_JOB = 'Live::Transcribe::MedicalScribeJob';
export const LANGUAGE_MODEL = 'Live::Transcribe::LanguageModel';

/** CloudFormation types, emitted live too (see the live-only members below). */
export const VOCABULARY = 'AWS::Transcribe::Vocabulary';
export const MEDICAL_VOCABULARY = 'AWS::Transcribe::MedicalVocabulary';
export const VOCABULARY_FILTER = 'AWS::Transcribe::VocabularyFilter';
export const CALL_ANALYTICS_CATEGORY = 'AWS::Transcribe::CallAnalyticsCategory';

/** Every batch job type. */
export const JOB_TYPES = [TRANSCRIPTION_JOB, MEDICAL_TRANSCRIPTION_JOB, CALL_ANALYTICS_JOB, MEDICAL_SCRIBE_JOB];
/** Jobs whose output holds medical content (PHI by nature). */
export const MEDICAL_JOB_TYPES = [MEDICAL_TRANSCRIPTION_JOB, MEDICAL_SCRIBE_JOB];

/** The resource part of each type's ARN (and the collector's `logicalId`), before the name. */
export const ARN_RESOURCE: Readonly<Record<string, string>> = {
  [TRANSCRIPTION_JOB]: 'transcription-job/',
  [MEDICAL_TRANSCRIPTION_JOB]: 'medical-transcription-job/',
  [CALL_ANALYTICS_JOB]: 'analytics/',
  [MEDICAL_SCRIBE_JOB]: 'medical-scribe-job/',
  [LANGUAGE_MODEL]: 'language-model/',
  [VOCABULARY]: 'vocabulary/',
  [MEDICAL_VOCABULARY]: 'medical-vocabulary/',
  [VOCABULARY_FILTER]: 'vocabulary-filter/',
  [CALL_ANALYTICS_CATEGORY]: 'analytics-category/',
};

/** The member holding each job's (or model's) name. */
export const NAME_PROPERTY: Readonly<Record<string, string>> = {
  [TRANSCRIPTION_JOB]: 'TranscriptionJobName',
  [MEDICAL_TRANSCRIPTION_JOB]: 'MedicalTranscriptionJobName',
  [CALL_ANALYTICS_JOB]: 'CallAnalyticsJobName',
  [MEDICAL_SCRIBE_JOB]: 'MedicalScribeJobName',
  [LANGUAGE_MODEL]: 'ModelName',
  [VOCABULARY]: 'VocabularyName',
  [MEDICAL_VOCABULARY]: 'VocabularyName',
  [VOCABULARY_FILTER]: 'VocabularyFilterName',
  [CALL_ANALYTICS_CATEGORY]: 'CategoryName',
};

/** Where the encryption evidence of a job's output came from, strongest first. */
export const OUTPUT_EVIDENCE = ['object-headers', 'cloudtrail', 'bucket-default'] as const;
export type OutputEvidence = (typeof OUTPUT_EVIDENCE)[number];

/**
 * How a job's output is encrypted. Transcribe's `Get*Job` responses never return the output key, so
 * the collector derives it and says from what (CloudSploit's ladder: `none` < `sse-s3` <
 * `aws-managed-kms` < `customer-managed-kms`, the same levels as buckets: `./encryption.ts`).
 *
 * The collector tries, in this order, and emits the first that answers:
 * 1. `object-headers`: `s3:HeadObject` on `Transcript.TranscriptFileUri` (else `RedactedTranscriptFileUri`,
 *    `MedicalScribeOutput.TranscriptFileUri`) → `ServerSideEncryption` (`AES256` ⇒ `sse-s3`; `aws:kms` /
 *    `aws:kms:dsse` ⇒ a KMS level) and `SSEKMSKeyId` ⇒ `KeyId`. Only for `CUSTOMER_BUCKET` outputs.
 * 2. `cloudtrail`: `cloudtrail:LookupEvents(EventName=Start…Job)`, the event whose request names this
 *    job → `requestParameters.outputEncryptionKMSKeyId` (member names matched case-insensitively) ⇒
 *    `KeyId`. The field names are not confirmed by an example event: when the member is absent, `Level`
 *    is `Unknown` ("the Start…Job event carries no output key member"), never `sse-s3`.
 * 3. `bucket-default`: `s3:GetBucketEncryption` of the output bucket. Weakest: a key given to the job
 *    overrides it, so it only bounds what the job used.
 *
 * For a KMS level, `KeyId` is the key ARN (or id/alias as found) and the collector follows the key so
 * `AWS::KMS::Key.KeyManager` decides `aws-managed-kms` vs `customer-managed-kms`; when the key cannot be
 * described, `Level` is `Unknown`. A `SERVICE_BUCKET` job gets no `OutputEncryption` (the service's
 * bucket cannot be inspected; the checks read `OutputLocationType` first). When no evidence answers for
 * a customer-bucket job, emit `OutputEncryption` as an `Unknown` with the reason.
 */
export interface OutputEncryption {
  Level: Tri<EncryptionLevel>;
  KeyId?: string;
  Evidence: OutputEvidence;
  /**
   * The KMS encryption context, when the evidence carries it (a `cloudtrail` event's
   * `requestParameters.kMSEncryptionContext`). See `EncryptionContextEvidence` for TR-DP-4.
   */
  EncryptionContext?: Record<string, string>;
}

/**
 * The KMS encryption context a job was started with (TR-DP-4), from the CloudTrail `Start…Job` event
 * (90-day window). `Context` is the request's `kMSEncryptionContext` map (member name matched
 * case-insensitively). `{}` means "none given", and the collector may only say so when the same event's
 * `requestParameters` carry an `outputEncryptionKMSKeyId` member (so the request's encryption members
 * are recorded) and no context member; otherwise (no event found, lookup denied, members absent) the
 * whole property is an `Unknown` with the reason.
 */
export interface EncryptionContextEvidence {
  Context: Record<string, string>;
  Evidence: 'cloudtrail';
  /** `eventTime` of the event used. */
  EventTime?: string;
}

/** `ContentRedaction` as the API returns it (standard jobs; Call Analytics: under `Settings`). */
export interface ContentRedaction {
  RedactionType?: 'PII' | string;
  /** `redacted` | `redacted_and_unredacted`. */
  RedactionOutput?: string;
  PiiEntityTypes?: string[];
}

/** Members shared by every job type. */
interface JobCommon {
  /** `IN_PROGRESS` | `QUEUED` | `FAILED` | `COMPLETED`. */
  Status?: string;
  CreationTime?: string;
  CompletionTime?: string;
  Tags?: Tri<Array<{ Key: string; Value: string }>>;
  /** Derived, see `OutputEncryption`. */
  OutputEncryption?: Tri<OutputEncryption>;
  /** Derived, see `EncryptionContextEvidence` (standard, medical and HealthScribe jobs; TR-DP-4). */
  KMSEncryptionContext?: Tri<EncryptionContextEvidence>;
}

/**
 * `Live::Transcribe::TranscriptionJob`: `GetTranscriptionJob → TranscriptionJob`, plus
 * `OutputLocationType` from the `ListTranscriptionJobs` summary (the job itself does not carry it).
 */
export interface TranscriptionJobProperties extends JobCommon {
  TranscriptionJobName: string;
  TranscriptionJobStatus?: string;
  LanguageCode?: string;
  Media?: { MediaFileUri?: string; RedactedMediaFileUri?: string };
  Transcript?: { TranscriptFileUri?: string; RedactedTranscriptFileUri?: string };
  /** `CUSTOMER_BUCKET` | `SERVICE_BUCKET`, from the summary. */
  OutputLocationType?: Tri<string>;
  ContentRedaction?: Tri<ContentRedaction>;
  JobExecutionSettings?: { DataAccessRoleArn?: string; AllowDeferredExecution?: boolean };
  Settings?: Record<string, unknown>;
  ModelSettings?: { LanguageModelName?: string };
}

/**
 * `Live::Transcribe::MedicalTranscriptionJob`: `GetMedicalTranscriptionJob → MedicalTranscriptionJob`,
 * plus `OutputLocationType` from the `ListMedicalTranscriptionJobs` summary.
 */
export interface MedicalTranscriptionJobProperties extends JobCommon {
  MedicalTranscriptionJobName: string;
  TranscriptionJobStatus?: string;
  Media?: { MediaFileUri?: string };
  Transcript?: { TranscriptFileUri?: string };
  OutputLocationType?: Tri<string>;
  /** `PHI` when PHI identification is on; absent otherwise. */
  ContentIdentificationType?: Tri<string>;
  Specialty?: string;
  Type?: string;
}

/**
 * `Live::Transcribe::CallAnalyticsJob`: `GetCallAnalyticsJob → CallAnalyticsJob`. `OutputLocation` is
 * optional on `StartCallAnalyticsJob` (without it the output goes to the service bucket), and neither the
 * job nor its summary says which: `OutputLocationType` is derived, `SERVICE_BUCKET` when
 * `Transcript.TranscriptFileUri` is a pre-signed URL (query string with `X-Amz-Signature`),
 * `CUSTOMER_BUCKET` when it is a plain `s3://` or https object URL, left out when it cannot be told.
 */
export interface CallAnalyticsJobProperties extends JobCommon {
  CallAnalyticsJobName: string;
  CallAnalyticsJobStatus?: string;
  OutputLocationType?: string;
  Media?: { MediaFileUri?: string; RedactedMediaFileUri?: string };
  Transcript?: { TranscriptFileUri?: string; RedactedTranscriptFileUri?: string };
  DataAccessRoleArn?: string;
  Settings?: Tri<{ ContentRedaction?: ContentRedaction; [k: string]: unknown }>;
}

/** `Live::Transcribe::MedicalScribeJob`: `GetMedicalScribeJob → MedicalScribeJob` (HealthScribe). */
export interface MedicalScribeJobProperties extends JobCommon {
  MedicalScribeJobName: string;
  MedicalScribeJobStatus?: string;
  Media?: { MediaFileUri?: string };
  MedicalScribeOutput?: { TranscriptFileUri?: string; ClinicalDocumentUri?: string };
  DataAccessRoleArn?: string;
  Settings?: Record<string, unknown>;
}

/**
 * Where a custom artifact's KMS key setting comes from (TR-DP-10). `EncryptionConfiguration` is
 * documented for `CreateLanguageModel`/`UpdateLanguageModel` (and vocabularies) but not returned by the
 * pinned API: `api-response` when a response does carry it, else `cloudtrail` from the
 * `Create…`/`Update…` event's `requestParameters.encryptionConfiguration` (case-insensitive).
 */
export interface ArtifactEncryption {
  /** The key given, absent when the request named none (Transcribe then uses an AWS-owned key). */
  KMSKey?: string;
  KMSEncryptionContext?: Record<string, string>;
  Evidence: 'api-response' | 'cloudtrail';
}

/**
 * `Live::Transcribe::LanguageModel`: `DescribeLanguageModel → LanguageModel`, plus `Tags`
 * (`ListTagsForResource`) and `EncryptionConfiguration` (see `ArtifactEncryption`; an `Unknown` when no
 * evidence was found, e.g. the model is older than CloudTrail's 90-day window).
 */
export interface LanguageModelProperties {
  ModelName: string;
  BaseModelName?: string;
  LanguageCode?: string;
  ModelStatus?: string;
  InputDataConfig?: { S3Uri?: string; TuningDataS3Uri?: string; DataAccessRoleArn?: string };
  Tags?: Tri<Array<{ Key: string; Value: string }>>;
  EncryptionConfiguration?: Tri<ArtifactEncryption>;
}

/**
 * Live-only members of the CloudFormation Transcribe types. `AWS::Transcribe::Vocabulary` {VocabularyName,
 * LanguageCode, Tags}, `AWS::Transcribe::MedicalVocabulary` {VocabularyName, LanguageCode, Tags},
 * `AWS::Transcribe::VocabularyFilter` {VocabularyFilterName, LanguageCode, Tags},
 * `AWS::Transcribe::CallAnalyticsCategory` {CategoryName, InputType, Tags}: the `Get*` responses return
 * a `DownloadUri` (a service URL), not the `VocabularyFileUri` the artifact was created from, and no
 * `DataAccessRoleArn`: leave both out. Add these live-only members:
 */
export interface VocabularyLiveProperties {
  /** `READY` | `PENDING` | `FAILED` (`VocabularyState`). */
  VocabularyState?: string;
  /** See `ArtifactEncryption` (vocabularies and filters). */
  EncryptionConfiguration?: Tri<ArtifactEncryption>;
}

/** `AWS::Transcribe::Vocabulary`. */
export interface VocabularyProps extends VocabularyLiveProperties {
  VocabularyName?: Cfn<string>;
  LanguageCode?: Cfn<string>;
  VocabularyFileUri?: Cfn<string>;
  DataAccessRoleArn?: Cfn<string>;
  Tags?: CfnTags;
}

/** `AWS::Transcribe::MedicalVocabulary`. */
export interface MedicalVocabularyProps extends VocabularyLiveProperties {
  VocabularyName?: Cfn<string>;
  LanguageCode?: Cfn<string>;
  VocabularyFileUri?: Cfn<string>;
  Tags?: CfnTags;
}

/** `AWS::Transcribe::VocabularyFilter`. */
export interface VocabularyFilterProps extends VocabularyLiveProperties {
  VocabularyFilterName?: Cfn<string>;
  LanguageCode?: Cfn<string>;
  VocabularyFilterFileUri?: Cfn<string>;
  DataAccessRoleArn?: Cfn<string>;
  Tags?: CfnTags;
}

/** `AWS::Transcribe::CallAnalyticsCategory`. */
export interface CallAnalyticsCategoryProps {
  CategoryName?: Cfn<string>;
  InputType?: Cfn<string>;
  Tags?: CfnTags;
}

/** A batch job of any of the four types: the members of each (a job has those of its own type). */
export type AnyJobProperties = Partial<TranscriptionJobProperties & MedicalTranscriptionJobProperties & CallAnalyticsJobProperties & MedicalScribeJobProperties>;

/** A custom artifact (vocabulary, medical vocabulary, filter, language model): the members of each. */
export type ArtifactProperties = VocabularyProps & MedicalVocabularyProps & VocabularyFilterProps & Partial<LanguageModelProperties>;

/** Data-access role members, per type, as the checks follow them (TR-IAM-2). */
export const ROLE_PATHS: Readonly<Record<string, string>> = {
  [TRANSCRIPTION_JOB]: 'JobExecutionSettings.DataAccessRoleArn',
  [CALL_ANALYTICS_JOB]: 'DataAccessRoleArn',
  [MEDICAL_SCRIBE_JOB]: 'DataAccessRoleArn',
  [LANGUAGE_MODEL]: 'InputDataConfig.DataAccessRoleArn',
  [VOCABULARY]: 'DataAccessRoleArn',
  [VOCABULARY_FILTER]: 'DataAccessRoleArn',
};

/**
 * Transcription jobs the application starts itself. CloudFormation has no job type, but an app can
 * start jobs from a Step Functions task on the `aws-sdk:transcribe` service integration (CDK
 * `CallAwsService`) or from a custom resource calling the Transcribe API on deploy (CDK
 * `AwsCustomResource`). A source step (`lib/sources/derive/app-jobs.ts`) reads those definitions once
 * per graph and adds one `App::Transcribe::Start…` resource per job start, so checks judge them like
 * any other resource:
 * - in the stack of the state machine or custom resource that starts the job, evaluated when it is,
 *   with a logical id extending its own (`Flow#State::Transcribe`, `StartJob#Create`);
 * - `origin` (see `Resource.origin`) is that state machine or custom resource and the property the
 *   call is written in (`DefinitionString`, `Definition`, `Create`): findings about the job belong there;
 * - properties: `Parameters`, the request as written (`OutputBucketName`, `Media.MediaFileUri`…), with a
 *   parameter computed at run time (JSONPath `Key.$`, JSONata `{% … %}`) or at deploy time (a token
 *   inside `DefinitionString`) `Unknown` for its key only, and `Parameters` itself `Unknown` when the
 *   whole request is computed; `State` (the task state's name) or `Call` (`Create`, `Update`, `Delete`).
 * A call that may start a job but cannot be read (a definition in S3 or behind a token, a task whose
 * `Resource` is not known, an SDK call whose service or action is not known) is an
 * `App::Transcribe::UnreadableJobStart` with the `Reason`.
 */
export const START_ACTIONS = ['StartTranscriptionJob', 'StartMedicalTranscriptionJob', 'StartCallAnalyticsJob', 'StartMedicalScribeJob'] as const;
export type StartAction = (typeof START_ACTIONS)[number];

export const APP_TRANSCRIPTION_JOB = 'App::Transcribe::StartTranscriptionJob';
export const APP_MEDICAL_TRANSCRIPTION_JOB = 'App::Transcribe::StartMedicalTranscriptionJob';
export const APP_CALL_ANALYTICS_JOB = 'App::Transcribe::StartCallAnalyticsJob';
export const APP_MEDICAL_SCRIBE_JOB = 'App::Transcribe::StartMedicalScribeJob';
export const APP_UNREADABLE_JOB_START = 'App::Transcribe::UnreadableJobStart';

/** The type of the job starts of each action. */
export const APP_JOB_TYPE: Readonly<Record<StartAction, string>> = {
  StartTranscriptionJob: APP_TRANSCRIPTION_JOB,
  StartMedicalTranscriptionJob: APP_MEDICAL_TRANSCRIPTION_JOB,
  StartCallAnalyticsJob: APP_CALL_ANALYTICS_JOB,
  StartMedicalScribeJob: APP_MEDICAL_SCRIBE_JOB,
};
/** Every type of job start an app makes. */
export const APP_JOB_TYPES: readonly string[] = START_ACTIONS.map((a) => APP_JOB_TYPE[a]);

/** The action of an `App::Transcribe::Start…` type. */
export function startActionOf(type: string): StartAction | undefined {
  return START_ACTIONS.find((a) => APP_JOB_TYPE[a] === type);
}

/** The `Start…Job` request members lexscribe reads (all four actions; each takes some of them). */
export interface StartJobParameters {
  TranscriptionJobName?: Cfn<string>;
  Media?: Cfn<{ MediaFileUri?: Cfn<string> }>;
  /** Standard, medical and HealthScribe jobs. */
  OutputBucketName?: Cfn<string>;
  /** Call Analytics jobs (`s3://bucket/prefix/`). */
  OutputLocation?: Cfn<string>;
  OutputEncryptionKMSKeyId?: Cfn<string>;
  /** Call Analytics and HealthScribe jobs. */
  DataAccessRoleArn?: Cfn<string>;
  JobExecutionSettings?: Cfn<{ DataAccessRoleArn?: Cfn<string> }>;
  ContentRedaction?: Cfn<{ RedactionType?: Cfn<string>; RedactionOutput?: Cfn<string> }>;
  /** Medical jobs: `PHI` turns PHI identification on. */
  ContentIdentificationType?: Cfn<string>;
  Settings?: Cfn<{ ContentRedaction?: Cfn<{ RedactionType?: Cfn<string>; RedactionOutput?: Cfn<string> }> }>;
  Tags?: CfnTags;
}

/** Properties of an `App::Transcribe::Start…` resource. */
export interface AppJobStartProps {
  /** The request; `Unknown` when it is computed at run time as a whole. */
  Parameters: Tri<StartJobParameters>;
  /** The task state that starts the job (state machines). */
  State?: string;
  /** The custom resource call that starts the job: `Create`, `Update` or `Delete`. */
  Call?: string;
}

/** Properties of an `App::Transcribe::UnreadableJobStart`: which part cannot be read, and why. */
export interface UnreadableJobStartProps {
  Reason: string;
  /** The task state whose `Resource` cannot be known. */
  State?: string;
  /** The custom resource call that cannot be read. */
  Call?: string;
}

/** How reasons name a job start: `state "Transcribe"`, `the Create call`. */
export function jobStartLabel(props: { State?: string; Call?: string }): string {
  return props.State !== undefined ? `state "${props.State}"` : `the ${props.Call} call`;
}

/** The finding-key prefix of a job start (or an unreadable one): `State::Transcribe`, `Create`, `Definition`. */
export function jobStartKey(props: { State?: string; Call?: string }): string {
  return props.State !== undefined ? `State::${props.State}` : (props.Call ?? 'Definition');
}

/** Transcribe's service principals (data-access roles trust the first). */
export const TRANSCRIBE_PRINCIPALS = ['transcribe.amazonaws.com', 'transcribe.streaming.amazonaws.com'];
