import { failed, type Collector } from '../collector';
import { op } from './support/calls';
import { live } from './support/shape';
import { AUDIT_MANAGER_ACCOUNT } from '../../../model/types/auditmanager';

const GET_ACCOUNT_STATUS = op('auditmanager', 'GetAccountStatus');

/**
 * Whether Audit Manager is enabled in this Region (TR-COMP-2 names it beside Security Hub and Config):
 * one `Live::AuditManager::Account` {Status}. Audit Manager has no CloudFormation switch, so this
 * part of the control exists only live.
 */
export const auditManager: Collector = {
  name: 'audit-manager',
  operations: [GET_ACCOUNT_STATUS],
  emits: [AUDIT_MANAGER_ACCOUNT],
  async collect(ctx) {
    const am = await import('@aws-sdk/client-auditmanager');
    const client = ctx.client(am.AuditManagerClient);
    const status = await ctx.call(GET_ACCOUNT_STATUS, () => client.send(new am.GetAccountStatusCommand({})));
    if (failed(status)) {
      ctx.gap([AUDIT_MANAGER_ACCOUNT], status.reason);
      return;
    }
    ctx.emit(live(AUDIT_MANAGER_ACCOUNT, 'audit-manager', undefined, 'auditmanager:GetAccountStatus', { Status: status.status }));
  },
};
