/**
 * CloudSploit's encryption ladder, weakest first: the level a bucket's default encryption or a
 * Transcribe job's output reaches (`none` < `sse-s3` < `aws-managed-kms` < `customer-managed-kms`).
 * Collectors write these levels into live evidence (`OutputEncryption.Level`); checks compare them.
 */
export const ENCRYPTION_LEVELS = ['none', 'sse-s3', 'aws-managed-kms', 'customer-managed-kms'] as const;
export type EncryptionLevel = (typeof ENCRYPTION_LEVELS)[number];

/** Whether `level` is `minimum` or a stronger rung of the ladder. */
export function atLeast(level: EncryptionLevel, minimum: EncryptionLevel): boolean {
  return ENCRYPTION_LEVELS.indexOf(level) >= ENCRYPTION_LEVELS.indexOf(minimum);
}
