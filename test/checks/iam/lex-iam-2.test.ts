import { CfnParameter, type Stack } from 'aws-cdk-lib';
import check from '../../../checks/iam/lex-iam-2-service-principal-conditions';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, aliasPolicy, liveResource, runLive } from './lex-fixtures';

const CONNECT = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/abc`;
const connect = (arn: string, condition?: unknown) => ({ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: ['lex:RecognizeText', 'lex:StartConversation'], Resource: arn, Condition: condition });

describe('LEX-IAM-2 service principals carry aws:SourceAccount and aws:SourceArn', () => {
  test.each([
    ['FAIL', 'no conditions', () => undefined, ['Statement[0]::Condition::aws:SourceAccount', 'Statement[0]::Condition::aws:SourceArn']],
    ['FAIL', 'only aws:SourceAccount', () => ({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }), ['Statement[0]::Condition::aws:SourceArn']],
    ['FAIL', 'a wildcard source ARN', () => ({ StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': '*' } }), ['Statement[0]::Condition::aws:SourceArn']],
    ['PASS', 'both, spelled as the Lex docs do', () => ({ StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnEquals: { 'AWS:SourceArn': CONNECT } }), [undefined]],
    ['UNKNOWN', 'a source account from a parameter', (stack: Stack) => ({ StringEquals: { 'aws:SourceAccount': new CfnParameter(stack, 'Account').valueAsString }, ArnEquals: { 'aws:SourceArn': CONNECT } }), ['Statement[0]::Condition']],
  ])('%s: %s', (expected, _what, condition, keys) => {
    const out = synthStack((stack) => aliasPolicy(stack, (arn) => [connect(arn, condition(stack))]), { checks: [check] });
    expect(out.of('LEX-IAM-2').map((f) => f.status)).toEqual(keys.map(() => expected));
    expect(out.of('LEX-IAM-2').map((f) => f.findingKey)).toEqual(keys);
  });

  test('a policy for IAM principals only is not applicable', () => {
    const out = synthStack((stack) => aliasPolicy(stack, (arn) => [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'lex:RecognizeText', Resource: arn }]), { checks: [check] });
    expect(out.statuses('LEX-IAM-2')).toEqual({ Policy: 'NOT_APPLICABLE' });
  });

  test('live: a JSON-string policy read from the account', () => {
    const arn = `arn:aws:lex:us-east-1:${ACCOUNT}:bot/BOTID`;
    const statuses = runLive(check, [liveResource('AWS::Lex::ResourcePolicy', 'bot/BOTID/policy', arn, { ResourceArn: arn, Policy: JSON.stringify({ Statement: [connect(arn)] }) })]);
    expect(statuses).toEqual({ 'bot/BOTID/policy': 'FAIL,FAIL' });
  });
});
