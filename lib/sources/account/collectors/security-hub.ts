import { failed, type Collector } from '../collector';
import { absentOn, listAll, op } from './support/calls';
import { live } from './support/shape';
import { HUB, STANDARD } from '../../../model/types/securityhub';

const SECURITY_HUB = {
  DescribeHub: op('securityhub', 'DescribeHub'),
  GetEnabledStandards: op('securityhub', 'GetEnabledStandards'),
};

/** Security Hub answers "this account is not subscribed" with InvalidAccessException: that is "not enabled". */
const NOT_ENABLED = ['InvalidAccessException'];

/**
 * Security Hub in this Region: `AWS::SecurityHub::Hub` {AutoEnableControls, ControlFindingGenerator}
 * when it is enabled, and one `AWS::SecurityHub::Standard` {StandardsArn; live-only
 * StandardsStatus} per enabled standard.
 */
export const securityHub: Collector = {
  name: 'security-hub',
  operations: Object.values(SECURITY_HUB),
  emits: [HUB, STANDARD],
  async collect(ctx) {
    const sh = await import('@aws-sdk/client-securityhub');
    const client = ctx.client(sh.SecurityHubClient);
    const hub = await ctx.call(SECURITY_HUB.DescribeHub, () => absentOn(NOT_ENABLED, () => client.send(new sh.DescribeHubCommand({}))));
    if (failed(hub)) {
      ctx.gap([HUB, STANDARD], hub.reason);
      return;
    }
    if (!hub?.HubArn) return;
    ctx.emit(live(HUB, 'security-hub', hub.HubArn, 'securityhub:DescribeHub', { AutoEnableControls: hub.AutoEnableControls, ControlFindingGenerator: hub.ControlFindingGenerator }));
    const standards = await listAll(
      ctx,
      SECURITY_HUB.GetEnabledStandards,
      (NextToken) => client.send(new sh.GetEnabledStandardsCommand({ NextToken })),
      (page) => ({ items: page.StandardsSubscriptions, next: page.NextToken }),
    );
    if (failed(standards)) {
      ctx.gap([STANDARD], standards.reason);
      return;
    }
    for (const s of standards) {
      if (!s.StandardsArn) continue;
      ctx.emit(
        live(STANDARD, `security-hub/standard/${s.StandardsArn.split(':').pop()}`, s.StandardsSubscriptionArn, 'securityhub:GetEnabledStandards', {
          StandardsArn: s.StandardsArn,
          StandardsStatus: s.StandardsStatus,
        }),
      );
    }
  },
};
