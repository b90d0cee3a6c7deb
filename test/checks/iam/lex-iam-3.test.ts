import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as lex from 'aws-cdk-lib/aws-lex';
import check from '../../../checks/iam/lex-iam-3-least-privilege';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, aliasPolicy, bot, liveResource, runLive } from './lex-fixtures';

const CALLER = `arn:aws:iam::${ACCOUNT}:role/Caller`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/LexAdmin`;
const grant = (action: unknown, resource: string, principal = CALLER) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: resource });
const keys = (out: ReturnType<typeof synthStack>) => out.of('LEX-IAM-3').map((f) => `${f.status} ${f.findingKey ?? ''}`.trim());

describe('LEX-IAM-3 least-privilege resource policies', () => {
  test.each([
    ['lex:* is every action', () => 'lex:*', ['FAIL Action::lex:*']],
    ['"*" is every action', () => '*', ['FAIL Action::*']],
    ['admin verbs to a caller (wildcards expanded from the real action list)', () => ['lex:RecognizeText', 'lex:Update*'], ['FAIL Action::lex:Update*']],
    ['resource-policy editing to a caller', () => 'lex:*ResourcePolicy', ['FAIL Action::lex:*ResourcePolicy']],
    ['runtime actions on the alias', () => ['lex:RecognizeText', 'lex:RecognizeUtterance', 'lex:*Session', 'lex:StartConversation'], ['PASS']],
    ['actions from a parameter', (stack: Stack) => new CfnParameter(stack, 'Action').valueAsString, ['UNKNOWN Statement[0]::Action']],
  ])('%s', (_what, action, expected) => {
    const out = synthStack((stack) => aliasPolicy(stack, (arn) => [grant(action(stack), arn)]), { checks: [check] });
    expect(keys(out)).toEqual(expected);
  });

  test('admin actions are fine for principals matched by adminPrincipalPatterns', () => {
    const build = (stack: Stack) => aliasPolicy(stack, (arn) => [grant(['lex:UpdateBotAlias', 'lex:DeleteBotAlias'], arn, ADMIN)]);
    expect(keys(synthStack(build, { checks: [check] }))).toEqual(['FAIL Action::lex:UpdateBotAlias', 'FAIL Action::lex:DeleteBotAlias']);
    expect(keys(synthStack(build, { checks: [check], config: { checks: { 'LEX-IAM-3': { options: { adminPrincipalPatterns: ['arn:aws:iam::*:role/LexAdmin'] } } } } }))).toEqual(['PASS']);
  });

  test('runtime actions on a bot ARN are misplaced', () => {
    const out = synthStack(
      (stack) => {
        const b = bot(stack);
        new lex.CfnResourcePolicy(stack, 'Policy', { resourceArn: b.attrArn, policy: { Statement: [grant('lex:RecognizeText', b.attrArn)] } });
      },
      { checks: [check] },
    );
    expect(keys(out)).toEqual(['FAIL Resource::<Bot.Arn>']);
  });

  test('live: literal ARNs and a JSON-string policy', () => {
    const botArn = `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`;
    const statuses = runLive(check, [
      liveResource('AWS::Lex::Bot', 'BOTID', botArn, { Name: 'Support' }),
      liveResource('AWS::Lex::ResourcePolicy', 'BOTID/policy', botArn, { ResourceArn: botArn, Policy: JSON.stringify({ Statement: [grant(['lex:RecognizeText', 'lex:DeleteBot'], botArn)] }) }),
    ]);
    expect(statuses).toEqual({ 'BOTID/policy': 'FAIL,FAIL' });
  });

  test('live: runtime actions on the built-in test alias are on an alias, not on its bot', () => {
    const testAlias = `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/TSTALIASID`;
    const statuses = runLive(check, [
      liveResource('AWS::Lex::Bot', 'BOTID', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`, { Name: 'Support' }),
      liveResource('AWS::Lex::ResourcePolicy', 'TSTALIASID/policy', testAlias, { ResourceArn: testAlias, Policy: JSON.stringify({ Statement: [grant('lex:RecognizeText', testAlias)] }) }),
    ]);
    expect(statuses).toEqual({ 'TSTALIASID/policy': 'PASS' });
  });
});
