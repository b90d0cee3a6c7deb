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
