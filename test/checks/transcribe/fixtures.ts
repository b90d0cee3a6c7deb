import type { Stack } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Check } from '../../../lib/engine/check';
import { runPipeline } from '../../../lib/engine/pipeline';
import type { StackInput } from '../../../lib/model/resource';
import type { Synthesized } from '../../helpers/synth';
import { statusesBy } from '../../helpers/statuses';

/** Small Transcribe apps and live graphs shared by the Transcribe check tests. */

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

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

type LiveResource = StackInput['resources'][number];

/** A resource as a live collector emits it. */
export function live(type: string, logicalId: string, properties: Record<string, unknown>, arn = `arn:aws:transcribe:${REGION}:${ACCOUNT}:${logicalId}`): LiveResource {
  return { type, logicalId, properties, metadata: {}, provenance: { arn, api: 'test' } };
}

/** Run one check in live mode over one account Region; statuses keyed by logical id (joined with `,`). */
export function runLive(check: Check, resources: LiveResource[], options?: Record<string, unknown>, gaps?: StackInput['gaps']) {
  const stacks: StackInput[] = [{ stack: { name: `${ACCOUNT}/${REGION}`, account: ACCOUNT, region: REGION }, resources, gaps }];
  const findings = runPipeline([{ stacks }], { checks: [check], mode: 'live', config: options ? { checks: { [check.id]: { options } } } : undefined }).findings;
  return { findings, statuses: statusesBy(findings, (f) => f.resource.logicalId ?? '?') };
}

/** Statuses keyed by finding key (or logical id when there is none). */
export function byKey(out: Synthesized, checkId: string): Record<string, string> {
  return statusesBy(out.of(checkId), (f) => f.findingKey ?? f.resource.logicalId ?? '?');
}

export { byPath } from '../../helpers/statuses';
