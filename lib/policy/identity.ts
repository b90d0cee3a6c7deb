import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import type { GroupProps, RoleProps, UserProps } from '../model/types/iam';

/** Managed policies of principals (the documents themselves: `lib/model/relations/iam.ts`). */

/**
 * Managed policy ARNs attached to a principal, as resolved (AWS managed policies are literal ARNs). A
 * list that cannot be read as a whole (a `Ref` to a list parameter without a value) is one unknown
 * entry, so that what it may attach is not taken for nothing.
 */
export function managedPolicyArns(graph: ResourceGraph, principal: Resource): unknown[] {
  const arns = graph.props<RoleProps | UserProps | GroupProps>(principal).ManagedPolicyArns;
  if (arns === undefined || arns === null) return [];
  return Array.isArray(arns) ? arns : [arns];
}

const managedPolicyPatterns = new Map<string, RegExp>();

/** `arn:${Partition}:iam::aws:policy/Name` in any partition, or a Composite rendering of it. */
export function isAwsManagedPolicy(arn: unknown, name: string): boolean {
  let re = managedPolicyPatterns.get(name);
  if (!re) managedPolicyPatterns.set(name, (re = new RegExp(`^arn:(?:[^:]+|\\$\\{AWS::Partition\\}):iam::aws:policy/(?:.*/)?${name}$`)));
  return re.test(String(arn));
}
