import type { AwsOperation, Collector } from './collector';

/** Calls the runner makes itself: who am I, and which Regions are enabled (`--all-regions`). */
export const RUNNER_OPERATIONS: readonly AwsOperation[] = [
  { service: 'sts', action: 'GetCallerIdentity' },
  { service: 'ec2', action: 'DescribeRegions' },
  { service: 'account', action: 'ListRegions' },
];

/**
 * Calls an organization audit adds, made with the caller's own credentials: list the organization's
 * accounts, and assume the audit role in each. They are not part of the member role's policy
 * (`lexscribe policy`); `lexscribe policy --org-role NAME` prints the caller's.
 */
export const ORGANIZATION_OPERATIONS: readonly AwsOperation[] = [
  { service: 'organizations', action: 'ListAccounts' },
  { service: 'sts', action: 'AssumeRole' },
];

/**
 * The one call the audit sends that is not a read: it makes temporary credentials for the audit
 * role and changes nothing in any account. Only the caller's client pool of an organization audit
 * may send it (`ClientSettings.allow`); the pools that read accounts refuse it like any other write.
 */
export const CREDENTIAL_OPERATIONS: readonly AwsOperation[] = [{ service: 'sts', action: 'AssumeRole' }];

/** Is an operation one that makes credentials (AssumeRole), the only non-read the audit may send? */
export function isCredentialOperation(op: AwsOperation): boolean {
  return CREDENTIAL_OPERATIONS.some((c) => c.service === op.service && c.action === op.action);
}

/**
 * `audit --security-hub` only: the findings imported earlier (a read), and the import itself, the one
 * write the audit can ever send; the clients refuse it unless the run was opened with the flag.
 */
export const SECURITY_HUB_IMPORT = {
  GetFindings: { service: 'securityhub', action: 'GetFindings' },
  BatchImportFindings: { service: 'securityhub', action: 'BatchImportFindings' },
} as const satisfies Record<string, AwsOperation>;

/** What `--security-hub` lets the audit write, and nothing else. */
export const SECURITY_HUB_WRITES: readonly AwsOperation[] = [SECURITY_HUB_IMPORT.BatchImportFindings];

/** Read-only by their verb. */
const READ_VERBS = /^(List|Describe|Get|Head)[A-Z]/;
/** Read-only despite their verb. */
const READ_BY_NAME = new Set(['cloudtrail:LookupEvents']);
/** Read-looking but with a side effect (GenerateCredentialReport creates a report): never allowed. */
const FORBIDDEN = new Set(['iam:GenerateCredentialReport']);

export function operationName(op: AwsOperation): string {
  return `${op.service}:${op.action}`;
}

/** Is an operation one the read-only audit may send? */
export function isReadOnly(op: AwsOperation): boolean {
  const name = operationName(op);
  if (FORBIDDEN.has(name)) return false;
  return READ_VERBS.test(op.action) || READ_BY_NAME.has(name);
}

/** Every operation the audit can send: the runner's own and each collector's declaration, sorted and distinct. */
export function declaredOperations(collectors: readonly Collector[]): AwsOperation[] {
  const byName = new Map<string, AwsOperation>();
  for (const op of [...RUNNER_OPERATIONS, ...collectors.flatMap((c) => c.operations)]) byName.set(operationName(op), op);
  return [...byName.values()].sort((a, b) => operationName(a).localeCompare(operationName(b)));
}

/**
 * IAM authorizes a few API operations under another action name (Service Authorization Reference):
 * S3 names its actions after the resource they read, not after the REST call. Everything else is
 * authorized as `service:Operation`.
 */
const IAM_ACTION_OF: Readonly<Record<string, string>> = {
  's3:HeadBucket': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:ListObjects': 's3:ListBucket',
  's3:ListObjectsV2': 's3:ListBucket',
  's3:ListObjectVersions': 's3:ListBucketVersions',
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  's3:GetBucketReplication': 's3:GetReplicationConfiguration',
  's3:GetObjectLockConfiguration': 's3:GetBucketObjectLockConfiguration',
  's3:GetBucketNotificationConfiguration': 's3:GetBucketNotification',
  's3:GetBucketCors': 's3:GetBucketCORS',
  's3:GetObjectAttributes': 's3:GetObject',
};

/** The IAM action that authorizes an operation (`s3:HeadBucket` → `s3:ListBucket`). */
export function iamAction(op: AwsOperation): string {
  const name = operationName(op);
  return IAM_ACTION_OF[name] ?? name;
}

/**
 * The SDK names a client's service by its own id (`LexModelsV2Client`), IAM by a prefix (`lex`): this
 * maps the clients the audit uses, so a command seen on the wire can be compared with the declarations.
 */
export const IAM_PREFIX_OF_CLIENT: Readonly<Record<string, string>> = {
  AccountClient: 'account',
  CloudTrailClient: 'cloudtrail',
  CloudWatchClient: 'cloudwatch',
  CloudWatchLogsClient: 'logs',
  ConfigServiceClient: 'config',
  EC2Client: 'ec2',
  EventBridgeClient: 'events',
  IAMClient: 'iam',
  KMSClient: 'kms',
  LambdaClient: 'lambda',
  LexModelBuildingServiceClient: 'lex',
  LexModelsV2Client: 'lex',
  OrganizationsClient: 'organizations',
  S3Client: 's3',
  SecurityHubClient: 'securityhub',
  AuditManagerClient: 'auditmanager',
  STSClient: 'sts',
  TranscribeClient: 'transcribe',
};

/** `LexModelsV2Client` + `ListBotsCommand` → `lex:ListBots` (client names not in the map keep their SDK name). */
export function operationOfCommand(clientName: string, commandName: string): AwsOperation {
  return { service: IAM_PREFIX_OF_CLIENT[clientName] ?? clientName, action: commandName.replace(/Command$/, '') };
}
