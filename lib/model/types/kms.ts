import type { Cfn } from './view';

/** AWS Key Management Service. */

export const KMS_KEY = 'AWS::KMS::Key';
export const KMS_ALIAS = 'AWS::KMS::Alias';

/** `AWS::KMS::Key`. */
export interface KeyProps {
  KeySpec?: Cfn<string>;
  EnableKeyRotation?: Cfn<boolean>;
  Enabled?: Cfn<boolean>;
  KeyPolicy?: Cfn<unknown>;
  /** Live only (`kms:DescribeKey`): `AWS` for an AWS-managed key, `CUSTOMER` otherwise. */
  KeyManager?: Cfn<string>;
}

/** `AWS::KMS::Alias`. */
export interface KeyAliasProps {
  AliasName?: Cfn<string>;
  TargetKeyId?: Cfn<string>;
}
