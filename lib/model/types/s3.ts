/** Amazon S3. */

export const S3_BUCKET = 'AWS::S3::Bucket';
export const S3_BUCKET_POLICY = 'AWS::S3::BucketPolicy';
