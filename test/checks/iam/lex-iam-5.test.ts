import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import check from '../../../checks/iam/lex-iam-5-full-access';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, byPath, liveResource, runLive } from './lex-fixtures';

const role = (stack: Stack, id: string) => new iam.Role(stack, id, { assumedBy: new iam.AccountRootPrincipal() });
const statuses = (build: (stack: Stack) => void, adminRolePatterns?: string[]) =>
  byPath(synthStack(build, { checks: [check], config: adminRolePatterns ? { checks: { 'LEX-IAM-5': { options: { adminRolePatterns } } } } : undefined }), 'LEX-IAM-5');

describe('LEX-IAM-5 AmazonLexFullAccess and lex:* on "*" only for admins', () => {
  test.each([
    ['FAIL', 'AmazonLexFullAccess on an app role', (stack: Stack) => role(stack, 'App').addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexFullAccess')), { App: 'FAIL' }],
    ['FAIL', 'lex:* on "*" in an attached policy', (stack: Stack) => role(stack, 'App').addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: ['*'] })), { App: 'NOT_APPLICABLE', 'App/DefaultPolicy': 'FAIL' }],
    ['FAIL', 'lex:* on "*" in a managed policy attached to a user', (stack: Stack) => new iam.ManagedPolicy(stack, 'Managed', { statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })], users: [new iam.User(stack, 'Dev')] }), { Managed: 'FAIL', Dev: 'NOT_APPLICABLE' }],
    ['PASS', 'AmazonLexRunBotsOnly and scoped lex actions', (stack: Stack) => {
      const r = role(stack, 'App');
      r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexRunBotsOnly'));
      r.addToPolicy(new iam.PolicyStatement({ actions: ['lex:RecognizeText'], resources: ['*'] }));
    }, { App: 'PASS', 'App/DefaultPolicy': 'PASS' }],
    ['UNKNOWN', 'a policy attached to a role named by a parameter', (stack: Stack) => new iam.CfnPolicy(stack, 'Loose', { policyName: 'p', roles: [new CfnParameter(stack, 'RoleName').valueAsString], policyDocument: { Statement: [{ Effect: 'Allow', Action: 'lex:*', Resource: '*' }] } }), { Loose: 'UNKNOWN' }],
  ])('%s: %s', (_expected, _what, build, expected) => {
    expect(statuses(build)).toMatchObject(expected);
  });

  test('admin roles named in adminRolePatterns may hold it', () => {
    const build = (stack: Stack) => {
      const admin = role(stack, 'LexAdmin');
      admin.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonLexFullAccess'));
      admin.addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: ['*'] }));
    };
    expect(statuses(build)).toMatchObject({ LexAdmin: 'FAIL', 'LexAdmin/DefaultPolicy': 'FAIL' });
    expect(statuses(build, ['*LexAdmin*'])).toMatchObject({ LexAdmin: 'PASS', 'LexAdmin/DefaultPolicy': 'PASS' });
  });

  test('live: AmazonLexFullAccess as a literal ARN (any partition) on a role read from the account', () => {
    const out = runLive(check, [
      liveResource('AWS::IAM::Role', 'role/App', `arn:aws:iam::${ACCOUNT}:role/App`, { RoleName: 'App', ManagedPolicyArns: ['arn:aws-us-gov:iam::aws:policy/AmazonLexFullAccess'] }),
      liveResource('AWS::IAM::Role', 'role/Admin', `arn:aws:iam::${ACCOUNT}:role/Admin`, { RoleName: 'Admin', ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonLexReadOnly'] }),
    ]);
    expect(out).toEqual({ 'role/App': 'FAIL', 'role/Admin': 'PASS' });
  });
});
