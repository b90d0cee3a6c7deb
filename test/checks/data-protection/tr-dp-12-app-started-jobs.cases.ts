import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { CdkCase, CheckTable } from '../../tester';
import { jobCustomResource, jobStateMachine } from '../transcribe/fixtures';

type Params = (stack: Stack) => Record<string, unknown>;

const good: Params = (stack) => ({
  TranscriptionJobName: 'job',
  Media: { MediaFileUri: `s3://${new s3.Bucket(stack, 'Media').bucketName}/call.wav` },
  OutputBucketName: new s3.Bucket(stack, 'Out').bucketName,
  OutputEncryptionKMSKeyId: new kms.Key(stack, 'Key').keyArn,
  ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' },
});

/** A state machine whose one task (Transcribe) starts a job with `params`; statuses by finding key of Flow. */
const task = (name: string, params: Params, keys: Record<string, string>, action?: string, options?: Record<string, unknown>): CdkCase => ({
  name,
  cdk: (stack) => void jobStateMachine(stack, params(stack), action),
  statuses: Object.fromEntries(Object.entries(keys).map(([k, v]) => [`Flow[${k}]`, v])),
  options,
});
/** A custom resource (StartJob) that starts a job on deploy. */
const custom = (name: string, params: Params, keys: Record<string, string>, action?: string, service?: string): CdkCase => ({
  name,
  cdk: (stack) => void jobCustomResource(stack, params(stack), action, service),
  statuses: Object.fromEntries(Object.entries(keys).map(([k, v]) => [`StartJob/Resource/Default[${k}]`, v])),
});
const template = (flow: Record<string, unknown>, parameters?: Record<string, unknown>) => ({ ...(parameters ? { Parameters: parameters } : {}), Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: flow } } });

export default {
  synth: {
    PASS: [
      task('every protection set', good, { 'State::Transcribe': 'PASS' }),
      task('medical job with PHI identification', (s) => ({ ...good(s), ContentRedaction: undefined, ContentIdentificationType: 'PHI' }), { 'State::Transcribe': 'PASS' }, 'startMedicalTranscriptionJob'),
      task(
        'Call Analytics job: OutputLocation and redaction under Settings',
        (s) => ({ OutputLocation: 's3://out/x/', OutputEncryptionKMSKeyId: new kms.Key(s, 'Key').keyArn, Settings: { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } } }),
        { 'State::Transcribe': 'PASS' },
        'startCallAnalyticsJob',
      ),
      task('HealthScribe job', (s) => ({ ...good(s), ContentRedaction: undefined }), { 'State::Transcribe': 'PASS' }, 'startMedicalScribeJob'),
      task('redaction waived by option', (s) => ({ ...good(s), ContentRedaction: undefined }), { 'State::Transcribe': 'PASS' }, undefined, { requireRedaction: false }),
      custom('a custom resource with every protection set', good, { Create: 'PASS' }),
    ],
    FAIL: [
      task(
        'no output bucket, no key, no redaction',
        () => ({ TranscriptionJobName: 'job', Media: { MediaFileUri: 's3://media/a.wav' } }),
        { 'State::Transcribe::OutputBucketName': 'FAIL', 'State::Transcribe::OutputEncryptionKMSKeyId': 'FAIL', 'State::Transcribe::ContentRedaction.RedactionType': 'FAIL' },
      ),
      task('an AWS-managed key', (s) => ({ ...good(s), OutputEncryptionKMSKeyId: 'alias/aws/s3' }), { 'State::Transcribe::OutputEncryptionKMSKeyId': 'FAIL' }),
      task('medical job without PHI identification', (s) => ({ ...good(s), ContentRedaction: undefined }), { 'State::Transcribe::ContentIdentificationType': 'FAIL' }, 'startMedicalTranscriptionJob'),
      task('Call Analytics job without OutputLocation', (s) => ({ ...good(s), Settings: undefined }), { 'State::Transcribe::OutputLocation': 'FAIL', 'State::Transcribe::Settings.ContentRedaction.RedactionType': 'FAIL' }, 'startCallAnalyticsJob'),
      {
        name: 'tasks inside Parallel branches and Map item processors are found',
        cdk: (stack) => {
          const params = good(stack);
          const call = (id: string, p: Record<string, unknown>) => new tasks.CallAwsService(stack, id, { service: 'transcribe', action: 'startTranscriptionJob', parameters: p, iamResources: ['*'] });
          const parallel = new sfn.Parallel(stack, 'Both').branch(call('InBranch', params)).branch(new sfn.Pass(stack, 'Nothing'));
          const map = new sfn.Map(stack, 'Each').itemProcessor(call('InMap', { ...params, OutputEncryptionKMSKeyId: undefined }));
          new sfn.StateMachine(stack, 'Flow', { definitionBody: sfn.DefinitionBody.fromChainable(parallel.next(map)) });
        },
        statuses: { 'Flow[State::InBranch]': 'PASS', 'Flow[State::InMap::OutputEncryptionKMSKeyId]': 'FAIL' },
      },
      custom('a custom resource without a key', (s) => ({ ...good(s), OutputEncryptionKMSKeyId: undefined }), { 'Create::OutputEncryptionKMSKeyId': 'FAIL' }),
      custom('SDK v3 package names and actions are recognised', () => ({ OutputBucketName: 'b' }), { 'Create::OutputEncryptionKMSKeyId': 'FAIL', 'Create::ContentRedaction.RedactionType': 'FAIL' }, 'StartTranscriptionJobCommand', '@aws-sdk/client-transcribe'),
    ],
    UNKNOWN: [
      task('the key from the state input (JSONPath .$)', (s) => ({ ...good(s), OutputEncryptionKMSKeyId: undefined, 'OutputEncryptionKMSKeyId.$': '$.key' }), { 'State::Transcribe::OutputEncryptionKMSKeyId': 'UNKNOWN' }),
      task('the bucket from a parameter without default', (s) => ({ ...good(s), OutputBucketName: new CfnParameter(s, 'OutBucket').valueAsString }), { 'State::Transcribe::OutputBucketName': 'UNKNOWN' }),
      {
        name: 'JSONata Arguments: expressions are unknown for their key',
        cdk: (stack) => {
          const call = tasks.CallAwsService.jsonata(stack, 'Transcribe', { service: 'transcribe', action: 'startTranscriptionJob', iamResources: ['*'], parameters: { ...good(stack), OutputBucketName: '{% $states.input.bucket %}' } });
          new sfn.StateMachine(stack, 'Flow', { definitionBody: sfn.DefinitionBody.fromChainable(call) });
        },
        statuses: { 'Flow[State::Transcribe::OutputBucketName]': 'UNKNOWN' },
      },
      { name: 'a definition from S3 cannot be read', template: template({ DefinitionS3Location: { Bucket: 'b', Key: 'k' }, RoleArn: 'arn:aws:iam::123456789012:role/r' }), statuses: { 'Flow[Definition]': 'UNKNOWN' } },
      {
        name: 'DefinitionSubstitutions fill ${placeholders} of a hand-written definition; a parameter stays unknown',
        template: template(
          {
            RoleArn: 'arn:aws:iam::123456789012:role/r',
            DefinitionString: JSON.stringify({
              StartAt: 'T',
              States: { T: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob', End: true, Parameters: { OutputBucketName: '${Out}', OutputEncryptionKMSKeyId: '${Key}', ContentRedaction: { RedactionType: 'PII' } } } },
            }),
            DefinitionSubstitutions: { Out: 'out-bucket', Key: { Ref: 'KeyArn' } },
          },
          { KeyArn: { Type: 'String' } },
        ),
        statuses: { 'Flow[State::T::OutputEncryptionKMSKeyId]': 'UNKNOWN' },
      },
    ],
  },
} satisfies CheckTable;
