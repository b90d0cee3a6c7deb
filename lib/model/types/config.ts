import type { Cfn, CfnList } from './view';

/** AWS Config. */

export const RECORDER = 'AWS::Config::ConfigurationRecorder';
export const DELIVERY_CHANNEL = 'AWS::Config::DeliveryChannel';
export const CONFIG_RULE = 'AWS::Config::ConfigRule';

/** `AWS::Config::ConfigRule`. */
export interface ConfigRuleProps {
  ConfigRuleName?: Cfn<string>;
  /** Live only (`DescribeConfigRules`): `ACTIVE`, `EVALUATING`, `DELETING`, `DELETING_RESULTS`. */
  ConfigRuleState?: Cfn<string>;
}

/** `AWS::Config::ConfigurationRecorder`. */
export interface RecorderProps {
  /** Live only (`DescribeConfigurationRecorderStatus`): whether the recorder is recording. */
  Recording?: Cfn<boolean>;
  RecordingGroup?: Cfn<{
    AllSupported?: Cfn<boolean>;
    IncludeGlobalResourceTypes?: Cfn<boolean>;
    ResourceTypes?: CfnList<string>;
    ExclusionByResourceTypes?: Cfn<{ ResourceTypes?: CfnList<string> }>;
    RecordingStrategy?: Cfn<{ UseOnly?: Cfn<string> }>;
  }>;
}
