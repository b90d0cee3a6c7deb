import type { AttachedPolicy, GetAccountAuthorizationDetailsCommandOutput, IAMClient, PolicyDetail } from '@aws-sdk/client-iam';
import { failed, type Collector, type CollectorContext } from '../collector';
import { decodeIfEncoded } from '../../../policy/document';
import { listAll, mapLimit, op, orUnknown, unknownFrom } from './support/calls';
import { live, policyDocument, tagList } from './support/shape';
import { ACCESS_KEY, GROUP, MANAGED_POLICY, ROLE, USER } from '../../../model/types/iam';

const IAM = {
  GetAccountAuthorizationDetails: op('iam', 'GetAccountAuthorizationDetails'),
  ListAccessKeys: op('iam', 'ListAccessKeys'),
  GetAccessKeyLastUsed: op('iam', 'GetAccessKeyLastUsed'),
};

/** IAM documents arrive URL-encoded from some endpoints and plain from others. */
const document = (text: string | undefined) => policyDocument(text, decodeIfEncoded);

const inline = (list: PolicyDetail[] | undefined) => (list?.length ? list.map((p) => ({ PolicyName: p.PolicyName, PolicyDocument: document(p.PolicyDocument) })) : undefined);
const attached = (list: AttachedPolicy[] | undefined) => (list?.length ? list.map((p) => p.PolicyArn) : undefined);

/**
 * The account's identities in CloudFormation shape, from `GetAccountAuthorizationDetails` (one
 * paginated call for everything): `AWS::IAM::Role` {RoleName, Path, AssumeRolePolicyDocument,
 * Policies, ManagedPolicyArns, PermissionsBoundary, Tags; live-only RoleLastUsed} (service-linked
 * roles included, recognisable by their `/aws-service-role/<service>/` path), `AWS::IAM::User`
 * {UserName, Path, Groups, Policies, ManagedPolicyArns, Tags}, `AWS::IAM::Group`, customer-managed
 * `AWS::IAM::ManagedPolicy` {ManagedPolicyName, Path, PolicyDocument (default version), Roles,
 * Users, Groups} (AWS-managed policies stay ARNs in `ManagedPolicyArns`), and each user's
 * `AWS::IAM::AccessKey` {UserName, Status; live-only CreateDate, LastUsedDate}.
 */
export const iamIdentities: Collector = {
  name: 'iam-identities',
  global: true,
  operations: Object.values(IAM),
  emits: [ROLE, USER, GROUP, MANAGED_POLICY, ACCESS_KEY],
  async collect(ctx) {
    const iam = await import('@aws-sdk/client-iam');
    const client = ctx.client(iam.IAMClient);
    const pages = await listAll(
      ctx,
      IAM.GetAccountAuthorizationDetails,
      (Marker) => client.send(new iam.GetAccountAuthorizationDetailsCommand({ Filter: ['Role', 'User', 'Group', 'LocalManagedPolicy'], Marker })),
      (page) => ({ items: [page], next: page.IsTruncated ? page.Marker : undefined }),
    );
    if (failed(pages)) {
      ctx.gap([ROLE, USER, GROUP, MANAGED_POLICY, ACCESS_KEY], pages.reason);
      return;
    }
    emitIdentities(ctx, pages);
    const users = pages.flatMap((p) => p.UserDetailList ?? []).flatMap((u) => (u.UserName ? [u.UserName] : []));
    await mapLimit(users, 4, (user) => collectAccessKeys(ctx, client, user));
  },
};

function emitIdentities(ctx: CollectorContext, pages: GetAccountAuthorizationDetailsCommandOutput[]): void {
  const attachments = new Map<string, { Roles: string[]; Users: string[]; Groups: string[] }>();
  const attach = (list: AttachedPolicy[] | undefined, kind: 'Roles' | 'Users' | 'Groups', name: string | undefined) => {
    for (const p of list ?? []) {
      if (!p.PolicyArn || !name) continue;
      let entry = attachments.get(p.PolicyArn);
      if (!entry) attachments.set(p.PolicyArn, (entry = { Roles: [], Users: [], Groups: [] }));
      entry[kind].push(name);
    }
  };
  for (const page of pages) {
    for (const r of page.RoleDetailList ?? []) {
      attach(r.AttachedManagedPolicies, 'Roles', r.RoleName);
      ctx.emit(
        live(ROLE, `role/${r.RoleName}`, r.Arn, 'iam:GetAccountAuthorizationDetails', {
          RoleName: r.RoleName,
          Path: r.Path,
          AssumeRolePolicyDocument: document(r.AssumeRolePolicyDocument),
          Policies: inline(r.RolePolicyList),
          ManagedPolicyArns: attached(r.AttachedManagedPolicies),
          PermissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
          Tags: r.Tags?.length ? tagList(r.Tags) : undefined,
          RoleLastUsed: r.RoleLastUsed?.LastUsedDate ? { LastUsedDate: r.RoleLastUsed.LastUsedDate.toISOString(), Region: r.RoleLastUsed.Region } : undefined,
        }),
      );
    }
    for (const u of page.UserDetailList ?? []) {
      attach(u.AttachedManagedPolicies, 'Users', u.UserName);
      ctx.emit(
        live(USER, `user/${u.UserName}`, u.Arn, 'iam:GetAccountAuthorizationDetails', {
          UserName: u.UserName,
          Path: u.Path,
          Groups: u.GroupList?.length ? u.GroupList : undefined,
          Policies: inline(u.UserPolicyList),
          ManagedPolicyArns: attached(u.AttachedManagedPolicies),
          PermissionsBoundary: u.PermissionsBoundary?.PermissionsBoundaryArn,
          Tags: u.Tags?.length ? tagList(u.Tags) : undefined,
        }),
      );
    }
    for (const g of page.GroupDetailList ?? []) {
      attach(g.AttachedManagedPolicies, 'Groups', g.GroupName);
      ctx.emit(
        live(GROUP, `group/${g.GroupName}`, g.Arn, 'iam:GetAccountAuthorizationDetails', {
          GroupName: g.GroupName,
          Path: g.Path,
          Policies: inline(g.GroupPolicyList),
          ManagedPolicyArns: attached(g.AttachedManagedPolicies),
        }),
      );
    }
  }
  for (const page of pages) {
    for (const p of page.Policies ?? []) {
      const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
      const on = (p.Arn && attachments.get(p.Arn)) || { Roles: [], Users: [], Groups: [] };
      // The ARN ends with the name: a response without PolicyName still names the policy.
      const name = p.PolicyName ?? p.Arn?.split('/').pop();
      ctx.emit(
        live(MANAGED_POLICY, `policy${p.Path ?? '/'}${name}`, p.Arn, 'iam:GetAccountAuthorizationDetails', {
          ManagedPolicyName: name,
          Path: p.Path,
          Description: p.Description,
          PolicyDocument: document(version?.Document),
          Roles: on.Roles.length ? on.Roles : undefined,
          Users: on.Users.length ? on.Users : undefined,
          Groups: on.Groups.length ? on.Groups : undefined,
        }),
      );
    }
  }
}

async function collectAccessKeys(ctx: CollectorContext, client: IAMClient, UserName: string): Promise<void> {
  const { ListAccessKeysCommand, GetAccessKeyLastUsedCommand } = await import('@aws-sdk/client-iam');
  const keys = await listAll(
    ctx,
    IAM.ListAccessKeys,
    (Marker) => client.send(new ListAccessKeysCommand({ UserName, Marker })),
    (page) => ({ items: page.AccessKeyMetadata, next: page.IsTruncated ? page.Marker : undefined }),
  );
  if (failed(keys)) {
    // The user exists; whether it has keys cannot be known. Say so where a key would be.
    ctx.emit(live(ACCESS_KEY, `user/${UserName}/access-keys`, undefined, 'iam:ListAccessKeys', { UserName, Status: unknownFrom(keys) }));
    return;
  }
  for (const key of keys) {
    if (!key.AccessKeyId) continue;
    const used = await ctx.call(IAM.GetAccessKeyLastUsed, () => client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId })));
    ctx.emit(
      live(ACCESS_KEY, `user/${UserName}/access-key/${key.AccessKeyId}`, undefined, 'iam:ListAccessKeys', {
        UserName,
        Status: key.Status,
        CreateDate: key.CreateDate?.toISOString(),
        LastUsedDate: orUnknown(used, (u) => u.AccessKeyLastUsed?.LastUsedDate?.toISOString()),
      }),
    );
  }
}
