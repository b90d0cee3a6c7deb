/** AWS Organizations. */

export const ORG_POLICY = 'AWS::Organizations::Policy';
/** `Type` of an AI-services opt-out policy. */
export const AI_OPT_OUT_POLICY = 'AISERVICES_OPT_OUT_POLICY';
/** `Type` of a service control policy. */
export const SERVICE_CONTROL_POLICY = 'SERVICE_CONTROL_POLICY';
