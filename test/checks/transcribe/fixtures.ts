import type { Stack } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import * as cr from 'aws-cdk-lib/custom-resources';

/** Small apps that start Transcribe jobs, shared by the Transcribe tables and tests. */

/** A state machine whose one task starts a Transcribe job through the SDK integration (CDK `CallAwsService`). */
export function jobStateMachine(stack: Stack, parameters: Record<string, unknown>, action = 'startTranscriptionJob', id = 'Flow'): sfn.StateMachine {
  const task = new tasks.CallAwsService(stack, 'Transcribe', { service: 'transcribe', action, parameters, iamResources: ['*'] });
  return new sfn.StateMachine(stack, id, { definitionBody: sfn.DefinitionBody.fromChainable(task) });
}

/** A custom resource that starts a job on deploy (CDK `AwsCustomResource`). */
export function jobCustomResource(stack: Stack, parameters: Record<string, unknown>, action = 'startTranscriptionJob', service = 'TranscribeService'): cr.AwsCustomResource {
  return new cr.AwsCustomResource(stack, 'StartJob', {
    onCreate: { service, action, parameters, physicalResourceId: cr.PhysicalResourceId.of('job') },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    installLatestAwsSdk: false,
  });
}
