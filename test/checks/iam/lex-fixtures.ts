import type { Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';

/** Small Lex apps shared by the IAM and service-linked-role tests. */

export const ACCOUNT = '123456789012';
export const SLR_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_Support`;

export function bot(stack: Stack, props: Partial<lex.CfnBotProps> = {}, id = 'Bot'): lex.CfnBot {
  return new lex.CfnBot(stack, id, { name: id, roleArn: SLR_ARN, dataPrivacy: { ChildDirected: false }, idleSessionTtlInSeconds: 300, ...props });
}

export function botWithAlias(stack: Stack, aliasProps: Partial<lex.CfnBotAliasProps> = {}): { bot: lex.CfnBot; alias: lex.CfnBotAlias } {
  const b = bot(stack);
  return { bot: b, alias: new lex.CfnBotAlias(stack, 'Alias', { botId: b.attrId, botAliasName: 'prod', ...aliasProps }) };
}

/** A resource policy on the alias of a fresh bot. */
export function aliasPolicy(stack: Stack, statement: (aliasArn: string) => unknown[] | string): lex.CfnResourcePolicy {
  const { alias } = botWithAlias(stack);
  return new lex.CfnResourcePolicy(stack, 'Policy', { resourceArn: alias.attrArn, policy: policyOf(statement(alias.attrArn)) });
}

function policyOf(statements: unknown[] | string): unknown {
  return typeof statements === 'string' ? statements : { Version: '2012-10-17', Statement: statements };
}
