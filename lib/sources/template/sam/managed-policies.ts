import { awsManagedPolicyArn } from './model';

/**
 * AWS managed policies a SAM `Policies` entry may name, with their IAM path where they have one. SAM
 * turns a name into an ARN from its bundled list of every AWS managed policy; lexscribe knows those
 * that serverless applications around Lex and Transcribe attach (see SOURCES.md), and any other name
 * is Unknown, with the name in the reason, rather than a guessed ARN.
 */
const PATHS: Readonly<Record<string, string>> = {
  AWSLambdaBasicExecutionRole: 'service-role/',
  AWSLambdaVPCAccessExecutionRole: 'service-role/',
  AWSLambdaSQSQueueExecutionRole: 'service-role/',
  AWSLambdaKinesisExecutionRole: 'service-role/',
  AWSLambdaDynamoDBExecutionRole: 'service-role/',
  AWSLambdaMSKExecutionRole: 'service-role/',
  AWSLambdaRole: 'service-role/',
  AWSGlueServiceRole: 'service-role/',
  AmazonS3ObjectLambdaExecutionRolePolicy: 'service-role/',
};

const WITHOUT_PATH = [
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'IAMFullAccess',
  'AmazonS3FullAccess',
  'AmazonS3ReadOnlyAccess',
  'AmazonDynamoDBFullAccess',
  'AmazonDynamoDBReadOnlyAccess',
  'AmazonTranscribeFullAccess',
  'AmazonTranscribeReadOnlyAccess',
  'AmazonLexFullAccess',
  'AmazonLexReadOnly',
  'AmazonLexRunBotsOnly',
  'ComprehendFullAccess',
  'ComprehendReadOnly',
  'ComprehendMedicalFullAccess',
  'AmazonPollyFullAccess',
  'AmazonPollyReadOnlyAccess',
  'TranslateFullAccess',
  'TranslateReadOnly',
  'AmazonKendraFullAccess',
  'AmazonBedrockFullAccess',
  'AmazonBedrockReadOnly',
  'AmazonConnect_FullAccess',
  'AmazonChimeSDK',
  'AmazonChimeFullAccess',
  'AWSStepFunctionsFullAccess',
  'AWSStepFunctionsReadOnlyAccess',
  'AmazonSQSFullAccess',
  'AmazonSQSReadOnlyAccess',
  'AmazonSNSFullAccess',
  'AmazonSNSReadOnlyAccess',
  'AmazonKinesisFullAccess',
  'AmazonKinesisReadOnlyAccess',
  'AmazonKinesisFirehoseFullAccess',
  'AmazonEventBridgeFullAccess',
  'CloudWatchFullAccess',
  'CloudWatchLogsFullAccess',
  'CloudWatchLogsReadOnlyAccess',
  'AWSXrayWriteOnlyAccess',
  'AWSXRayDaemonWriteAccess',
  'SecretsManagerReadWrite',
  'AmazonSSMFullAccess',
  'AmazonSSMReadOnlyAccess',
  'AWSKeyManagementServicePowerUser',
  'AWSLambda_FullAccess',
  'AWSLambda_ReadOnlyAccess',
  'AWSLambdaExecute',
  'AmazonAPIGatewayInvokeFullAccess',
  'AmazonTextractFullAccess',
  'AmazonRekognitionFullAccess',
  'AmazonAthenaFullAccess',
  'AWSIoTFullAccess',
  'AmazonCognitoPowerUser',
  'AmazonEC2FullAccess',
];

const KNOWN = new Map<string, string>([...WITHOUT_PATH.map((n): [string, string] => [n, '']), ...Object.entries(PATHS)]);

/** Names lexscribe turns into ARNs (README, tests). */
export const KNOWN_MANAGED_POLICIES: readonly string[] = [...KNOWN.keys()].sort();

/** The ARN SAM gives an AWS managed policy name, or undefined for a name lexscribe does not know. */
export function managedPolicyArn(name: string): unknown {
  const path = KNOWN.get(name);
  return path === undefined ? undefined : awsManagedPolicyArn(`${path}${name}`);
}
