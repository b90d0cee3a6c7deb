import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { iamIdentities } from '../../lib/sources/account/collectors/iam';
import { auditMoto } from '../collectors/moto-live';
import { ACCOUNT, useMoto } from './moto';

// AmazonLexFullAccess must exist in moto to be attached. Loading AWS managed policies costs seconds
// after every reset, so only this file does it, and its one test holds the failing and the passing role.
const moto = useMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });

describe('iam-identities collector against moto: AWS managed policies', () => {
  it('LEX-IAM-5 FAIL for a workload role with AmazonLexFullAccess, PASS for one with a scoped policy (AWS managed policies stay ARNs)', async () => {
    const iam = moto.client(IAMClient);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await iam.send(new CreateRoleCommand({ RoleName: 'Broad', AssumeRolePolicyDocument: trust }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'Broad', PolicyArn: 'arn:aws:iam::aws:policy/AmazonLexFullAccess' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'Scoped', AssumeRolePolicyDocument: trust }));
    const scoped = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lex:RecognizeText', Resource: `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/B/A` }] };
    await iam.send(new PutRolePolicyCommand({ RoleName: 'Scoped', PolicyName: 'run', PolicyDocument: JSON.stringify(scoped) }));

    const run = await auditMoto(moto, [iamIdentities]);
    expect(run.props('AWS::IAM::Role', 'role/Broad').ManagedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonLexFullAccess']);
    expect(run.graph.ofType('AWS::IAM::ManagedPolicy')).toEqual([]);
    expect(run.statuses('LEX-IAM-5')['role/Broad']).toContain('FAIL');
    expect(run.statuses('LEX-IAM-5')['role/Scoped']).toBe('PASS');
  });
});
