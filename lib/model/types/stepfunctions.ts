/** AWS Step Functions. */

export const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';
