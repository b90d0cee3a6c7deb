import { BOT_ALLOWED } from '../../lib/model/types/lex';
import { LOG_GROUP_ALLOWED } from '../../lib/model/types/logs';
import { invalidValue } from '../../lib/model/types/view';
import { Reference, Unknown } from '../../lib/model/values';

/** `invalidValue`: what CloudFormation would refuse, as it takes values (numbers as text, "true"/"false"). */
describe('invalidValue', () => {
  const ttl = BOT_ALLOWED.IdleSessionTTLInSeconds;
  test.each([
    [300, undefined],
    ['300', undefined],
    [60, undefined],
    [86_400, undefined],
    [59, '59 is not an integer from 60 to 86400'],
    [-1, '-1 is not an integer from 60 to 86400'],
    [300.5, '300.5 is not an integer from 60 to 86400'],
    ['', '"" is not an integer from 60 to 86400'],
    ['five minutes', '"five minutes" is not an integer from 60 to 86400'],
    [true, 'true is not an integer from 60 to 86400'],
  ])('TTL %j → %s', (value, expected) => expect(invalidValue(value, ttl)).toBe(expected));

  test('a value that is not literal is not judged here', () => {
    expect(invalidValue(new Unknown('parameter Ttl has no value'), ttl)).toBeUndefined();
    expect(invalidValue(undefined, ttl)).toBeUndefined();
    expect(invalidValue(new Reference({} as never, 'Arn'), LOG_GROUP_ALLOWED.KmsKeyId)).toBeUndefined();
  });

  test('retention is one of the listed day counts', () => {
    expect(invalidValue(731, LOG_GROUP_ALLOWED.RetentionInDays)).toBeUndefined();
    expect(invalidValue('3653', LOG_GROUP_ALLOWED.RetentionInDays)).toBeUndefined();
    expect(invalidValue(0, LOG_GROUP_ALLOWED.RetentionInDays)).toMatch(/^0 is not one of 1, 3, 5/);
  });

  test('a key is a KMS ARN; booleans are true or false', () => {
    expect(invalidValue('arn:aws:kms:us-east-1:111122223333:key/1234', LOG_GROUP_ALLOWED.KmsKeyId)).toBeUndefined();
    expect(invalidValue('', LOG_GROUP_ALLOWED.KmsKeyId)).toBe('"" is not the ARN of a KMS key');
    expect(invalidValue('arn:aws:s3:::bucket', LOG_GROUP_ALLOWED.KmsKeyId)).toBeDefined();
    expect(invalidValue('false', BOT_ALLOWED.ChildDirected)).toBeUndefined();
    expect(invalidValue('maybe', BOT_ALLOWED.ChildDirected)).toBe('"maybe" is not true or false');
  });
});
