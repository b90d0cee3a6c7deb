import { rolePolicies } from './policies';
import type { Generated } from './model';

export interface RoleSpec {
  /** The SAM resource the role serves (`MyFunction` → `MyFunctionRole`). */
  owner: string;
  ownerType: string;
  trust: unknown;
  /** SAM property path of a trust policy the user gave, if any. */
  trustFrom?: string;
  /** Managed policies SAM adds before the user's (basic execution, X-Ray, VPC, event sources). */
  managed: readonly unknown[];
  policies: unknown;
  /** Inline policies SAM adds after the user's (dead-letter queue). */
  extraInline?: ReadonlyArray<{ PolicyName: string; PolicyDocument: unknown }>;
  tags: unknown;
  path?: unknown;
  permissionsBoundary?: unknown;
}

/** The execution role SAM makes when no `Role` is given: `<Owner>Role`, with the policies of `Policies`. */
export function executionRole(spec: RoleSpec): Generated {
  const logicalId = `${spec.owner}Role`;
  const owner = `${spec.owner} (${spec.ownerType})`;
  const policies = rolePolicies(logicalId, spec.policies, owner, spec.managed);
  const inline = [...policies.inline, ...(spec.extraInline ?? [])];
  const from: Array<readonly [string, string]> = [...policies.from];
  if (spec.trustFrom) from.push(['AssumeRolePolicyDocument', spec.trustFrom]);
  if (spec.path !== undefined) from.push(['Path', 'RolePath']);
  if (spec.permissionsBoundary !== undefined) from.push(['PermissionsBoundary', 'PermissionsBoundary']);
  if (spec.tags !== undefined) from.push(['Tags', 'Tags']);
  const properties: Record<string, unknown> = {
    AssumeRolePolicyDocument: spec.trust,
    ManagedPolicyArns: policies.managed,
    ...(inline.length > 0 ? { Policies: inline } : {}),
    ...(spec.path !== undefined ? { Path: spec.path } : {}),
    ...(spec.permissionsBoundary !== undefined ? { PermissionsBoundary: spec.permissionsBoundary } : {}),
    ...(spec.tags !== undefined ? { Tags: spec.tags } : {}),
  };
  return { logicalId, resource: { Type: 'AWS::IAM::Role', Properties: properties }, from };
}
