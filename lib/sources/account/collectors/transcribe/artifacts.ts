import type { LanguageModel, TranscribeClient } from '@aws-sdk/client-transcribe';
import { failed, type AwsOperation, type Collector, type CollectorContext } from '../../collector';
import { followBucket, S3_OPERATIONS, S3_TYPES } from '../follow/s3';
import { KMS_OPERATIONS } from '../follow/kms';
import { absentOn, listAll, mapLimit, ops, orUnknown, unknownFrom } from '../support/calls';
import { live } from '../support/shape';
import { artifactEncryption } from './encryption';
import { findEvent, LOOKUP_EVENTS, member, type TrailEvent } from './events';
import { LIST_TAGS, plain, readTags, transcribeArn, transcribeId } from './shape';
import { s3Location } from './uri';
import { CALL_ANALYTICS_CATEGORY, LANGUAGE_MODEL, MEDICAL_VOCABULARY, VOCABULARY, VOCABULARY_FILTER } from '../../../../model/types/transcribe';
import { loadTranscribe } from '../support/sdk';

type Transcribe = typeof import('@aws-sdk/client-transcribe');

const [
  LIST_VOCABULARIES,
  GET_VOCABULARY,
  LIST_MEDICAL_VOCABULARIES,
  LIST_VOCABULARY_FILTERS,
  GET_VOCABULARY_FILTER,
  LIST_LANGUAGE_MODELS,
  DESCRIBE_LANGUAGE_MODEL,
  LIST_CATEGORIES,
] = ops(
  'transcribe',
  'ListVocabularies',
  'GetVocabulary',
  'ListMedicalVocabularies',
  'ListVocabularyFilters',
  'GetVocabularyFilter',
  'ListLanguageModels',
  'DescribeLanguageModel',
  'ListCallAnalyticsCategories',
);

interface Scope {
  ctx: CollectorContext;
  t: Transcribe;
  client: TranscribeClient;
}

/**
 * Transcribe's custom artifacts of a Region: `AWS::Transcribe::Vocabulary`, `…MedicalVocabulary`,
 * `…VocabularyFilter`, `…CallAnalyticsCategory` (CloudFormation's types, with the live-only
 * `VocabularyState` and `EncryptionConfiguration`) and `Live::Transcribe::LanguageModel`, each with
 * its tags (`ListTagsForResource`). `EncryptionConfiguration` comes from the response when it carries
 * one, else from the `Create…`/`Update…` CloudTrail event. Training-data buckets are read too.
 * `GetMedicalVocabulary` is not called: it adds only a service download URL to what the list says.
 */
export const transcribeArtifacts: Collector = {
  name: 'transcribe-artifacts',
  operations: [
    LIST_VOCABULARIES,
    GET_VOCABULARY,
    LIST_MEDICAL_VOCABULARIES,
    LIST_VOCABULARY_FILTERS,
    GET_VOCABULARY_FILTER,
    LIST_LANGUAGE_MODELS,
    DESCRIBE_LANGUAGE_MODEL,
    LIST_CATEGORIES,
    LIST_TAGS,
    LOOKUP_EVENTS,
    ...S3_OPERATIONS,
    ...KMS_OPERATIONS,
  ],
  emits: [VOCABULARY, MEDICAL_VOCABULARY, VOCABULARY_FILTER, CALL_ANALYTICS_CATEGORY, LANGUAGE_MODEL, ...S3_TYPES],
  async collect(ctx) {
    const t = await loadTranscribe();
    const scope: Scope = { ctx, t, client: ctx.client(t.TranscribeClient) };
    await Promise.all([vocabularies(scope), medicalVocabularies(scope), filters(scope), languageModels(scope), categories(scope)]);
  },
};

/**
 * The event that set an artifact's key: the newest `Update…` (or `Create…`) whose request carries
 * `encryptionConfiguration`, else the `Create…` event, whose request then named no key. An update
 * without the member is taken to keep the key it had.
 */
function keyEvent(ctx: CollectorContext, [create, ...updates]: readonly string[], nameMember: string, value: string, what: string): () => Promise<TrailEvent | string> {
  let found: Promise<TrailEvent | string> | undefined;
  const lookup = async () => {
    const keyed = await findEvent(ctx, { names: [create, ...updates], nameMember, value, what, where: (e) => member(e.request, 'encryptionConfiguration') !== undefined });
    return typeof keyed === 'string' ? findEvent(ctx, { names: [create], nameMember, value, what }) : keyed;
  };
  return () => (found ??= lookup());
}

/** Visits every artifact a paginated list returns, four at a time; a failed listing leaves a gap for `type`. */
async function eachListed<P, I>(
  ctx: CollectorContext,
  type: string,
  operation: AwsOperation,
  fetch: (token: string | undefined) => Promise<P>,
  pick: (page: P) => { items?: readonly I[] | undefined; next?: string | undefined },
  visit: (item: I) => Promise<void>,
): Promise<void> {
  const listed = await listAll(ctx, operation, fetch, pick);
  if (failed(listed)) return ctx.gap([type], listed.reason);
  await mapLimit(listed, 4, visit);
}

function emit(ctx: CollectorContext, type: string, name: string, api: string, props: Record<string, unknown>): void {
  ctx.emit(live(type, transcribeId(type, name), transcribeArn(ctx, type, name), api, props));
}

async function vocabularies({ ctx, t, client }: Scope): Promise<void> {
  await eachListed(
    ctx,
    VOCABULARY,
    LIST_VOCABULARIES,
    (NextToken) => client.send(new t.ListVocabulariesCommand({ NextToken, MaxResults: 100 })),
    (page) => ({ items: page.Vocabularies, next: page.NextToken }),
    async ({ VocabularyName: name, LanguageCode, VocabularyState }) => {
      if (!name) return;
      const [got, tags] = await Promise.all([
        ctx.call(GET_VOCABULARY, () => absentOn(['NotFoundException'], () => client.send(new t.GetVocabularyCommand({ VocabularyName: name })))),
        readTags(ctx, client, transcribeArn(ctx, VOCABULARY, name)),
      ]);
      if (!failed(got) && !got) return;
      const event = keyEvent(ctx, ['CreateVocabulary', 'UpdateVocabulary'], 'vocabularyName', name, `vocabulary ${name}`);
      emit(ctx, VOCABULARY, name, 'transcribe:GetVocabulary', {
        VocabularyName: name,
        LanguageCode,
        VocabularyState: failed(got) ? VocabularyState : got.VocabularyState,
        DataAccessRoleArn: orUnknown(got, (g) => g.DataAccessRoleArn),
        EncryptionConfiguration: failed(got) ? unknownFrom(got) : await artifactEncryption(ctx, got.EncryptionConfiguration, event),
        Tags: tags,
      });
    },
  );
}

async function medicalVocabularies({ ctx, t, client }: Scope): Promise<void> {
  await eachListed(
    ctx,
    MEDICAL_VOCABULARY,
    LIST_MEDICAL_VOCABULARIES,
    (NextToken) => client.send(new t.ListMedicalVocabulariesCommand({ NextToken, MaxResults: 100 })),
    (page) => ({ items: page.Vocabularies, next: page.NextToken }),
    async ({ VocabularyName: name, LanguageCode, VocabularyState }) => {
      if (!name) return;
      const Tags = await readTags(ctx, client, transcribeArn(ctx, MEDICAL_VOCABULARY, name));
      emit(ctx, MEDICAL_VOCABULARY, name, 'transcribe:ListMedicalVocabularies', { VocabularyName: name, LanguageCode, VocabularyState, Tags });
    },
  );
}

async function filters({ ctx, t, client }: Scope): Promise<void> {
  await eachListed(
    ctx,
    VOCABULARY_FILTER,
    LIST_VOCABULARY_FILTERS,
    (NextToken) => client.send(new t.ListVocabularyFiltersCommand({ NextToken, MaxResults: 100 })),
    (page) => ({ items: page.VocabularyFilters, next: page.NextToken }),
    async ({ VocabularyFilterName: name, LanguageCode }) => {
      if (!name) return;
      const [got, tags] = await Promise.all([
        ctx.call(GET_VOCABULARY_FILTER, () => absentOn(['NotFoundException'], () => client.send(new t.GetVocabularyFilterCommand({ VocabularyFilterName: name })))),
        readTags(ctx, client, transcribeArn(ctx, VOCABULARY_FILTER, name)),
      ]);
      if (!failed(got) && !got) return;
      const event = keyEvent(ctx, ['CreateVocabularyFilter', 'UpdateVocabularyFilter'], 'vocabularyFilterName', name, `vocabulary filter ${name}`);
      emit(ctx, VOCABULARY_FILTER, name, 'transcribe:GetVocabularyFilter', {
        VocabularyFilterName: name,
        LanguageCode,
        DataAccessRoleArn: orUnknown(got, (g) => g.DataAccessRoleArn),
        EncryptionConfiguration: failed(got) ? unknownFrom(got) : await artifactEncryption(ctx, got.EncryptionConfiguration, event),
        Tags: tags,
      });
    },
  );
}

async function languageModels({ ctx, t, client }: Scope): Promise<void> {
  await eachListed(
    ctx,
    LANGUAGE_MODEL,
    LIST_LANGUAGE_MODELS,
    (NextToken) => client.send(new t.ListLanguageModelsCommand({ NextToken, MaxResults: 100 })),
    (page) => ({ items: page.Models, next: page.NextToken }),
    async (summary) => {
      const name = summary.ModelName;
      if (!name) return;
      // The list returns whole models; describe only one that came without its training data.
      const described = summary.InputDataConfig
        ? summary
        : await ctx.call(DESCRIBE_LANGUAGE_MODEL, () => absentOn(['NotFoundException'], async () => (await client.send(new t.DescribeLanguageModelCommand({ ModelName: name }))).LanguageModel));
      if (!failed(described) && !described) return;
      const model: LanguageModel = failed(described) ? summary : described;
      const tags = await readTags(ctx, client, transcribeArn(ctx, LANGUAGE_MODEL, name));
      const event = keyEvent(ctx, ['CreateLanguageModel'], 'modelName', name, `language model ${name}`);
      for (const uri of [model.InputDataConfig?.S3Uri, model.InputDataConfig?.TuningDataS3Uri]) {
        const bucket = s3Location(uri)?.bucket;
        if (bucket) await followBucket(ctx, bucket);
      }
      emit(ctx, LANGUAGE_MODEL, name, 'transcribe:DescribeLanguageModel', {
        ModelName: name,
        BaseModelName: model.BaseModelName,
        LanguageCode: model.LanguageCode,
        ModelStatus: model.ModelStatus,
        InputDataConfig: failed(described) ? unknownFrom(described) : plain(model.InputDataConfig),
        EncryptionConfiguration: await artifactEncryption(ctx, model.EncryptionConfiguration, event),
        Tags: tags,
      });
    },
  );
}

async function categories({ ctx, t, client }: Scope): Promise<void> {
  await eachListed(
    ctx,
    CALL_ANALYTICS_CATEGORY,
    LIST_CATEGORIES,
    (NextToken) => client.send(new t.ListCallAnalyticsCategoriesCommand({ NextToken, MaxResults: 100 })),
    (page) => ({ items: page.Categories, next: page.NextToken }),
    async ({ CategoryName: name, InputType, Rules }) => {
      if (!name) return;
      const Tags = await readTags(ctx, client, transcribeArn(ctx, CALL_ANALYTICS_CATEGORY, name));
      emit(ctx, CALL_ANALYTICS_CATEGORY, name, 'transcribe:ListCallAnalyticsCategories', { CategoryName: name, InputType, Rules: plain(Rules), Tags });
    },
  );
}
