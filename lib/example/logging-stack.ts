import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface LoggingStackProps extends StackProps {
  /** Leave out the protections lexscribe asks for, to show its findings. */
  readonly insecure: boolean;
}

/**
 * Where the contact centre's conversation logs land: a customer-managed key, an audio-log bucket and
 * a text-log group. A stack of its own, as platform teams often own logging: the bot stack refers
 * to it across stacks (exports and `Fn::ImportValue`), and lexscribe follows those references.
 */
export class LoggingStack extends Stack {
  readonly key: kms.Key;
  readonly audioBucket: s3.Bucket;
  readonly textLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: LoggingStackProps) {
    super(scope, id, props);
    const { insecure } = props;

    this.key = new kms.Key(this, 'ConversationLogKey', {
      description: 'Encrypts contact-centre conversation logs (audio and text)',
      enableKeyRotation: !insecure,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts the text-log group with the key, for this log group only.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:/contact-centre/*` } },
      }),
    );

    this.audioBucket = new s3.Bucket(this, 'AudioLogs', {
      encryption: insecure ? s3.BucketEncryption.S3_MANAGED : s3.BucketEncryption.KMS,
      encryptionKey: insecure ? undefined : this.key,
      bucketKeyEnabled: !insecure,
      blockPublicAccess: insecure ? s3.BlockPublicAccess.BLOCK_ACLS_ONLY : s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: !insecure,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.textLogs = new logs.LogGroup(this, 'TextLogs', {
      logGroupName: '/contact-centre/conversations',
      encryptionKey: insecure ? undefined : this.key,
      retention: insecure ? logs.RetentionDays.INFINITE : logs.RetentionDays.THREE_MONTHS,
      dataProtectionPolicy: insecure
        ? undefined
        : new logs.DataProtectionPolicy({
            name: 'mask-customer-data',
            identifiers: [logs.DataIdentifier.EMAILADDRESS, logs.DataIdentifier.PHONENUMBER_GB, logs.DataIdentifier.CREDITCARDNUMBER],
          }),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
