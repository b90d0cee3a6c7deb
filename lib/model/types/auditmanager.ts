/** Live only: Audit Manager's status in a Region, from `auditmanager:GetAccountStatus` {Status: ACTIVE | INACTIVE | PENDING_ACTIVATION}. */
export const AUDIT_MANAGER_ACCOUNT = 'Live::AuditManager::Account';
