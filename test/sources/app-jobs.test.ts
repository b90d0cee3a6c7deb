import { ResourceGraph } from '../../lib/model/graph';
import type { AppJobStartProps, UnreadableJobStartProps } from '../../lib/model/types/transcribe';
import { Reference, Unknown } from '../../lib/model/values';
import { DERIVATIONS } from '../../lib/sources/derive';

const stack = { name: 'S', account: '123456789012', region: 'us-east-1' };
const task = (parameters: Record<string, unknown>, action = 'startMedicalTranscriptionJob') => ({
  StartAt: 'Transcribe',
  States: { Transcribe: { Type: 'Task', Resource: `arn:aws:states:::aws-sdk:transcribe:${action}`, Parameters: parameters, End: true } },
});

function graphOf(resources: Array<{ type: string; logicalId: string; properties: Record<string, unknown> }>, evaluate = true): ResourceGraph {
  return new ResourceGraph([{ stack, evaluate, resources: resources.map((r) => ({ ...r, metadata: {}, provenance: { constructPath: `S/${r.logicalId}` } })) }], { derive: DERIVATIONS });
}

describe('jobs an app starts, derived into App::Transcribe resources', () => {

  test('a state machine whose job starts cannot be read for a reason nobody foresaw is one unreadable start saying why, and the others are still read', () => {
    const broken = {
      get Definition(): unknown {
        throw new Error('a value that cannot be read');
      },
    };
    const graph = graphOf([
      { type: 'AWS::StepFunctions::StateMachine', logicalId: 'Broken', properties: broken },
      { type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { Definition: task({}, 'startTranscriptionJob') } },
    ]);
    const [unreadable] = graph.ofType('App::Transcribe::UnreadableJobStart');
    expect(unreadable.logicalId).toBe('Broken#Unreadable');
    expect(graph.props<UnreadableJobStartProps>(unreadable).Reason).toBe('its job starts could not be read (a value that cannot be read)');
    expect(graph.ofType('App::Transcribe::StartTranscriptionJob').map((j) => j.logicalId)).toEqual(['Flow#State::Transcribe']);
  });
  test.each([
    ['arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob'],
    ['arn:aws:states:us-east-1:123456789012:aws-sdk:transcribe:startTranscriptionJob'],
    ['arn:aws-us-gov:states:us-gov-west-1:123456789012:aws-sdk:transcribe:startTranscriptionJob'],
    ['arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob.waitForTaskToken'],
  ])('every form of the SDK integration ARN starts a job: %s', (arn) => {
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: arn, Parameters: {}, End: true } } };
    const graph = graphOf([{ type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { Definition: definition } }]);
    expect(graph.ofType('App::Transcribe::StartTranscriptionJob').map((j) => j.logicalId)).toEqual(['Flow#State::T']);
  });

  test('a state machine task becomes a job start in its stack, linked to the state machine and property', () => {
    const graph = graphOf([
      { type: 'AWS::S3::Bucket', logicalId: 'Out', properties: {} },
      { type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { Definition: task({ OutputBucketName: { Ref: 'Out' }, 'MedicalTranscriptionJobName.$': '$.name' }) } },
    ]);
    const [job] = graph.ofType('App::Transcribe::StartMedicalTranscriptionJob');
    expect(job.logicalId).toBe('Flow#State::Transcribe');
    expect(job.origin).toEqual({ resource: graph.get('S', 'Flow'), path: 'Definition' });
    expect(graph.isEvaluated(job)).toBe(true);
    const props = graph.props<AppJobStartProps>(job);
    expect(props.State).toBe('Transcribe');
    const parameters = props.Parameters as Record<string, unknown>;
    expect(parameters.OutputBucketName).toBeInstanceOf(Reference);
    expect(parameters.MedicalTranscriptionJobName).toBeInstanceOf(Unknown);
    // Known by type only: no reference or name leads to a derived resource.
    expect(graph.get('S', job.logicalId)).toBeUndefined();
  });

  test('a definition that cannot be read is an unreadable job start; a context stack derives unevaluated ones', () => {
    const graph = graphOf([{ type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { DefinitionS3Location: { Bucket: 'b', Key: 'k' } } }], false);
    const [start] = graph.ofType('App::Transcribe::UnreadableJobStart');
    expect(graph.props<UnreadableJobStartProps>(start).Reason).toBe('the definition is read from S3 at deploy time');
    expect(start.origin?.path).toBe('DefinitionS3Location');
    expect(graph.isEvaluated(start)).toBe(false);
  });

  test('a custom resource call names its job start by the call', () => {
    const call = JSON.stringify({ service: 'TranscribeService', action: 'startTranscriptionJob', parameters: { TranscriptionJobName: 'j' } });
    const graph = graphOf([{ type: 'Custom::AWS', logicalId: 'StartJob', properties: { Create: call } }]);
    const [job] = graph.ofType('App::Transcribe::StartTranscriptionJob');
    expect([job.logicalId, graph.props<AppJobStartProps>(job).Call, job.origin?.path]).toEqual(['StartJob#Create', 'Create', 'Create']);
  });

  test('without derivations the graph holds only what the sources gave', () => {
    const graph = new ResourceGraph([{ stack, resources: [{ type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { Definition: task({}) }, metadata: {}, provenance: {} }] }]);
    expect(graph.resources.map((r) => r.type)).toEqual(['AWS::StepFunctions::StateMachine']);
  });
});
