import { failed, type Collector } from '../collector';
import { absentOn, answerOn, listAll, mapLimit, op, orUnknown, unknownFrom } from './support/calls';
import { live } from './support/shape';
import { ORG_POLICY } from '../../../model/types/organizations';

const DESCRIBE_EFFECTIVE = op('organizations', 'DescribeEffectivePolicy');
const LIST_POLICIES = op('organizations', 'ListPolicies');
const DESCRIBE_POLICY = op('organizations', 'DescribePolicy');

const NOT_IN_ORG = 'AWSOrganizationsNotInUseException';
/** Stands for the answer "this account is in no organization". */
const STANDALONE = Symbol('standalone account');

/**
 * The AI-services opt-out policy in effect for this account, as `AWS::Organizations::Policy`
 * {Type: AISERVICES_OPT_OUT_POLICY, Content (the effective, resolved JSON)}. None applies: nothing is
 * emitted. An account outside any organization has no queryable opt-out setting: a gap (UNKNOWN).
 */
export const aiOptOutPolicy: Collector = {
  name: 'organizations-ai-opt-out',
  global: true,
  operations: [DESCRIBE_EFFECTIVE],
  emits: [ORG_POLICY],
  async collect(ctx) {
    const org = await import('@aws-sdk/client-organizations');
    const client = ctx.client(org.OrganizationsClient);
    const result = await ctx.call(DESCRIBE_EFFECTIVE, () =>
      answerOn({ EffectivePolicyNotFoundException: undefined, [NOT_IN_ORG]: STANDALONE }, () =>
        client.send(new org.DescribeEffectivePolicyCommand({ PolicyType: 'AISERVICES_OPT_OUT_POLICY' })),
      ),
    );
    if (typeof result === 'symbol') {
      ctx.gap([ORG_POLICY], 'the account is not in an AWS Organizations organization; AI-services opt-out is only expressed through organization policies');
      return;
    }
    if (failed(result)) {
      ctx.gap([ORG_POLICY], result.reason);
      return;
    }
    const policy = result?.EffectivePolicy;
    if (!policy?.PolicyContent) return;
    ctx.emit(
      live(ORG_POLICY, 'organizations/effective-ai-opt-out-policy', undefined, 'organizations:DescribeEffectivePolicy', {
        Name: 'effective AI-services opt-out policy',
        Type: 'AISERVICES_OPT_OUT_POLICY',
        Content: policy.PolicyContent,
        TargetIds: policy.TargetId ? [policy.TargetId] : undefined,
      }),
    );
  },
};

/**
 * The organization's service control policies, as `AWS::Organizations::Policy`
 * {Name, Description, Type: SERVICE_CONTROL_POLICY, Content}. Only the management account (or a
 * delegated administrator) may list them: elsewhere one policy with unknown `Content` stands for
 * "SCPs exist but cannot be read", so checks relying on an SCP say UNKNOWN rather than FAIL.
 */
export const serviceControlPolicies: Collector = {
  name: 'organizations-scps',
  global: true,
  operations: [LIST_POLICIES, DESCRIBE_POLICY],
  emits: [ORG_POLICY],
  async collect(ctx) {
    const org = await import('@aws-sdk/client-organizations');
    const client = ctx.client(org.OrganizationsClient);
    const listed = await listAll(
      ctx,
      LIST_POLICIES,
      (NextToken) => absentOn([NOT_IN_ORG], () => client.send(new org.ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY', NextToken }))),
      (page) => ({ items: page?.Policies, next: page?.NextToken }),
    );
    if (failed(listed)) {
      ctx.emit(live(ORG_POLICY, 'organizations/scps', undefined, 'organizations:ListPolicies', { Type: 'SERVICE_CONTROL_POLICY', Content: unknownFrom(listed) }));
      return;
    }
    await mapLimit(listed, 4, async (summary) => {
      if (!summary.Id) return;
      const described = await ctx.call(DESCRIBE_POLICY, () => client.send(new org.DescribePolicyCommand({ PolicyId: summary.Id })));
      ctx.emit(
        live(ORG_POLICY, `organizations/scp/${summary.Name ?? summary.Id}`, summary.Arn, 'organizations:DescribePolicy', {
          Name: summary.Name,
          Description: summary.Description,
          Type: 'SERVICE_CONTROL_POLICY',
          Content: orUnknown(described, (d) => d.Policy?.Content),
          AwsManaged: summary.AwsManaged,
        }),
      );
    });
  },
};
