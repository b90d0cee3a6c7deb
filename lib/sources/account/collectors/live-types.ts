/**
 * Resource types that exist only in a live audit (CloudFormation has no type for them). Collectors
 * emit them and live-only checks read them; declare new ones here (Transcribe jobs:
 * `Live::Transcribe::TranscriptionJob`, …) so both sides share one spelling.
 */

/** A Lex V1 bot {Name, Status, Version, LastUpdatedDate}. */
export const LEX_V1_BOT = 'Live::LexV1::Bot';

/** What `iam:GetRole` says about a Lex V1 service-linked role {RoleName, AWSServiceName, Exists, Arn, Path, RoleLastUsed}. */
export const LEX_V1_SERVICE_ROLE = 'Live::LexV1::ServiceLinkedRole';

/** Audit Manager's status in a Region, from `auditmanager:GetAccountStatus` {Status: ACTIVE | INACTIVE | PENDING_ACTIVATION}. */
export const AUDIT_MANAGER_ACCOUNT = 'Live::AuditManager::Account';
