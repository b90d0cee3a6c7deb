import type { Cfn, CfnList } from './view';

/** AWS CloudTrail. */

export const TRAIL = 'AWS::CloudTrail::Trail';

/** One field selector of an advanced event selector. */
export interface FieldSelector {
  Field?: Cfn<string>;
  Equals?: CfnList<string>;
  StartsWith?: CfnList<string>;
  EndsWith?: CfnList<string>;
  NotEquals?: CfnList<string>;
  NotStartsWith?: CfnList<string>;
  NotEndsWith?: CfnList<string>;
}

/** `AWS::CloudTrail::Trail`; live, `DescribeTrails`, `GetTrailStatus` and `GetEventSelectors` in the same shape. */
export interface TrailProps {
  /** CloudFormation's name for whether the trail is on; live from `GetTrailStatus`. */
  IsLogging?: Cfn<boolean>;
  IsMultiRegionTrail?: Cfn<boolean>;
  IncludeGlobalServiceEvents?: Cfn<boolean>;
  EnableLogFileValidation?: Cfn<boolean>;
  KMSKeyId?: Cfn<string>;
  EventSelectors?: CfnList<{ IncludeManagementEvents?: Cfn<boolean>; ReadWriteType?: Cfn<string>; ExcludeManagementEventSources?: CfnList<string> }>;
  AdvancedEventSelectors?: CfnList<{ FieldSelectors?: CfnList<FieldSelector> }>;
}
