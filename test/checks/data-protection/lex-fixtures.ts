import type { Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';

export const SLR = 'arn:aws:iam::123456789012:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X';

/** A minimal valid bot (L1), with overrides in CDK's camelCase props. */
export function newBot(stack: Stack, props: Partial<lex.CfnBotProps> = {}, id = 'Bot'): lex.CfnBot {
  return new lex.CfnBot(stack, id, {
    name: 'Support',
    roleArn: SLR,
    dataPrivacy: { ChildDirected: false },
    idleSessionTtlInSeconds: 300,
    ...props,
  });
}

/** An alias of `bot` named prod. */
export function newAlias(stack: Stack, bot: lex.CfnBot, props: Partial<lex.CfnBotAliasProps> = {}, id = 'Alias'): lex.CfnBotAlias {
  return new lex.CfnBotAlias(stack, id, { botId: bot.attrId, botAliasName: 'prod', ...props });
}
