import type { Allowed, Cfn, CfnList, CfnTags } from './view';

/**
 * Amazon Lex V2 (CloudFormation types; collectors emit `DescribeBot`/`DescribeBotAlias` in the same
 * shape, see `lib/sources/account/collectors/lex/`) and the Lex V1 leftovers a live audit finds.
 */

export const BOT = 'AWS::Lex::Bot';
export const BOT_ALIAS = 'AWS::Lex::BotAlias';
export const BOT_VERSION = 'AWS::Lex::BotVersion';
export const RESOURCE_POLICY = 'AWS::Lex::ResourcePolicy';
/** Resources that carry alias settings: aliases, and bots (their built-in test alias `TSTALIASID`, under `TestBotAliasSettings`). */
export const ALIAS_HOLDERS = [BOT_ALIAS, BOT];
/** The id of every bot's built-in test alias. */
export const TEST_ALIAS_ID = 'TSTALIASID';

/** Live only: a Lex V1 bot {Name, Status, Version, LastUpdatedDate}. */
export const LEX_V1_BOT = 'Live::LexV1::Bot';
/** Live only: what `iam:GetRole` says about a Lex V1 service-linked role {RoleName, AWSServiceName, Exists, Arn, Path, RoleLastUsed}. */
export const LEX_V1_SERVICE_ROLE = 'Live::LexV1::ServiceLinkedRole';

/** The Lex V2 service principal (bot roles, resource policies, Lambda permissions). */
export const LEX_V2_PRINCIPAL = 'lexv2.amazonaws.com';
/** Lex V1's principal: retired with V1, but old Lambda permissions and roles may still name it. */
export const LEX_V1_PRINCIPAL = 'lex.amazonaws.com';

/** `Destination.S3Bucket` of an audio log setting. */
export interface S3LogDestination {
  S3BucketArn?: Cfn<string>;
  KmsKeyArn?: Cfn<string>;
  LogPrefix?: Cfn<string>;
}

/** `Destination.CloudWatch` of a text log setting. */
export interface CloudWatchLogDestination {
  CloudWatchLogGroupArn?: Cfn<string>;
  LogPrefix?: Cfn<string>;
}

export interface AudioLogSetting {
  Enabled?: Cfn<boolean>;
  Destination?: Cfn<{ S3Bucket?: Cfn<S3LogDestination> }>;
  /** Live only: `DescribeBotAlias` shows it, CloudFormation has no such field (LEX-DP-11). */
  SelectiveLoggingEnabled?: Cfn<boolean>;
}

export interface TextLogSetting {
  Enabled?: Cfn<boolean>;
  Destination?: Cfn<{ CloudWatch?: Cfn<CloudWatchLogDestination> }>;
  /** Live only, as for audio logs. */
  SelectiveLoggingEnabled?: Cfn<boolean>;
}

export interface ConversationLogSettings {
  AudioLogSettings?: CfnList<AudioLogSetting>;
  TextLogSettings?: CfnList<TextLogSetting>;
}

/** One entry of `BotAliasLocaleSettings`. */
export interface BotAliasLocaleSettingsItem {
  LocaleId?: Cfn<string>;
  BotAliasLocaleSetting?: Cfn<{
    Enabled?: Cfn<boolean>;
    CodeHookSpecification?: Cfn<{ LambdaCodeHook?: Cfn<{ LambdaArn?: Cfn<string>; CodeHookInterfaceVersion?: Cfn<string> }> }>;
  }>;
}

/** What an alias sets; a bot sets the same for its test alias under `TestBotAliasSettings`. */
export interface AliasSettings {
  Description?: Cfn<string>;
  ConversationLogSettings?: Cfn<ConversationLogSettings>;
  BotAliasLocaleSettings?: CfnList<BotAliasLocaleSettingsItem>;
  SentimentAnalysisSettings?: Cfn<{ DetectSentiment?: Cfn<boolean> }>;
}

/** `AWS::Lex::BotAlias`. */
export interface BotAliasProps extends AliasSettings {
  BotId?: Cfn<string>;
  BotAliasName?: Cfn<string>;
  BotVersion?: Cfn<string>;
  BotAliasTags?: CfnTags;
  /** Live only: the alias id (`TSTALIASID` for the test alias, which collectors may list). */
  BotAliasId?: Cfn<string>;
}

/** A Bedrock model a generative-AI feature or an intent calls. */
export interface BedrockModelSpecification {
  ModelArn?: Cfn<string>;
  BedrockGuardrailConfiguration?: Cfn<{ BedrockGuardrailIdentifier?: Cfn<string>; BedrockGuardrailVersion?: Cfn<string> }>;
  BedrockTraceStatus?: Cfn<string>;
}

/** A generative-AI feature of a locale: its switch and its model. */
export interface GenerativeAIFeature {
  Enabled?: Cfn<boolean>;
  BedrockModelSpecification?: Cfn<BedrockModelSpecification>;
}

export interface Slot {
  Name?: Cfn<string>;
  Description?: Cfn<string>;
  SlotTypeName?: Cfn<string>;
  ObfuscationSetting?: Cfn<{ ObfuscationSettingType?: Cfn<string> }>;
}

export interface Intent {
  Name?: Cfn<string>;
  Description?: Cfn<string>;
  Slots?: CfnList<Slot>;
  QnAIntentConfiguration?: Cfn<{ BedrockModelConfiguration?: Cfn<BedrockModelSpecification> }>;
  BedrockAgentIntentConfiguration?: Cfn<{ BedrockAgentIntentKnowledgeBaseConfiguration?: Cfn<{ BedrockModelConfiguration?: Cfn<BedrockModelSpecification> }> }>;
}

export interface SlotType {
  Name?: Cfn<string>;
  ExternalSourceSetting?: Cfn<{ GrammarSlotTypeSetting?: Cfn<{ Source?: Cfn<{ S3BucketName?: Cfn<string>; S3ObjectKey?: Cfn<string>; KmsKeyArn?: Cfn<string> }> }> }>;
}

export interface BotLocale {
  LocaleId?: Cfn<string>;
  Intents?: CfnList<Intent>;
  SlotTypes?: CfnList<SlotType>;
  GenerativeAISettings?: Cfn<{
    BuildtimeSettings?: Cfn<{ DescriptiveBotBuilderSpecification?: Cfn<GenerativeAIFeature>; SampleUtteranceGenerationSpecification?: Cfn<GenerativeAIFeature> }>;
    RuntimeSettings?: Cfn<{ SlotResolutionImprovementSpecification?: Cfn<GenerativeAIFeature> }>;
  }>;
}

/** `AWS::Lex::Bot`. */
export interface BotProps {
  Name?: Cfn<string>;
  Description?: Cfn<string>;
  RoleArn?: Cfn<string>;
  /** `ChildDirected`, spelled so: `CfnBot.dataPrivacy` is passed through verbatim, so a camelCase key may be there too. */
  DataPrivacy?: Cfn<{ ChildDirected?: Cfn<boolean> }>;
  IdleSessionTTLInSeconds?: Cfn<number>;
  BotLocales?: CfnList<BotLocale>;
  BotFileS3Location?: Cfn<{ S3Bucket?: Cfn<string>; S3ObjectKey?: Cfn<string> }>;
  BotTags?: CfnTags;
  TestBotAliasSettings?: Cfn<AliasSettings>;
  TestBotAliasTags?: CfnTags;
  ErrorLogSettings?: Cfn<{ Enabled?: Cfn<boolean> }>;
  Replication?: Cfn<{ ReplicaRegions?: CfnList<string> }>;
}

/** `AWS::Lex::ResourcePolicy`: `Policy` is an object, or a JSON string as the API gives it. */
export interface ResourcePolicyProps {
  ResourceArn?: Cfn<string>;
  Policy?: Cfn<unknown>;
}

/** `Live::LexV1::Bot`. */
export interface LexV1BotProps {
  Name?: string;
  Status?: string;
  Version?: string;
  LastUpdatedDate?: string;
}

/** `Live::LexV1::ServiceLinkedRole`. */
export interface LexV1ServiceRoleProps {
  RoleName?: string;
  AWSServiceName?: string;
  Arn?: string;
  Exists?: Cfn<boolean>;
  Path?: string;
  CreateDate?: string;
  RoleLastUsed?: { LastUsedDate?: string; Region?: string };
}

/**
 * What `AWS::Lex::Bot` accepts (Lex V2 API reference, CreateBot: "between 60 (1 minute) and 86,400
 * (24 hours) seconds"; DataPrivacy.ChildDirected is a boolean).
 */
export const BOT_ALLOWED = {
  IdleSessionTTLInSeconds: { kind: 'integer', min: 60, max: 86_400 },
  ChildDirected: { kind: 'boolean' },
} as const satisfies Record<string, Allowed>;
