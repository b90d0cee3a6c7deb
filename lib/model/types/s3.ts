import type { Cfn, CfnList, CfnTags } from './view';

/** Amazon S3. */

export const S3_BUCKET = 'AWS::S3::Bucket';
export const S3_BUCKET_POLICY = 'AWS::S3::BucketPolicy';

export interface ServerSideEncryptionRule {
  ServerSideEncryptionByDefault?: Cfn<{ SSEAlgorithm?: Cfn<string>; KMSMasterKeyID?: Cfn<string> }>;
  BucketKeyEnabled?: Cfn<boolean>;
}

/** `AWS::S3::Bucket`. */
export interface BucketProps {
  BucketName?: Cfn<string>;
  BucketEncryption?: Cfn<{ ServerSideEncryptionConfiguration?: CfnList<ServerSideEncryptionRule> }>;
  PublicAccessBlockConfiguration?: Cfn<{ BlockPublicAcls?: Cfn<boolean>; IgnorePublicAcls?: Cfn<boolean>; BlockPublicPolicy?: Cfn<boolean>; RestrictPublicBuckets?: Cfn<boolean> }>;
  VersioningConfiguration?: Cfn<{ Status?: Cfn<string> }>;
  Tags?: CfnTags;
  /**
   * Live only: the bucket's account (`HeadBucket(ExpectedBucketOwner)`) and Region
   * (`GetBucketLocation`), since a bucket is emitted in the scope of whatever refers to it.
   */
  OwnerAccount?: Cfn<string>;
  Region?: Cfn<string>;
}

/** `AWS::S3::BucketPolicy`. */
export interface BucketPolicyProps {
  Bucket?: Cfn<string>;
  PolicyDocument?: Cfn<unknown>;
}
