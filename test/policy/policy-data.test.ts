import { actionsCovered, invalidAction, takesResourceArns } from '../../lib/policy/actions';
import { KNOWN_MANAGED_POLICIES, awsManagedPolicyDocument } from '../../lib/policy/managed';
import { resourceReach } from '../../lib/policy/resources';
import { Composite, Pseudo } from '../../lib/model/values';

describe('actions, from the IAM data', () => {
  test.each([
    ['polly:SynthesizeSpeech', false],
    ['comprehend:DetectSentiment', false],
    ['s3:PutObject', true],
    ['kms:Decrypt', true],
    ['lex:RecognizeText', true],
    ['transcribe:StartTranscriptionJob', false],
  ])('%s takes resource ARNs: %s', (action, expected) => expect(takesResourceArns(action)).toBe(expected));

  test('invalid actions say why; real ones and unknown services pass', () => {
    expect(invalidAction('polly:SynthesizeSpeech,')).toBe('polly has no action SynthesizeSpeech,');
    expect(invalidAction('s3:Nope*')).toBe('s3:Nope* matches no s3 action');
    expect(invalidAction('SynthesizeSpeech')).toMatch(/not of the form/);
    expect(invalidAction('polly:SynthesizeSpeech')).toBeUndefined();
    expect(invalidAction('s3:DeleteObject*')).toBeUndefined();
    expect(invalidAction('newservice:DoThing')).toBeUndefined();
    expect(invalidAction('*')).toBeUndefined();
  });

  test('a CDK grant wildcard expands to what it allows', () => {
    expect(actionsCovered('s3:DeleteObject*')).toEqual(expect.arrayContaining(['s3:DeleteObject', 's3:DeleteObjectVersion']));
    expect(actionsCovered('*')).toBeUndefined();
  });
});

describe('resource reach, from the ARN formats of the IAM data', () => {
  test.each([
    ['*', ['kms:Decrypt'], 'everything'],
    ['arn:aws:kms:us-east-1:111122223333:key/*', ['kms:Decrypt'], 'every'],
    ['arn:aws:kms:us-east-1:111122223333:key/1234abcd', ['kms:Decrypt'], 'named'],
    ['arn:aws:kms::111122223333:key/*', ['kms:Decrypt'], 'nothing'],
    ['arn:aws:lex:us-east-1:111122223333:bot/*', ['lex:DeleteBot'], 'every'],
    ['arn:aws:s3:::media/*', ['s3:PutObject'], 'named'],
    ['arn:aws:s3:::*/*', ['s3:PutObject'], 'every'],
    ['arn:aws:s3:::*transcribe*', ['s3:GetObject'], 'named'],
    ['arn:aws:logs:us-east-1:111122223333:log-group:lex:*', ['logs:PutLogEvents'], 'named'],
  ])('%s for %s: %s', (arn, actions, kind) => expect(resourceReach(arn, actions).kind).toBe(kind));

  test('a Fn::Sub ARN without a Region matches no key, whatever the account', () => {
    const arn = new Composite(['arn:aws:kms::', new Pseudo('AWS::AccountId'), ':key/*']);
    expect(resourceReach(arn, ['kms:Decrypt'])).toMatchObject({ kind: 'nothing', why: expect.stringContaining('has no Region') });
  });
});

describe('well-known AWS managed policies', () => {
  test.each(KNOWN_MANAGED_POLICIES)('%s: every action pattern names real actions', (name) => {
    const doc = awsManagedPolicyDocument(`arn:aws:iam::aws:policy/${name}`)!;
    for (const s of doc.document.statements) for (const a of [...(s.actions ?? []), ...(s.notActions ?? [])]) expect([a, invalidAction(a)]).toEqual([a, undefined]);
  });

  test('found by ARN in any partition and path; others are not known', () => {
    expect(awsManagedPolicyDocument('arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.name).toBe('AWSLambdaBasicExecutionRole');
    expect(awsManagedPolicyDocument('arn:aws:iam::aws:policy/AmazonPollyReadOnlyAccess')).toBeUndefined();
    expect(awsManagedPolicyDocument('arn:aws:iam::111122223333:policy/AmazonS3FullAccess')).toBeUndefined();
  });
});
