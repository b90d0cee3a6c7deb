import type { Template } from './arbitraries/templates';

/** A property left out of the template (the insecure or secure value of a slot can be its absence). */
export const ABSENT = Symbol('absent');
export type SlotValue = unknown;

/** What a slot takes: which unresolvable forms and invalid values make sense there. */
export type SlotKind = 'string' | 'number' | 'boolean' | 'object' | 'list';

/**
 * A template that FAILs one check on one resource because of one value (the slot), and passes it
 * with another: the metamorphic properties replace the insecure value with forms lexscribe cannot
 * know and require that the finding stays FAIL or becomes UNKNOWN/ERROR, never PASS, never gone.
 */
export interface Scenario {
  name: string;
  check: string;
  /** The logical id the finding is on. */
  resource: string;
  kind: SlotKind;
  insecure: SlotValue;
  secure: SlotValue;
  template: (slot: SlotValue) => Template;
}

const ACCOUNT = '123456789012';
const put = (v: SlotValue) => (v === ABSENT ? undefined : v);

const bot = (props: Record<string, unknown> = {}) => ({
  Type: 'AWS::Lex::Bot',
  Properties: { Name: 'Support', RoleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X`, DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300, ...props },
});
const key = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] } } };
const textLogsTo = (arn: unknown) => ({ TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: arn, LogPrefix: 't/' } } }] });
const alias = (logs: Record<string, unknown>) => ({ Type: 'AWS::Lex::BotAlias', Properties: { BotId: { Ref: 'Bot' }, BotAliasName: 'prod', BotVersion: '1', ConversationLogSettings: logs } });

/** A Lex resource policy with one statement, `statement` overriding its parts. */
const resourcePolicy = (statement: Record<string, unknown>): Template => ({
  Resources: {
    Bot: bot(),
    Policy: {
      Type: 'AWS::Lex::ResourcePolicy',
      Properties: { ResourceArn: { 'Fn::GetAtt': ['Bot', 'Arn'] }, Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/caller` }, Action: 'lex:RecognizeText', Resource: '*', ...statement }] } },
    },
  },
});

/** A role that Lambda assumes, with one inline statement, `statement` overriding its parts. */
const role = (statement: Record<string, unknown>, props: Record<string, unknown> = {}): Template => ({
  Resources: {
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lex:RecognizeText', Resource: '*', ...statement }] } }],
        ...props,
      },
    },
  },
});

/** A bot whose alias logs text to the group (its key and retention as given) and audio to a bucket. */
const logging = (group: Record<string, unknown>, audioKey: SlotValue = { 'Fn::GetAtt': ['Key', 'Arn'] }, logArn: unknown = { 'Fn::GetAtt': ['Group', 'Arn'] }): Template => ({
  Resources: {
    Key: key,
    Group: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/lex/support', RetentionInDays: 30, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, ...group } },
    Plain: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/lex/plain', RetentionInDays: 30 } },
    Audio: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] } } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      },
    },
    Bot: bot(),
    Alias: alias({
      ...textLogsTo(logArn),
      AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: { 'Fn::GetAtt': ['Audio', 'Arn'] }, LogPrefix: 'a/', KmsKeyArn: put(audioKey) } } }],
    }),
  },
});

const GROUP_ARN = (name: string) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}:*`;

export const SCENARIOS: readonly Scenario[] = [
  { name: 'resource policy Principal "*"', check: 'LEX-IAM-1', resource: 'Policy', kind: 'string', insecure: '*', secure: { AWS: `arn:aws:iam::${ACCOUNT}:role/caller` }, template: (v) => resourcePolicy({ Principal: put(v) }) },
  { name: 'resource policy Principal {AWS: "*"}', check: 'LEX-IAM-1', resource: 'Policy', kind: 'string', insecure: '*', secure: `arn:aws:iam::${ACCOUNT}:role/caller`, template: (v) => resourcePolicy({ Principal: { AWS: put(v) } }) },
  { name: 'IAM Action lex:* on every resource', check: 'LEX-IAM-5', resource: 'Role', kind: 'string', insecure: 'lex:*', secure: 'lex:RecognizeText', template: (v) => role({ Action: put(v) }) },
  { name: 'IAM Action "*" as an element of a list', check: 'LEX-IAM-5', resource: 'Role', kind: 'string', insecure: '*', secure: 'lex:GetSession', template: (v) => role({ Action: ['lex:RecognizeText', put(v)] }) },
  { name: 'IAM Action list', check: 'LEX-IAM-5', resource: 'Role', kind: 'list', insecure: ['lex:*'], secure: ['lex:RecognizeText'], template: (v) => role({ Action: put(v) }) },
  { name: 'IAM Resource "*" for lex:*', check: 'LEX-IAM-5', resource: 'Role', kind: 'string', insecure: '*', secure: `arn:aws:lex:us-east-1:${ACCOUNT}:bot/ABCDEFGHIJ`, template: (v) => role({ Action: 'lex:*', Resource: put(v) }) },
  { name: 'IAM Effect of lex:* on every resource', check: 'LEX-IAM-5', resource: 'Role', kind: 'string', insecure: 'Allow', secure: 'Deny', template: (v) => role({ Action: 'lex:*', Effect: put(v) }) },
  { name: 'AmazonTranscribeFullAccess attached', check: 'TR-IAM-4', resource: 'Role', kind: 'string', insecure: 'arn:aws:iam::aws:policy/AmazonTranscribeFullAccess', secure: `arn:aws:iam::${ACCOUNT}:policy/transcribe-jobs`, template: (v) => role({}, { ManagedPolicyArns: [put(v)] }) },
  { name: 'log group without KmsKeyId', check: 'LEX-DP-4', resource: 'Alias', kind: 'string', insecure: ABSENT, secure: { 'Fn::GetAtt': ['Key', 'Arn'] }, template: (v) => logging({ KmsKeyId: put(v) }) },
  { name: 'text logs to an unencrypted log group', check: 'LEX-DP-4', resource: 'Alias', kind: 'string', insecure: GROUP_ARN('/lex/plain'), secure: GROUP_ARN('/lex/support'), template: (v) => logging({}, undefined, put(v)) },
  { name: 'audio logs without KmsKeyArn', check: 'LEX-DP-2', resource: 'Alias', kind: 'string', insecure: ABSENT, secure: { 'Fn::GetAtt': ['Key', 'Arn'] }, template: (v) => logging({}, v) },
  { name: 'log group without RetentionInDays', check: 'LEX-MON-6', resource: 'Group', kind: 'number', insecure: ABSENT, secure: 30, template: (v) => logging({ RetentionInDays: put(v) }) },
  { name: 'bot without DataPrivacy', check: 'LEX-DP-1', resource: 'Bot', kind: 'object', insecure: ABSENT, secure: { ChildDirected: false }, template: (v) => ({ Resources: { Bot: bot({ DataPrivacy: put(v) }) } }) },
  { name: 'bot with a day-long idle session', check: 'LEX-DP-8', resource: 'Bot', kind: 'number', insecure: 86400, secure: 300, template: (v) => ({ Resources: { Bot: bot({ IdleSessionTTLInSeconds: put(v) }) } }) },
  {
    name: 'Lambda permission for Lex without SourceArn',
    check: 'LEX-IAM-8',
    resource: 'Permission',
    kind: 'string',
    insecure: ABSENT,
    secure: `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/ABCDEFGHIJ/TSTALIASID`,
    template: (v) => ({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.12', Handler: 'index.handler', Role: `arn:aws:iam::${ACCOUNT}:role/fn`, Code: { ZipFile: 'x' } } },
        Permission: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Principal: 'lexv2.amazonaws.com', SourceArn: put(v) } },
      },
    }),
  },
  {
    name: 'state machine starting a Transcribe job without a KMS key',
    check: 'TR-DP-12',
    resource: 'Flow',
    kind: 'string',
    insecure: ABSENT,
    secure: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    template: (v) => ({
      Resources: {
        Flow: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: {
            RoleArn: `arn:aws:iam::${ACCOUNT}:role/flow`,
            Definition: {
              StartAt: 'Transcribe',
              States: {
                Transcribe: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob',
                  Parameters: { TranscriptionJobName: 'job', Media: { MediaFileUri: 's3://media/call.wav' }, OutputBucketName: 'out', OutputEncryptionKMSKeyId: put(v), ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } },
                  End: true,
                },
              },
            },
          },
        },
      },
    }),
  },
];
