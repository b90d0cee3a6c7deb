import type { TemplateCase } from '../tester';

/** YAML of a bot's first lines (its name and service-linked role); the properties a case varies follow. */
const BOT_HEAD = `  Bot:
    Type: AWS::Lex::Bot
    Properties:
      Name: support
      RoleArn: arn:aws:iam::123456789012:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots
`;

/** YAML of an alias of `Bot` writing text logs to log group `Logs`. */
const ALIAS_LOGGING_TO_LOGS = `  Alias:
    Type: AWS::Lex::BotAlias
    Properties:
      BotId: !Ref Bot
      BotAliasName: prod
      ConversationLogSettings:
        TextLogSettings:
          - Enabled: true
            Destination: { CloudWatch: { CloudWatchLogGroupArn: !GetAtt Logs.Arn, LogPrefix: p } }
`;

/**
 * Hand-written templates whose IAM statements read a list parameter, or split a value that is not
 * known here: what such a statement grants is not known (UNKNOWN naming the parameter), and a list
 * parameter's default is read as CloudFormation splits it, the verdict naming the parameter.
 */

type Member = 'Action' | 'Resource';

/** A managed policy `Policy` whose statement's `member` is `{ Ref: Values }` (a CommaDelimitedList), the other member `other`. */
export function listParameterPolicy(member: Member, other: unknown, Default?: string): TemplateCase['template'] {
  const statement: Record<string, unknown> = { Effect: 'Allow', [member]: { Ref: 'Values' }, [member === 'Action' ? 'Resource' : 'Action']: other };
  return {
    Parameters: { Values: { Type: 'CommaDelimitedList', ...(Default === undefined ? {} : { Default }) } },
    Resources: { Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [statement] } } } },
  };
}

/** The same with `Fn::Split` over an import no scanned stack exports. */
export function splitImportPolicy(member: Member, other: unknown): TemplateCase['template'] {
  const statement: Record<string, unknown> = { Effect: 'Allow', [member]: { 'Fn::Split': [',', { 'Fn::ImportValue': 'Shared-Values' }] }, [member === 'Action' ? 'Resource' : 'Action']: other };
  return { Resources: { Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [statement] } } } } };
}

/** Reasons of the UNKNOWN verdicts above name their cause. */
export const NO_VALUE = /parameter Values has no value and no default/;
export const NO_EXPORT = /Fn::ImportValue Shared-Values: no stack in this run exports it/;
/** …and a verdict on a default names the parameter. */
export const DEFAULTED = /read from parameter Values at its default/;

/**
 * A bot with an alias writing text logs to `Logs` and a resource policy, in a template whose
 * conditions hold or fail by parameter defaults only: `IsPublic` is false and `HasKey` true unless a
 * deployment passes other values. `principal` and `kmsKeyId` are YAML for the policy's principal and
 * the log group's key (`!If [...]` over those conditions).
 */
export function conditionalBot(principal: string, kmsKeyId: string): string {
  return `
Parameters:
  Public: { Type: String, Default: "no", AllowedValues: ["yes", "no"] }
  UseKey: { Type: String, Default: "yes" }
Conditions:
  IsPublic: !Equals [!Ref Public, "yes"]
  HasKey: !Equals [!Ref UseKey, "yes"]
Resources:
${BOT_HEAD}      DataPrivacy: { ChildDirected: false }
      IdleSessionTTLInSeconds: 300
  Policy:
    Type: AWS::Lex::ResourcePolicy
    Properties:
      ResourceArn: !GetAtt Bot.Arn
      Policy:
        Statement:
          - Effect: Allow
            Principal: ${principal}
            Action: lex:RecognizeText
            Resource: "*"
  Key:
    Type: AWS::KMS::Key
    Properties: { KeyPolicy: { Statement: [] } }
  OtherKey:
    Type: AWS::KMS::Key
    Properties: { KeyPolicy: { Statement: [] } }
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: ${kmsKeyId}
      RetentionInDays: 30
${ALIAS_LOGGING_TO_LOGS}`;
}

export const ROOT = '{ AWS: "arn:aws:iam::123456789012:root" }';
export const KEY = '!GetAtt Key.Arn';
/** The reason of a verdict on the other value of a condition names it, and the parameter that decides it. */
export const OTHER_BRANCH = (condition: string, value: boolean, parameter: string) => new RegExp(`when condition ${condition} is ${value}, as it is when parameter ${parameter} is not at its default`);

/**
 * A bot whose alias writes text logs to log group `Logs`, with the given raw YAML for the values
 * CloudFormation bounds: values it would refuse (`-1`, `""`, `"maybe"`) must FAIL naming what it allows.
 */
export function botWithLogs(values: { ttl?: string; childDirected?: string; retention?: string; kmsKeyId?: string }): string {
  return `
Resources:
${BOT_HEAD}      DataPrivacy: { ChildDirected: ${values.childDirected ?? 'false'} }
      IdleSessionTTLInSeconds: ${values.ttl ?? '300'}
  Key:
    Type: AWS::KMS::Key
    Properties: { KeyPolicy: { Statement: [] } }
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: ${values.kmsKeyId ?? '!GetAtt Key.Arn'}
      RetentionInDays: ${values.retention ?? '30'}
${ALIAS_LOGGING_TO_LOGS}`;
}
