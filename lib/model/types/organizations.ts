import type { Cfn } from './view';

/** AWS Organizations. */

export const ORG_POLICY = 'AWS::Organizations::Policy';
/** `Type` of an AI-services opt-out policy. */
export const AI_OPT_OUT_POLICY = 'AISERVICES_OPT_OUT_POLICY';
/** `Type` of a service control policy. */
export const SERVICE_CONTROL_POLICY = 'SERVICE_CONTROL_POLICY';

/** `AWS::Organizations::Policy`; live, the effective policies of the account. `Content` is an object or a JSON string. */
export interface OrgPolicyProps {
  Type?: Cfn<string>;
  Content?: Cfn<unknown>;
}
