import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { MEDICAL_SCRIBE_JOB } from '../../../lib/model/types/transcribe';
import { transcriptionJob, vocabulary } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable } from '../../tester';

const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>): CdkCase => ({ name, cdk: build, statuses });

export default {
  synth: {
    PASS: [app('a plain name', (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'medical-terms', languageCode: 'en-US', phrases: ['a'] }), { Vocab: 'PASS' })],
    FAIL: [
      app(
        'an email in a tag',
        (stack) => void new transcribe.CfnVocabularyFilter(stack, 'Filter', { vocabularyFilterName: 'f', languageCode: 'en-US', words: ['a'], tags: [{ key: 'owner', value: 'jane.doe@example.com' }] }),
        { 'Filter[Tags.0.Value::email]': 'FAIL' },
      ),
      app(
        'a phone number in a category name',
        (stack) => void new transcribe.CfnCallAnalyticsCategory(stack, 'Cat', { categoryName: 'calls-from-+1 555 123 4567', rules: [{ nonTalkTimeFilter: { threshold: 1000 } }] }),
        { 'Cat[CategoryName::phone]': 'FAIL' },
      ),
    ],
    UNKNOWN: [
      app(
        'a name from a parameter',
        (stack) => void new transcribe.CfnMedicalVocabulary(stack, 'Med', { vocabularyName: new CfnParameter(stack, 'N').valueAsString, languageCode: 'en-US', vocabularyFileUri: 's3://b/m.txt' }),
        { 'Med[VocabularyName]': 'UNKNOWN' },
      ),
    ],
  },
  live: {
    PASS: [
      {
        name: 'plain job and vocabulary names',
        moto: async (aws) => {
          await transcriptionJob(aws, 'calls-42');
          await vocabulary(aws, 'products');
        },
        statuses: { 'transcription-job/calls-42': 'PASS', 'vocabulary/products': 'PASS' },
      },
      { name: 'a HealthScribe job named by a visit id', emulated: 'moto 5.2 has no HealthScribe jobs (ListMedicalScribeJobs: HTTP 500)', stacks: [scope([liveResource(MEDICAL_SCRIBE_JOB, 'medical-scribe-job/visit-42', { MedicalScribeJobName: 'visit-42' })])], statuses: { 'medical-scribe-job/visit-42': 'PASS' } },
    ],
    FAIL: [{ name: 'a job named after a caller’s phone number', moto: (aws) => transcriptionJob(aws, 'call-555-123-4567'), statuses: { 'transcription-job/call-555-123-4567[TranscriptionJobName::phone]': 'FAIL' } }],
    UNKNOWN: [{ name: 'the tags of a vocabulary cannot be read (transcribe:ListTagsForResource denied)', moto: (aws) => vocabulary(aws, 'products'), deny: ['transcribe:ListTagsForResource'], statuses: { 'vocabulary/products[Tags]': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
