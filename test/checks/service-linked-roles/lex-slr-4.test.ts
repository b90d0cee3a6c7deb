import { type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/service-linked-roles/lex-slr-4-create-delete-scope';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, byPath, liveResource, runLive } from '../iam/lex-fixtures';

const LEX_ONLY = { StringEquals: { 'iam:AWSServiceName': 'lexv2.amazonaws.com' } };
const run = (statement: iam.PolicyStatement) =>
  synthStack((stack: Stack) => new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(statement), { checks: [check] });

describe('LEX-SLR-4 SLR create/delete scoped with iam:AWSServiceName', () => {
  test.each([
    ['FAIL', 'create and delete on "*"', new iam.PolicyStatement({ actions: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole'], resources: ['*'] }), ['Action::iam:CreateServiceLinkedRole', 'Action::iam:DeleteServiceLinkedRole']],
    ['FAIL', 'iam:* on "*"', new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] }), ['Action::iam:*']],
    ['PASS', 'with iam:AWSServiceName', new iam.PolicyStatement({ actions: ['iam:CreateServiceLinkedRole'], resources: ['*'], conditions: LEX_ONLY }), [undefined]],
    ['PASS', 'on the Lex role path', new iam.PolicyStatement({ actions: ['iam:DeleteServiceLinkedRole'], resources: ['arn:aws:iam::*:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots*'] }), [undefined]],
    ['NOT_APPLICABLE', 'no SLR action', new iam.PolicyStatement({ actions: ['lex:RecognizeText'], resources: ['*'] }), [undefined]],
  ])('%s: %s', (expected, _what, statement, keys) => {
    const out = run(statement);
    expect(byPath(out, 'LEX-SLR-4')['Deployer/DefaultPolicy']).toBe(keys.map(() => expected).join(','));
    expect(out.of('LEX-SLR-4').filter((f) => f.resource.constructPath?.includes('DefaultPolicy')).map((f) => f.findingKey)).toEqual(keys);
  });

  test('live: a customer managed policy read from the account', () => {
    const out = runLive(check, [
      liveResource('AWS::IAM::ManagedPolicy', 'policy/slr', `arn:aws:iam::${ACCOUNT}:policy/slr`, {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }] },
      }),
      liveResource('AWS::IAM::ManagedPolicy', 'policy/aws', 'arn:aws:iam::aws:policy/AmazonLexFullAccess', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }] },
      }),
    ]);
    expect(out).toEqual({ 'policy/slr': 'FAIL', 'policy/aws': 'NOT_APPLICABLE' });
  });
});
