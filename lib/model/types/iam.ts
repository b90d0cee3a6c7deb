import type { Cfn, CfnList, CfnTags } from './view';

/** AWS Identity and Access Management. */

export const ROLE = 'AWS::IAM::Role';
export const USER = 'AWS::IAM::User';
export const GROUP = 'AWS::IAM::Group';
export const SERVICE_LINKED_ROLE = 'AWS::IAM::ServiceLinkedRole';
export const POLICY = 'AWS::IAM::Policy';
export const MANAGED_POLICY = 'AWS::IAM::ManagedPolicy';
export const ROLE_POLICY = 'AWS::IAM::RolePolicy';
export const USER_POLICY = 'AWS::IAM::UserPolicy';
export const GROUP_POLICY = 'AWS::IAM::GroupPolicy';
export const ACCESS_KEY = 'AWS::IAM::AccessKey';

/** Principals that identity policies attach to. */
export const PRINCIPAL_TYPES = [ROLE, USER, GROUP];
/** Policy resources whose documents are identity-based. */
export const POLICY_TYPES = [POLICY, MANAGED_POLICY, ROLE_POLICY, USER_POLICY, GROUP_POLICY];
/** Resources that hold identity-policy documents: principals (inline `Policies`) and policy resources. */
export const POLICY_HOLDERS = [...PRINCIPAL_TYPES, ...POLICY_TYPES];

/** An inline policy of a role, user or group. */
export interface InlinePolicy {
  PolicyName?: Cfn<string>;
  PolicyDocument?: Cfn<unknown>;
}

/** What roles, users and groups share. */
interface PrincipalProps {
  Path?: Cfn<string>;
  Policies?: CfnList<InlinePolicy>;
  ManagedPolicyArns?: CfnList<string>;
}

/** `AWS::IAM::Role`; live, service-linked roles come as roles with an `/aws-service-role/` path. */
export interface RoleProps extends PrincipalProps {
  RoleName?: Cfn<string>;
  AssumeRolePolicyDocument?: Cfn<unknown>;
  Tags?: CfnTags;
  /** Live only (`GetAccountAuthorizationDetails`). */
  RoleLastUsed?: Cfn<{ LastUsedDate?: Cfn<string>; Region?: Cfn<string> }>;
}

/** `AWS::IAM::User`. */
export interface UserProps extends PrincipalProps {
  UserName?: Cfn<string>;
  /** Group names (or references to groups). */
  Groups?: CfnList<string>;
  Tags?: CfnTags;
}

/** `AWS::IAM::Group`. */
export interface GroupProps extends PrincipalProps {
  GroupName?: Cfn<string>;
}

/** `AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`, `UserPolicy`, `GroupPolicy`: a document and whom it is attached to. */
export interface PolicyProps {
  PolicyName?: Cfn<string>;
  ManagedPolicyName?: Cfn<string>;
  PolicyDocument?: Cfn<unknown>;
  Roles?: CfnList<string>;
  Users?: CfnList<string>;
  Groups?: CfnList<string>;
  /** `RolePolicy`, `UserPolicy`, `GroupPolicy`. */
  RoleName?: Cfn<string>;
  UserName?: Cfn<string>;
  GroupName?: Cfn<string>;
}

/** `AWS::IAM::ServiceLinkedRole`. */
export interface ServiceLinkedRoleProps {
  AWSServiceName?: Cfn<string>;
  CustomSuffix?: Cfn<string>;
}

/** `AWS::IAM::AccessKey`. */
export interface AccessKeyProps {
  UserName?: Cfn<string>;
  /** `Active` | `Inactive`. */
  Status?: Cfn<string>;
  /** Live only: when the key was created. */
  CreateDate?: Cfn<string>;
}
