import type { Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';

/** Small Lex apps shared by the tables of the monitoring, resilience, infrastructure and vulnerability checks. */

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** A minimal Lex bot (L1), with extra properties merged in. */
export function addBot(stack: Stack, id = 'Bot', extra: Partial<lex.CfnBotProps> = {}): lex.CfnBot {
  return new lex.CfnBot(stack, id, {
    name: id,
    roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X',
    dataPrivacy: { ChildDirected: false },
    idleSessionTtlInSeconds: 300,
    ...extra,
  });
}

/** An alias of `bot`, with extra properties merged in. */
export function addAlias(stack: Stack, bot: lex.CfnBot, id = 'Alias', extra: Partial<lex.CfnBotAliasProps> = {}): lex.CfnBotAlias {
  return new lex.CfnBotAlias(stack, id, { botId: bot.attrId, botAliasName: id.toLowerCase(), ...extra });
}
