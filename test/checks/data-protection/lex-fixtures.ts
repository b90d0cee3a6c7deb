import type { Stack } from 'aws-cdk-lib';
import type { Finding } from '../../../lib/model/finding';
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

/**
 * Statuses of findings keyed by construct id under the stack (`Key`, not `Key961B73FD`), with the
 * finding key when there is one (`Key[Rotation]`); stack-level findings are keyed by the stack name.
 */
export function byConstruct(findings: Finding[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of findings) {
    const id = f.resource.constructPath?.split('/')[1] ?? f.resource.logicalId ?? '?';
    const k = f.findingKey ? `${id}[${f.findingKey}]` : id;
    out[k] = out[k] ? `${out[k]},${f.status}` : f.status;
  }
  return out;
}
