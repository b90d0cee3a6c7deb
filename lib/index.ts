export { LexscribeChecks, type LexscribeChecksProps } from './cdk/aspect';
export { LexscribeSuppressions, LexscribeSuppressionError, type LexscribeSuppression } from './cdk/suppressions';
export { LexscribeValidator, type LexscribeValidatorProps } from './cdk/validator';
export { REPORT_FILE } from './report/report';
export { ALL_CHECKS, findCheck } from '../checks';
export type { Check, CheckMeta, Verdict, Topic, Mode } from './engine/check';
export type { Finding, Severity, Status, RunWarning } from './model/finding';
export type { LexscribeConfig, SuppressionRule, ConfigSuppression } from './config/types';
export type { Report, ReportFinding, ReportGate, ReportSummary, BaselineCounts, SourceLocation } from './report/report';
