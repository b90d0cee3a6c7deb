import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import trDp12 from '../../../checks/data-protection/tr-dp-12-app-started-jobs';
import type { StackInput } from '../../../lib/model/resource';
import { runPipeline } from '../../../lib/engine/pipeline';
import { synthStack } from '../../helpers/synth';
import { byKey, jobCustomResource, jobStateMachine } from './fixtures';

type Params = (stack: Stack) => Record<string, unknown>;

const good: Params = (stack) => ({
  TranscriptionJobName: 'job',
  Media: { MediaFileUri: `s3://${new s3.Bucket(stack, 'Media').bucketName}/call.wav` },
  OutputBucketName: new s3.Bucket(stack, 'Out').bucketName,
  OutputEncryptionKMSKeyId: new kms.Key(stack, 'Key').keyArn,
  ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' },
});

const sm = (params: Params, action?: string) => synthStack((stack) => void jobStateMachine(stack, params(stack), action), { checks: [trDp12] });

describe('TR-DP-12 jobs started by the app (Step Functions CallAwsService)', () => {
  test.each<[string, Params, Record<string, string>]>([
    ['every protection set', good, { 'State::Transcribe': 'PASS' }],
    [
      'no output bucket, no key, no redaction',
      () => ({ TranscriptionJobName: 'job', Media: { MediaFileUri: 's3://media/a.wav' } }),
      { 'State::Transcribe::OutputBucketName': 'FAIL', 'State::Transcribe::OutputEncryptionKMSKeyId': 'FAIL', 'State::Transcribe::ContentRedaction.RedactionType': 'FAIL' },
    ],
    ['an AWS-managed key', (stack) => ({ ...good(stack), OutputEncryptionKMSKeyId: 'alias/aws/s3' }), { 'State::Transcribe::OutputEncryptionKMSKeyId': 'FAIL' }],
    ['the key from the state input (JSONPath .$)', (stack) => ({ ...good(stack), OutputEncryptionKMSKeyId: undefined, 'OutputEncryptionKMSKeyId.$': '$.key' }), { 'State::Transcribe::OutputEncryptionKMSKeyId': 'UNKNOWN' }],
    [
      'the bucket from a parameter without default',
      (stack) => ({ ...good(stack), OutputBucketName: new CfnParameter(stack, 'OutBucket').valueAsString }),
      { 'State::Transcribe::OutputBucketName': 'UNKNOWN' },
    ],
  ])('%s', (_what, params, expected) => {
    expect(byKey(sm(params), 'TR-DP-12')).toEqual(expected);
  });

  test.each<[string, string, Params, Record<string, string>]>([
    [
      'medical job without PHI identification',
      'startMedicalTranscriptionJob',
      (stack) => ({ ...good(stack), ContentRedaction: undefined }),
      { 'State::Transcribe::ContentIdentificationType': 'FAIL' },
    ],
    ['medical job with PHI identification', 'startMedicalTranscriptionJob', (stack) => ({ ...good(stack), ContentRedaction: undefined, ContentIdentificationType: 'PHI' }), { 'State::Transcribe': 'PASS' }],
    [
      'Call Analytics job: OutputLocation and redaction under Settings',
      'startCallAnalyticsJob',
      (stack) => ({ OutputLocation: 's3://out/x/', OutputEncryptionKMSKeyId: new kms.Key(stack, 'Key').keyArn, Settings: { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } } }),
      { 'State::Transcribe': 'PASS' },
    ],
    ['Call Analytics job without OutputLocation', 'startCallAnalyticsJob', (stack) => ({ ...good(stack), Settings: undefined }), {
      'State::Transcribe::OutputLocation': 'FAIL',
      'State::Transcribe::Settings.ContentRedaction.RedactionType': 'FAIL',
    }],
    ['HealthScribe job', 'startMedicalScribeJob', (stack) => ({ ...good(stack), ContentRedaction: undefined }), { 'State::Transcribe': 'PASS' }],
  ])('%s', (_what, action, params, expected) => {
    expect(byKey(sm(params, action), 'TR-DP-12')).toEqual(expected);
  });

  test('redaction can be waived by option', () => {
    const out = synthStack((stack) => void jobStateMachine(stack, { ...good(stack), ContentRedaction: undefined }), {
      checks: [trDp12],
      config: { checks: { 'TR-DP-12': { options: { requireRedaction: false } } } },
    });
    expect(byKey(out, 'TR-DP-12')).toEqual({ 'State::Transcribe': 'PASS' });
  });

  test('tasks inside Parallel branches and Map item processors are found', () => {
    const out = synthStack(
      (stack) => {
        const params = good(stack);
        const call = (id: string, p: Record<string, unknown>) => new tasks.CallAwsService(stack, id, { service: 'transcribe', action: 'startTranscriptionJob', parameters: p, iamResources: ['*'] });
        const parallel = new sfn.Parallel(stack, 'Both').branch(call('InBranch', params)).branch(new sfn.Pass(stack, 'Nothing'));
        const map = new sfn.Map(stack, 'Each').itemProcessor(call('InMap', { ...params, OutputEncryptionKMSKeyId: undefined }));
        new sfn.StateMachine(stack, 'Flow', { definitionBody: sfn.DefinitionBody.fromChainable(parallel.next(map)) });
      },
      { checks: [trDp12] },
    );
    expect(byKey(out, 'TR-DP-12')).toEqual({ 'State::InBranch': 'PASS', 'State::InMap::OutputEncryptionKMSKeyId': 'FAIL' });
  });

  test('JSONata Arguments: expressions are unknown for their key', () => {
    const out = synthStack(
      (stack) => {
        const task = tasks.CallAwsService.jsonata(stack, 'Transcribe', {
          service: 'transcribe',
          action: 'startTranscriptionJob',
          iamResources: ['*'],
          parameters: { ...good(stack), OutputBucketName: '{% $states.input.bucket %}' },
        });
        new sfn.StateMachine(stack, 'Flow', { definitionBody: sfn.DefinitionBody.fromChainable(task) });
      },
      { checks: [trDp12] },
    );
    expect(byKey(out, 'TR-DP-12')).toEqual({ 'State::Transcribe::OutputBucketName': 'UNKNOWN' });
  });

  test('a definition from S3 cannot be read', () => {
    const stacks: StackInput[] = [
      {
        stack: { name: 'T', account: '123456789012', region: 'us-east-1' },
        resources: [{ type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { DefinitionS3Location: { Bucket: 'b', Key: 'k' } }, metadata: {}, provenance: {} }],
      },
    ];
    expect(runPipeline([{ stacks }], { checks: [trDp12], mode: 'synth' }).findings.map((f) => [f.findingKey, f.status])).toEqual([['Definition', 'UNKNOWN']]);
  });

  test('DefinitionSubstitutions fill ${placeholders} of a hand-written definition', () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob', End: true, Parameters: { OutputBucketName: '${Out}', OutputEncryptionKMSKeyId: '${Key}', ContentRedaction: { RedactionType: 'PII' } } } },
    };
    const stacks: StackInput[] = [
      {
        stack: { name: 'T', account: '123456789012', region: 'us-east-1' },
        parameters: { KeyArn: { Type: 'String' } },
        resources: [
          { type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { DefinitionString: JSON.stringify(definition), DefinitionSubstitutions: { Out: 'out-bucket', Key: { Ref: 'KeyArn' } } }, metadata: {}, provenance: {} },
        ],
      },
    ];
    expect(runPipeline([{ stacks }], { checks: [trDp12], mode: 'synth' }).findings.map((f) => [f.findingKey, f.status])).toEqual([['State::T::OutputEncryptionKMSKeyId', 'UNKNOWN']]);
  });
});

describe('TR-DP-12 jobs started by a custom resource (AwsCustomResource)', () => {
  test.each<[string, Params, Record<string, string>]>([
    ['every protection set', good, { Create: 'PASS' }],
    ['no key', (stack) => ({ ...good(stack), OutputEncryptionKMSKeyId: undefined }), { 'Create::OutputEncryptionKMSKeyId': 'FAIL' }],
  ])('%s', (_what, params, expected) => {
    const out = synthStack((stack) => void jobCustomResource(stack, params(stack)), { checks: [trDp12] });
    expect(byKey(out, 'TR-DP-12')).toEqual(expected);
  });

  test('SDK v3 package names and actions are recognised', () => {
    const out = synthStack((stack) => void jobCustomResource(stack, { OutputBucketName: 'b' }, 'StartTranscriptionJobCommand', '@aws-sdk/client-transcribe'), { checks: [trDp12] });
    expect(byKey(out, 'TR-DP-12')).toEqual({ 'Create::OutputEncryptionKMSKeyId': 'FAIL', 'Create::ContentRedaction.RedactionType': 'FAIL' });
  });

  test('other SDK calls and other custom resources are not jobs', () => {
    const out = synthStack((stack) => void jobCustomResource(stack, { VocabularyName: 'v' }, 'getVocabulary'), { checks: [trDp12] });
    expect(out.of('TR-DP-12')).toEqual([]);
  });
});
