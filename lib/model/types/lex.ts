/** Amazon Lex V2 (CloudFormation types, and what collectors add live) and the Lex V1 leftovers a live audit finds. */

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
