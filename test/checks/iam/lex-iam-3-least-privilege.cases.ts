import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';
import { aliasArn, botArn, lexAlias, lexBot, lexPolicy } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { ACCOUNT, aliasPolicy, bot } from './lex-fixtures';

const CALLER = `arn:aws:iam::${ACCOUNT}:role/Caller`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/LexAdmin`;
const grant = (action: unknown, resource: string, principal = CALLER) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: resource });
const onAlias = (name: string, action: (s: Stack) => unknown, statuses: Record<string, string>, principal?: string, options?: Record<string, unknown>): CdkCase => ({
  name,
  cdk: (stack) => void aliasPolicy(stack, (arn) => [grant(action(stack), arn, principal)]),
  statuses,
  options,
});
/** A bot policy granting `action` on the bot's alias Prod (or on the bot itself with `onBot`). */
const motoGrant = (action: unknown, onBot = false) => async (aws: Seed) => {
  const botId = await lexBot(aws);
  const target = onBot ? botArn(botId) : aliasArn(botId, await lexAlias(aws, botId));
  await lexPolicy(aws, botArn(botId), [grant(action, target)]);
};
const TEST_ALIAS = `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/TSTALIASID`;

export default {
  synth: {
    PASS: [
      onAlias('runtime actions on the alias', () => ['lex:RecognizeText', 'lex:RecognizeUtterance', 'lex:*Session', 'lex:StartConversation'], { Policy: 'PASS' }),
      onAlias('admin actions for a principal matched by adminPrincipalPatterns', () => ['lex:UpdateBotAlias', 'lex:DeleteBotAlias'], { Policy: 'PASS' }, ADMIN, { adminPrincipalPatterns: ['arn:aws:iam::*:role/LexAdmin'] }),
    ],
    FAIL: [
      onAlias('lex:* is every action', () => 'lex:*', { 'Policy[Action::lex:*]': 'FAIL' }),
      onAlias('"*" is every action', () => '*', { 'Policy[Action::*]': 'FAIL' }),
      onAlias('admin verbs to a caller (wildcards expanded from the real action list)', () => ['lex:RecognizeText', 'lex:Update*'], { 'Policy[Action::lex:Update*]': 'FAIL' }),
      onAlias('resource-policy editing to a caller', () => 'lex:*ResourcePolicy', { 'Policy[Action::lex:*ResourcePolicy]': 'FAIL' }),
      onAlias('admin actions without adminPrincipalPatterns', () => ['lex:UpdateBotAlias', 'lex:DeleteBotAlias'], { 'Policy[Action::lex:UpdateBotAlias]': 'FAIL', 'Policy[Action::lex:DeleteBotAlias]': 'FAIL' }, ADMIN),
      {
        name: 'runtime actions on a bot ARN are misplaced',
        cdk: (stack) => {
          const b = bot(stack);
          new lex.CfnResourcePolicy(stack, 'Policy', { resourceArn: b.attrArn, policy: { Statement: [grant('lex:RecognizeText', b.attrArn)] } });
        },
        statuses: { 'Policy[Resource::<Bot.Arn>]': 'FAIL' },
      },
    ],
    UNKNOWN: [onAlias('actions from a parameter', (s) => new CfnParameter(s, 'Action').valueAsString, { 'Policy[Statement[0]::Action]': 'UNKNOWN' })],
  },
  live: {
    PASS: [
      { name: 'runtime actions on an alias ARN', moto: motoGrant(['lex:RecognizeText', 'lex:StartConversation']), statuses: { 'bot/Support/policy': 'PASS' } },
      {
        name: 'runtime actions on the built-in test alias are on an alias, not on its bot',
        emulated: 'moto has no built-in TSTALIASID alias',
        stacks: [
          scope([
            liveResource('AWS::Lex::Bot', 'BOTID', { Name: 'Support' }, `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`),
            liveResource('AWS::Lex::ResourcePolicy', 'TSTALIASID/policy', { ResourceArn: TEST_ALIAS, Policy: JSON.stringify({ Statement: [grant('lex:RecognizeText', TEST_ALIAS)] }) }, TEST_ALIAS),
          ]),
        ],
        statuses: { 'TSTALIASID/policy': 'PASS' },
      },
    ],
    FAIL: [
      { name: 'lex:* on the bot', moto: motoGrant('lex:*', true), resource: 'bot/Support/policy', findingKey: 'Action::lex:*' },
      { name: 'a runtime action and DeleteBot on the bot ARN (literal ARNs, JSON-string policy)', moto: motoGrant(['lex:RecognizeText', 'lex:DeleteBot'], true), then: (f) => expect(f.map((x) => x.status)).toEqual(['FAIL', 'FAIL']) },
    ],
    UNKNOWN: [{ name: 'lex:DescribeResourcePolicy denied', moto: motoGrant('lex:*', true), deny: ['lex:DescribeResourcePolicy'], resource: 'bot/Support/policy' }],
  },
} satisfies CheckTable;
