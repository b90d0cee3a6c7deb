import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { get } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { bucketEncryption } from '../shared/bucket';
import { resolveKey } from '../shared/kms';
import { bucketOf } from '../shared/transcribe';
import { ENCRYPTION_LEVELS, atLeast } from '../../lib/model/types/encryption';
import { S3_BUCKET } from '../../lib/model/types/s3';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { LANGUAGE_MODEL, MEDICAL_VOCABULARY, VOCABULARY, VOCABULARY_FILTER, type ArtifactProperties } from '../../lib/model/types/transcribe';
import { transcribeLabel } from '../../lib/model/relations/transcribe';

/** The source file each artifact is built from. */
const SOURCES: Record<string, 'VocabularyFileUri' | 'VocabularyFilterFileUri' | 'InputDataConfig.S3Uri'> = {
  [VOCABULARY]: 'VocabularyFileUri',
  [MEDICAL_VOCABULARY]: 'VocabularyFileUri',
  [VOCABULARY_FILTER]: 'VocabularyFilterFileUri',
  [LANGUAGE_MODEL]: 'InputDataConfig.S3Uri',
};

const OPTIONS = {
  minimumSourceEncryption: option.oneOf(ENCRYPTION_LEVELS, 'aws-managed-kms', `Lowest acceptable default encryption of buckets holding source files, one of ${ENCRYPTION_LEVELS.join(' < ')}`),
};

export default defineCheck({
  id: 'TR-DP-10',
  title: 'Custom vocabularies, filters and language models use encrypted sources and a customer-managed key',
  severity: 'LOW',
  rationale:
    'Vocabularies, filters and training data reveal the names, products and phrases of your domain. Their source files should sit in KMS-encrypted buckets, and where the API allows it the artifact itself should use your key (EncryptionConfiguration) rather than an AWS-owned key.',
  remediation:
    'Keep vocabulary, filter and training files in buckets with aws:kms default encryption, and pass EncryptionConfiguration {KMSKey, KMSEncryptionContext} when creating language models (and vocabularies where supported). CloudFormation has no such property: create them through the API or a custom resource to set it.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/APIReference/API_EncryptionConfiguration.html',
  options: OPTIONS,
  // CloudFormation cannot set EncryptionConfiguration: only the account shows which key an artifact uses.
  synth: {
    resourceTypes: Object.keys(SOURCES),
    reads: [S3_BUCKET, KMS_KEY, KMS_ALIAS],
    evaluate: (artifact, ctx) => orNotApplicable(ctx.graph, artifact, sourceVerdicts(ctx, artifact)),
  },
  // CreateMedicalVocabulary takes no key at all, so a medical vocabulary has no key to judge.
  live: {
    resourceTypes: Object.keys(SOURCES),
    reads: [S3_BUCKET, KMS_KEY, KMS_ALIAS],
    evaluate: (artifact, ctx) =>
      orNotApplicable(ctx.graph, artifact, [...sourceVerdicts(ctx, artifact), ...(artifact.type === MEDICAL_VOCABULARY ? [] : [artifactKey(ctx.graph, artifact)])]),
  },
});

function orNotApplicable(graph: ResourceGraph, artifact: Resource, verdicts: Verdict[]): Verdict | Verdict[] {
  return verdicts.length > 0 ? verdicts : notApplicable(`${transcribeLabel(graph, artifact)} has no source file in S3, and CloudFormation cannot set its key`);
}

/** The bucket holding the artifact's source file, judged by its default encryption. */
function sourceVerdicts(ctx: CheckContext<typeof OPTIONS>, artifact: Resource): Verdict[] {
    const minimum = ctx.options.minimumSourceEncryption;
    const { graph } = ctx;
    const verdicts: Verdict[] = [];
    const path = SOURCES[artifact.type];
    const uri = get(graph.props<ArtifactProperties>(artifact), path);
    if (uri !== undefined) {
      const at = { path, findingKey: 'Source' };
      const bucket = bucketOf(ctx, uri);
      if (bucket === undefined || bucket instanceof Unknown) verdicts.push(unknown(`the bucket of ${path} cannot be checked: ${bucket?.reason ?? `${render(uri)} names no bucket`}`, at));
      else {
        const enc = bucketEncryption(graph, bucket);
        if (enc instanceof Unknown) verdicts.push(unknown(enc.reason, at));
        else if (atLeast(enc.level, minimum)) verdicts.push(pass(`the source file is in a bucket at level ${enc.level}: ${enc.detail}`, at));
        else verdicts.push(fail(`the source file is in a bucket at level ${enc.level}, below ${minimum}: ${enc.detail}`, at));
      }
    }
    return verdicts;
}

function artifactKey(graph: ResourceGraph, artifact: Resource): Verdict {
  const name = transcribeLabel(graph, artifact);
  const at = { path: 'EncryptionConfiguration', findingKey: 'EncryptionConfiguration' };
  const evidence = graph.props<ArtifactProperties>(artifact).EncryptionConfiguration;
  if (evidence === undefined) return unknown(`no evidence of the key of ${name} was collected (the API does not return EncryptionConfiguration)`, at);
  if (evidence instanceof Unknown) return unknown(`the key of ${name} cannot be known: ${evidence.reason}`, at);
  const source = evidence.Evidence === 'cloudtrail' ? 'the create or update request in CloudTrail' : 'the API response';
  if (!evidence.KMSKey) return fail(`${name} is encrypted with an AWS-owned key, not yours (evidence: ${source})`, at);
  const key = resolveKey(graph, evidence.KMSKey);
  if (key && !(key instanceof Unknown) && key.kind === 'aws-managed') return fail(`${name} uses the AWS-managed key ${key.label} (evidence: ${source})`, at);
  return pass(`${name} is encrypted with key ${evidence.KMSKey} (evidence: ${source})`, at);
}
