import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { synthStack } from '../../helpers/synth';

/** The cases of LEX-MON-1 are its tester table (lex-mon-1-cloudtrail.cases.ts); this one has no finding at all. */
describe('LEX-MON-1 CloudTrail trail records Lex management events', () => {
  test('apps without Lex resources are not judged', () => {
    const out = synthStack((stack) => new cloudtrail.Trail(stack, 'Trail'));
    expect(out.of('LEX-MON-1')).toEqual([]);
  });
});
