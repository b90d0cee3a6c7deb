import { Unknown } from '../../../model/values';
import { managedPolicyArn } from './managed-policies';
import { isIntrinsic, isMapping } from './model';
import { expandPolicyTemplate, isPolicyTemplateName } from './policy-templates';

/** What a SAM `Policies` property gives the generated role. */
export interface RolePolicies {
  /** The role's inline `Policies`. */
  inline: Array<{ PolicyName: string; PolicyDocument: unknown }>;
  /** `ManagedPolicyArns` from `Policies` (after those SAM adds itself). */
  managed: unknown[];
  /** `[role property path, SAM property path]`. */
  from: Array<readonly [string, string]>;
}

/** SAM's own reading of an `Fn::If` in `Policies`: by what its first branch holds. */
function branchKind(v: unknown): 'statement' | 'managed' | 'template' | undefined {
  if (isMapping(v) && 'Fn::If' in v && Array.isArray(v['Fn::If'])) return branchKind(v['Fn::If'][1]) ?? branchKind(v['Fn::If'][2]);
  if (typeof v === 'string' || isIntrinsic(v)) return 'managed';
  if (isMapping(v) && 'Statement' in v) return 'statement';
  if (isMapping(v) && Object.keys(v).length === 1) return 'template';
  return undefined;
}

/** An AWS managed policy name becomes its ARN; an ARN or a value CloudFormation computes stays as it is. */
function managed(v: unknown, owner: string): unknown {
  if (typeof v === 'string') {
    if (v.startsWith('arn:')) return v;
    return managedPolicyArn(v) ?? new Unknown(`${owner}: Policies names ${v}, which is not an AWS managed policy lexscribe knows (SAM resolves names from its list of AWS managed policies); give its ARN`);
  }
  if (isMapping(v) && Array.isArray(v['Fn::If']) && v['Fn::If'].length === 3) {
    const [condition, a, b] = v['Fn::If'];
    const branch = (x: unknown) => (typeof x === 'string' ? managed(x, owner) : x);
    return { 'Fn::If': [condition, branch(a), branch(b)] };
  }
  return v;
}

/**
 * The role policies SAM makes of a `Policies` property (a name, a document, a policy template, or a
 * list of them): documents and templates become inline policies named `<Role>Policy<index>`, names
 * and ARNs managed policies. Whatever is not understood is an Unknown document with the reason.
 */
export function rolePolicies(roleId: string, policies: unknown, owner: string, managedFirst: readonly unknown[]): RolePolicies {
  const out: RolePolicies = { inline: [], managed: [...managedFirst], from: [] };
  if (policies === undefined) return out;
  const list = Array.isArray(policies) ? policies : [policies];
  list.forEach((entry, index) => {
    const samPath = Array.isArray(policies) ? `Policies.${index}` : 'Policies';
    const name = `${roleId}Policy${index}`;
    const kind = branchKind(entry);
    if (kind === 'managed') {
      const arn = managed(entry, owner);
      if (out.managed.some((m) => JSON.stringify(m) === JSON.stringify(arn) && !(arn instanceof Unknown))) return;
      out.from.push([`ManagedPolicyArns.${out.managed.length}`, samPath]);
      out.managed.push(arn);
      return;
    }
    const at = `Policies.${out.inline.length}`;
    out.from.push([at, samPath], [`${at}.PolicyDocument`, samPath]);
    if (kind === 'statement') out.inline.push({ PolicyName: name, PolicyDocument: entry });
    else if (kind === 'template') {
      const [templateName, parameters] = Object.entries(entry as Record<string, unknown>)[0];
      const document = isPolicyTemplateName(templateName)
        ? expandPolicyTemplate(templateName, parameters, owner)
        : new Unknown(`${owner}: Policies uses ${templateName}, which is not a SAM policy template lexscribe expands`);
      out.inline.push({ PolicyName: name, PolicyDocument: document });
    } else {
      out.inline.push({ PolicyName: name, PolicyDocument: new Unknown(`${owner}: Policies entry ${index} is neither a managed policy, a policy document nor a policy template`) });
    }
  });
  return out;
}
