import { Unknown } from '../../../model/values';
import { isMapping } from './model';

/**
 * SAM policy templates (`S3ReadPolicy: { BucketName: !Ref Bucket }`) as the documents SAM writes for
 * them: the same actions and resources, each parameter in the place SAM puts it (an `Fn::Sub`
 * variable), so that the graph resolves it to the resource it names. Written for lexscribe after the
 * SAM translator's definitions (SOURCES.md says which); a template not listed here is Unknown.
 */
type Values = Record<string, unknown>;

interface PolicyTemplate {
  parameters: readonly string[];
  statements: (v: Values) => unknown[];
}

const ARN = 'arn:${AWS::Partition}';
const HERE = '${AWS::Region}:${AWS::AccountId}';
const sub = (pattern: string, vars?: Values): unknown => ({ 'Fn::Sub': vars ? [pattern, vars] : pattern });
const allow = (Action: string | string[], Resource: unknown) => ({ Action, Effect: 'Allow', Resource });

const bucket = (v: Values) => sub(`${ARN}:s3:::\${bucketName}`, { bucketName: v.BucketName });
const objects = (v: Values) => sub(`${ARN}:s3:::\${bucketName}/*`, { bucketName: v.BucketName });
const key = (v: Values) => sub(`${ARN}:kms:${HERE}:key/\${keyId}`, { keyId: v.KeyId });
const tables = (v: Values) => [sub(`${ARN}:dynamodb:${HERE}:table/\${tableName}`, { tableName: v.TableName }), sub(`${ARN}:dynamodb:${HERE}:table/\${tableName}/index/*`, { tableName: v.TableName })];
const queue = (v: Values) => sub(`${ARN}:sqs:${HERE}:\${queueName}`, { queueName: v.QueueName });
const topic = (v: Values, suffix = '') => sub(`${ARN}:sns:${HERE}:\${topicName}${suffix}`, { topicName: v.TopicName });
const stateMachine = (v: Values) => sub(`${ARN}:states:${HERE}:stateMachine:\${stateMachineName}`, { stateMachineName: v.StateMachineName });
const stream = (v: Values) => sub(`${ARN}:kinesis:${HERE}:stream/\${streamName}`, { streamName: v.StreamName });
const deliveryStream = (v: Values) => sub(`${ARN}:firehose:${HERE}:deliverystream/\${deliveryStreamName}`, { deliveryStreamName: v.DeliveryStreamName });
const ssmRead = ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'];

const S3_READ = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'];
const S3_WRITE = ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'];
const S3_CRUD = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:DeleteObject'];
const S3_FULL_OBJECTS = [
  's3:GetObject',
  's3:GetObjectAcl',
  's3:GetObjectVersion',
  's3:PutObject',
  's3:PutObjectAcl',
  's3:DeleteObject',
  's3:DeleteObjectTagging',
  's3:DeleteObjectVersionTagging',
  's3:GetObjectTagging',
  's3:GetObjectVersionTagging',
  's3:PutObjectTagging',
  's3:PutObjectVersionTagging',
];
const DYNAMODB_CRUD = ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'];
const COMPREHEND_BASIC = [
  'comprehend:BatchDetectKeyPhrases',
  'comprehend:DetectDominantLanguage',
  'comprehend:DetectEntities',
  'comprehend:BatchDetectEntities',
  'comprehend:DetectKeyPhrases',
  'comprehend:DetectSentiment',
  'comprehend:BatchDetectDominantLanguage',
  'comprehend:BatchDetectSentiment',
];
const KINESIS_CRUD = [
  'kinesis:AddTagsToStream',
  'kinesis:CreateStream',
  'kinesis:DecreaseStreamRetentionPeriod',
  'kinesis:DeleteStream',
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetShardIterator',
  'kinesis:IncreaseStreamRetentionPeriod',
  'kinesis:ListTagsForStream',
  'kinesis:MergeShards',
  'kinesis:PutRecord',
  'kinesis:PutRecords',
  'kinesis:SplitShard',
  'kinesis:RemoveTagsFromStream',
];

const none = (statements: () => unknown[]): PolicyTemplate => ({ parameters: [], statements });

const TEMPLATES: Readonly<Record<string, PolicyTemplate>> = {
  S3ReadPolicy: { parameters: ['BucketName'], statements: (v) => [allow(S3_READ, [bucket(v), objects(v)])] },
  S3WritePolicy: { parameters: ['BucketName'], statements: (v) => [allow(S3_WRITE, [bucket(v), objects(v)])] },
  S3CrudPolicy: { parameters: ['BucketName'], statements: (v) => [allow(S3_CRUD, [bucket(v), objects(v)])] },
  S3FullAccessPolicy: {
    parameters: ['BucketName'],
    statements: (v) => [allow(S3_FULL_OBJECTS, [objects(v)]), allow(['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], [bucket(v)])],
  },
  KMSDecryptPolicy: { parameters: ['KeyId'], statements: (v) => [allow('kms:Decrypt', key(v))] },
  KMSEncryptPolicy: { parameters: ['KeyId'], statements: (v) => [allow('kms:Encrypt', key(v))] },
  KMSEncryptPolicy_v2: {
    parameters: ['KeyId'],
    statements: (v) => [allow(['kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext'], key(v))],
  },
  DynamoDBReadPolicy: { parameters: ['TableName'], statements: (v) => [allow(['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], tables(v))] },
  DynamoDBWritePolicy: { parameters: ['TableName'], statements: (v) => [allow(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], tables(v))] },
  DynamoDBCrudPolicy: { parameters: ['TableName'], statements: (v) => [allow(DYNAMODB_CRUD, tables(v))] },
  DynamoDBStreamReadPolicy: {
    parameters: ['TableName', 'StreamName'],
    statements: (v) => [
      allow(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], sub(`${ARN}:dynamodb:${HERE}:table/\${tableName}/stream/\${streamName}`, { streamName: v.StreamName, tableName: v.TableName })),
      allow(['dynamodb:ListStreams'], sub(`${ARN}:dynamodb:${HERE}:table/\${tableName}/stream/*`, { tableName: v.TableName })),
    ],
  },
  SQSPollerPolicy: {
    parameters: ['QueueName'],
    statements: (v) => [allow(['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], queue(v))],
  },
  SQSSendMessagePolicy: { parameters: ['QueueName'], statements: (v) => [allow(['sqs:SendMessage*'], queue(v))] },
  SNSPublishMessagePolicy: { parameters: ['TopicName'], statements: (v) => [allow(['sns:Publish'], topic(v))] },
  SNSCrudPolicy: { parameters: ['TopicName'], statements: (v) => [allow(['sns:ListSubscriptionsByTopic', 'sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Publish'], topic(v, '*'))] },
  LambdaInvokePolicy: {
    parameters: ['FunctionName'],
    statements: (v) => [allow(['lambda:InvokeFunction'], sub(`${ARN}:lambda:${HERE}:function:\${functionName}*`, { functionName: v.FunctionName }))],
  },
  StepFunctionsExecutionPolicy: { parameters: ['StateMachineName'], statements: (v) => [allow(['states:StartExecution'], stateMachine(v))] },
  StepFunctionsExecutionPolicy_v2: { parameters: ['StateMachineName'], statements: (v) => [allow(['states:StartExecution', 'states:StartSyncExecution'], stateMachine(v))] },
  StepFunctionsCallbackPolicy: { parameters: ['StateMachineName'], statements: (v) => [allow(['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'], stateMachine(v))] },
  ComprehendBasicAccessPolicy: none(() => [allow(COMPREHEND_BASIC, '*')]),
  PollyFullAccessPolicy: {
    parameters: ['LexiconName'],
    statements: (v) => [
      allow(['polly:GetLexicon', 'polly:DeleteLexicon'], [sub(`${ARN}:polly:${HERE}:lexicon/\${lexiconName}`, { lexiconName: v.LexiconName })]),
      allow(['polly:DescribeVoices', 'polly:ListLexicons', 'polly:PutLexicon', 'polly:SynthesizeSpeech'], [sub(`${ARN}:polly:${HERE}:lexicon/*`)]),
    ],
  },
  SSMParameterReadPolicy: {
    parameters: ['ParameterName'],
    statements: (v) => [allow(['ssm:DescribeParameters'], '*'), allow(ssmRead, sub(`${ARN}:ssm:${HERE}:parameter/\${parameterName}`, { parameterName: v.ParameterName }))],
  },
  SSMParameterWithSlashPrefixReadPolicy: {
    parameters: ['ParameterName'],
    statements: (v) => [allow(['ssm:DescribeParameters'], '*'), allow(ssmRead, sub(`${ARN}:ssm:${HERE}:parameter\${parameterName}`, { parameterName: v.ParameterName }))],
  },
  AWSSecretsManagerGetSecretValuePolicy: { parameters: ['SecretArn'], statements: (v) => [allow(['secretsmanager:GetSecretValue'], sub('${secretArn}', { secretArn: v.SecretArn }))] },
  CloudWatchPutMetricPolicy: none(() => [allow(['cloudwatch:PutMetricData'], '*')]),
  VPCAccessPolicy: none(() => [allow(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], '*')]),
  EventBridgePutEventsPolicy: { parameters: ['EventBusName'], statements: (v) => [allow('events:PutEvents', sub(`${ARN}:events:${HERE}:event-bus/\${eventBusName}`, { eventBusName: v.EventBusName }))] },
  KinesisStreamReadPolicy: {
    parameters: ['StreamName'],
    statements: (v) => [
      allow(['kinesis:ListStreams', 'kinesis:DescribeLimits'], sub(`${ARN}:kinesis:${HERE}:stream/*`)),
      allow(['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], stream(v)),
    ],
  },
  KinesisCrudPolicy: { parameters: ['StreamName'], statements: (v) => [allow(KINESIS_CRUD, stream(v))] },
  FirehoseWritePolicy: { parameters: ['DeliveryStreamName'], statements: (v) => [allow(['firehose:PutRecord', 'firehose:PutRecordBatch'], deliveryStream(v))] },
  FirehoseCrudPolicy: {
    parameters: ['DeliveryStreamName'],
    statements: (v) => [
      allow(['firehose:CreateDeliveryStream', 'firehose:DeleteDeliveryStream', 'firehose:DescribeDeliveryStream', 'firehose:PutRecord', 'firehose:PutRecordBatch', 'firehose:UpdateDestination'], deliveryStream(v)),
    ],
  },
  FilterLogEventsPolicy: {
    parameters: ['LogGroupName'],
    statements: (v) => [allow(['logs:FilterLogEvents'], sub(`${ARN}:logs:${HERE}:log-group:\${logGroupName}:log-stream:*`, { logGroupName: v.LogGroupName }))],
  },
  SESCrudPolicy: {
    parameters: ['IdentityName'],
    statements: (v) => [
      allow(['ses:GetIdentityVerificationAttributes', 'ses:SendEmail', 'ses:SendRawEmail', 'ses:VerifyEmailIdentity'], sub(`${ARN}:ses:${HERE}:identity/\${identityName}`, { identityName: v.IdentityName })),
    ],
  },
  TextractPolicy: none(() => [allow(['textract:*'], '*')]),
  TextractDetectAnalyzePolicy: none(() => [allow(['textract:DetectDocumentText', 'textract:StartDocumentTextDetection', 'textract:StartDocumentAnalysis', 'textract:AnalyzeDocument'], '*')]),
  TextractGetResultPolicy: none(() => [allow(['textract:GetDocumentTextDetection', 'textract:GetDocumentAnalysis'], '*')]),
  RekognitionDetectOnlyPolicy: none(() => [allow(['rekognition:DetectFaces', 'rekognition:DetectLabels', 'rekognition:DetectModerationLabels', 'rekognition:DetectText'], '*')]),
  RekognitionLabelsPolicy: none(() => [allow(['rekognition:DetectLabels', 'rekognition:DetectModerationLabels'], '*')]),
  AMIDescribePolicy: none(() => [allow(['ec2:DescribeImages'], '*')]),
  EC2DescribePolicy: none(() => [allow(['ec2:DescribeRegions', 'ec2:DescribeInstances'], '*')]),
  CloudFormationDescribeStacksPolicy: none(() => [allow(['cloudformation:DescribeStacks'], sub(`${ARN}:cloudformation:${HERE}:stack/*`))]),
};

/** The templates lexscribe expands (README, tests). */
export const POLICY_TEMPLATES: readonly string[] = Object.keys(TEMPLATES).sort();

export function isPolicyTemplateName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, name);
}

/** The policy document of a template with its parameter values, or Unknown when a parameter is missing. */
export function expandPolicyTemplate(name: string, parameters: unknown, owner: string): unknown {
  const template = TEMPLATES[name];
  const given = isMapping(parameters) ? parameters : {};
  const missing = template.parameters.filter((p) => given[p] === undefined);
  if (missing.length > 0) return new Unknown(`${owner}: policy template ${name} needs ${missing.join(', ')}`);
  return { Statement: template.statements(given) };
}
