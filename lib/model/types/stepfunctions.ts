import type { Cfn } from './view';

/** AWS Step Functions. */

export const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';

/** `AWS::StepFunctions::StateMachine`: the definition as an object, a JSON string, or a file in S3. */
export interface StateMachineProps {
  Definition?: Cfn<unknown>;
  DefinitionString?: Cfn<string>;
  DefinitionS3Location?: Cfn<unknown>;
  /** Values for `${Name}` placeholders of the definition. */
  DefinitionSubstitutions?: Cfn<Record<string, unknown>>;
}
