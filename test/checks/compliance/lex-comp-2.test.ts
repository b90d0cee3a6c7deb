import * as config from 'aws-cdk-lib/aws-config';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type { Stack } from 'aws-cdk-lib';
import { synthStack } from '../../helpers/synth';

/** The cases of LEX-COMP-2 are its tester table (lex-comp-2-security-hub-config.cases.ts); this one has no finding at all. */
describe('LEX-COMP-2 Security Hub and Config rules in bot Regions', () => {
  test('nothing to report without a bot', () => {
    const baseline = (stack: Stack) => {
      new securityhub.CfnHub(stack, 'Hub', {});
      new securityhub.CfnStandard(stack, 'Fsbp', { standardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' });
      new config.CfnConfigRule(stack, 'Rule', { source: { owner: 'AWS', sourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY' } });
    };
    expect(synthStack(baseline).of('LEX-COMP-2')).toEqual([]);
  });
});
