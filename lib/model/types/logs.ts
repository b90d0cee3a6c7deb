import type { Cfn, CfnList } from './view';

/** Amazon CloudWatch Logs. */

export const LOG_GROUP = 'AWS::Logs::LogGroup';
export const LOGS_ACCOUNT_POLICY = 'AWS::Logs::AccountPolicy';

/** `AWS::Logs::LogGroup`. */
export interface LogGroupProps {
  LogGroupName?: Cfn<string>;
  KmsKeyId?: Cfn<string>;
  RetentionInDays?: Cfn<number>;
  DataProtectionPolicy?: Cfn<unknown>;
  /** Live only (`DescribeLogGroups`): `ACCOUNT_DATA_PROTECTION` when an account-level policy applies. */
  InheritedProperties?: CfnList<string>;
}

/** `AWS::Logs::AccountPolicy`. */
export interface LogsAccountPolicyProps {
  PolicyName?: Cfn<string>;
  /** `DATA_PROTECTION_POLICY`, `SUBSCRIPTION_FILTER_POLICY`, … */
  PolicyType?: Cfn<string>;
  PolicyDocument?: Cfn<unknown>;
}
