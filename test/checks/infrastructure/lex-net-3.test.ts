import * as iam from 'aws-cdk-lib/aws-iam';
import { synthStack } from '../../helpers/synth';

/** The cases of LEX-NET-3 are its tester table (lex-net-3-network-conditions.cases.ts); this one has no finding on an IAM resource. */
describe('LEX-NET-3 runtime permissions pinned to a network origin', () => {
  test('build-time actions and admin wildcards are not judged', () => {
    const out = synthStack((stack) => {
      new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['lex:UpdateBot'], resources: ['*'] }));
      new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal(), inlinePolicies: { all: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })] }) } });
    });
    expect(out.of('LEX-NET-3').filter((f) => f.resource.type.startsWith('AWS::IAM::'))).toEqual([]);
  });
});
