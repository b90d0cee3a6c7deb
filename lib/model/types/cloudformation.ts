import type { Cfn } from './view';

/** CloudFormation's own types, and the pseudo-resources app-level findings attach to. */

/** A stack, nested or not; the pseudo-resource standing for a whole stack of an app. */
export const STACK = 'AWS::CloudFormation::Stack';
/** The pseudo-resource standing for one account and Region of a live audit. */
export const REGION = 'AWS::Region';

export const CUSTOM_RESOURCE = 'AWS::CloudFormation::CustomResource';
/** The type CDK's `AwsCustomResource` gives its resource: an SDK call made on deploy. */
export const SDK_CALL = 'Custom::AWS';

/** `AWS::CloudFormation::CustomResource` or any `Custom::…` type. */
export function isCustomResourceType(type: string): boolean {
  return type === CUSTOM_RESOURCE || type.startsWith('Custom::');
}

/**
 * A custom resource's SDK calls, as CDK's `AwsCustomResource` writes them: each a JSON object (or
 * string) `{service, action, parameters}` made on create, update or delete.
 */
export interface SdkCallProps {
  Create?: Cfn<unknown>;
  Update?: Cfn<unknown>;
  Delete?: Cfn<unknown>;
}
