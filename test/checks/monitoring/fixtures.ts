import type { Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';
import type { Check } from '../../../lib/engine/check';
import { runPipeline } from '../../../lib/engine/pipeline';
import type { Finding } from '../../../lib/model/finding';
import type { StackInput } from '../../../lib/model/resource';

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

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

export interface LiveResource {
  type: string;
  id: string;
  props: Record<string, unknown>;
  arn?: string;
}

/**
 * Run checks in live mode over resources shaped as the account collectors emit them: one
 * `account/region` scope, literal values, ARNs in provenance.
 */
export function live(checks: Check[], resources: LiveResource[], gaps: Array<{ types: string[]; reason: string }> = []): Finding[] {
  const stacks: StackInput[] = [
    {
      stack: { name: `${ACCOUNT}/${REGION}`, account: ACCOUNT, region: REGION },
      resources: resources.map((r) => ({ type: r.type, logicalId: r.id, properties: r.props, metadata: {}, provenance: { arn: r.arn, api: 'test' } })),
      gaps,
    },
  ];
  return runPipeline([{ stacks }], { checks, mode: 'live' }).findings;
}

/** Statuses by logical id, as `synth(...).statuses` gives them. */
export function statusesOf(findings: Finding[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of findings) {
    const k = f.resource.logicalId ?? f.resource.arn ?? '?';
    out[k] = out[k] ? `${out[k]},${f.status}` : f.status;
  }
  return out;
}

export const LIVE_BOT: LiveResource = {
  type: 'AWS::Lex::Bot',
  id: 'BOTID1',
  props: { Name: 'Support', DataPrivacy: { ChildDirected: false } },
  arn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot/BOTID1`,
};
