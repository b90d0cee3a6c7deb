import type { Tri } from '../values';

/** Live only: Audit Manager's status in a Region, from `auditmanager:GetAccountStatus` {Status: ACTIVE | INACTIVE | PENDING_ACTIVATION}. */
export const AUDIT_MANAGER_ACCOUNT = 'Live::AuditManager::Account';

/** `Live::AuditManager::Account`. */
export interface AuditManagerAccountProps {
  Status?: Tri<string>;
}
