import type { Cfn, CfnList } from './view';

/**
 * Amazon EventBridge. TR-MON-2 reads rules live too: `AWS::Events::Rule` {Name, EventBusName, State,
 * EventPattern (parsed JSON object), Targets: [{Id, Arn}]} from `events:ListRules` +
 * `ListTargetsByRule`, one per rule, with its ARN; a gap for `AWS::Events::Rule` when listing fails.
 */
export const EVENT_RULE = 'AWS::Events::Rule';

/** `AWS::Events::Rule`: `EventPattern` is an object or a JSON string. */
export interface RuleProps {
  State?: Cfn<string>;
  EventPattern?: Cfn<unknown>;
  Targets?: CfnList<{ Id?: Cfn<string>; Arn?: Cfn<string> }>;
}
