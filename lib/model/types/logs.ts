/** Amazon CloudWatch Logs. */

export const LOG_GROUP = 'AWS::Logs::LogGroup';
export const LOGS_ACCOUNT_POLICY = 'AWS::Logs::AccountPolicy';
