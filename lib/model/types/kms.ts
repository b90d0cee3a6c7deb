/** AWS Key Management Service. */

export const KMS_KEY = 'AWS::KMS::Key';
export const KMS_ALIAS = 'AWS::KMS::Alias';
