import type { Allowed, Cfn, CfnList } from './view';

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

/**
 * What `AWS::Logs::LogGroup` accepts (CloudWatch Logs API reference, PutRetentionPolicy; the
 * CloudFormation schema): retention in one of these day counts, and a key given by its KMS key ARN.
 */
export const LOG_GROUP_ALLOWED = {
  RetentionInDays: { kind: 'one of', values: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] },
  KmsKeyId: { kind: 'ARN', service: 'kms', what: 'a KMS key' },
} as const satisfies Record<string, Allowed>;
