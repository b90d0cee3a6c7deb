import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { role, trustPolicy, vocabulary } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';

const filter = (name: string, tags: transcribe.CfnVocabularyFilter['tags'] | undefined, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => void new transcribe.CfnVocabularyFilter(stack, 'Filter', { vocabularyFilterName: 'f', languageCode: 'en-US', words: ['x'], tags: tags as never }),
  statuses,
});
const reader = (name: string, conditions: Record<string, unknown> | undefined, status: string): CdkCase => ({
  name,
  cdk: (stack: Stack) => void new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(new iam.PolicyStatement({ actions: ['transcribe:Get*'], resources: ['*'], conditions })),
  statuses: { Reader: 'NOT_APPLICABLE', [`Reader/DefaultPolicy${status === 'NOT_APPLICABLE' ? '' : '[PolicyDocument::Statement[0]::aws:ResourceTag]'}`]: status },
});
const REQUIRED = { 'data-classification': 'internal', owner: 'support' };
const TAGS = 'moto 5.2 has no transcribe ListTagsForResource: the tags given are echoed by the test bridge';
const motoReader = (condition?: Record<string, unknown>) => async (aws: Seed) =>
  void (await role(aws, 'Reader', trustPolicy('lambda.amazonaws.com'), { inline: { read: [{ Effect: 'Allow', Action: 'transcribe:Get*', Resource: '*', ...(condition ? { Condition: condition } : {}) }] } }));

export default {
  synth: {
    PASS: [
      filter('a tagged filter', [{ key: 'data-classification', value: 'pii' }, { key: 'Owner', value: 'team' }], { Filter: 'PASS' }),
      reader('transcribe:Get* scoped by aws:ResourceTag', { StringEquals: { 'aws:ResourceTag/owner': 'team' } }, 'PASS'),
    ],
    FAIL: [
      filter('an untagged filter (the classification tag is not an ABAC key by default)', undefined, { 'Filter[Tags::owner]': 'FAIL' }),
      { ...filter('the classification key can still be required', [{ key: 'owner', value: 'team' }], { 'Filter[Tags::data-classification]': 'FAIL' }), options: { requiredTagKeys: ['owner', 'data-classification'] } },
      reader('transcribe:Get* without conditions', undefined, 'FAIL'),
    ],
    UNKNOWN: [
      {
        name: 'a tag key from a parameter',
        cdk: (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['x'], tags: [{ key: new CfnParameter(stack, 'K').valueAsString, value: 'v' }] }),
        statuses: { Vocab: 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [
      { name: 'a vocabulary with the required tags', moto: (aws) => vocabulary(aws, 'products', { tags: REQUIRED }), bridged: TAGS, statuses: { 'vocabulary/products': 'PASS' } },
      { name: 'a role reading Transcribe by aws:ResourceTag', moto: motoReader({ StringEquals: { 'aws:ResourceTag/owner': 'support' } }), statuses: { 'role/Reader[Policies.0.PolicyDocument::Statement[0]::aws:ResourceTag]': 'PASS' } },
    ],
    FAIL: [
      { name: 'a vocabulary without tags', moto: (aws) => vocabulary(aws, 'products', { tags: {} }), bridged: TAGS, statuses: { 'vocabulary/products[Tags::owner]': 'FAIL' } },
      { name: 'a role reading Transcribe without a tag condition', moto: motoReader(), statuses: { 'role/Reader[Policies.0.PolicyDocument::Statement[0]::aws:ResourceTag]': 'FAIL' } },
    ],
    UNKNOWN: [
      { name: 'transcribe:ListTagsForResource denied', moto: (aws) => vocabulary(aws, 'products'), deny: ['transcribe:ListTagsForResource'], statuses: { 'vocabulary/products': 'UNKNOWN' } },
      { name: 'tags of a job that could not be read', emulated: 'moto never returns Tags on jobs', stacks: [scope([liveResource(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', Tags: new Unknown('denied') })])], statuses: { 'transcription-job/a': 'UNKNOWN' } },
    ],
  },
} satisfies CheckTable;
