import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lex from 'aws-cdk-lib/aws-lex';
import * as s3 from 'aws-cdk-lib/aws-s3';
import lexDp14 from '../../../checks/data-protection/lex-dp-14-s3-artifacts-kms';
import { synthStack } from '../../helpers/synth';
import { byConstruct, newBot } from './lex-fixtures';

const grammarLocale = (kmsKeyArn?: string): lex.CfnBot.BotLocaleProperty => ({
  localeId: 'en_US',
  nluConfidenceThreshold: 0.4,
  slotTypes: [{ name: 'Account', externalSourceSetting: { grammarSlotTypeSetting: { source: { s3BucketName: 'grammars', s3ObjectKey: 'account.grxml', kmsKeyArn } } } }],
});
const fileIn = (bucket: s3.IBucket): lex.CfnBot.S3LocationProperty => ({ s3Bucket: bucket.bucketName, s3ObjectKey: 'bot.zip' });

describe('LEX-DP-14 S3 artifacts are KMS-protected', () => {
  test.each([
    ['FAIL', 'a grammar file without a key', () => ({ botLocales: [grammarLocale()] }), { 'Bot[Grammar::en_US/Account]': 'FAIL' }],
    ['PASS', 'a grammar file with a key', (s: Stack) => ({ botLocales: [grammarLocale(new kms.Key(s, 'Key').keyArn)] }), { 'Bot[Grammar::en_US/Account]': 'PASS' }],
    [
      'UNKNOWN',
      'a grammar key from a parameter',
      (s: Stack) => ({ botLocales: [grammarLocale(new CfnParameter(s, 'GrammarKey').valueAsString)] }),
      { 'Bot[Grammar::en_US/Account]': 'UNKNOWN' },
    ],
    ['FAIL', 'an import file in an SSE-S3 bucket', (s: Stack) => ({ botFileS3Location: fileIn(new s3.Bucket(s, 'Files')) }), { 'Bot[BotFile]': 'FAIL' }],
    [
      'PASS',
      'an import file in a KMS bucket',
      (s: Stack) => ({ botFileS3Location: fileIn(new s3.Bucket(s, 'Files', { encryption: s3.BucketEncryption.KMS_MANAGED })) }),
      { 'Bot[BotFile]': 'PASS' },
    ],
    [
      'UNKNOWN',
      'an import file in a bucket outside the app',
      (s: Stack) => ({ botFileS3Location: fileIn(s3.Bucket.fromBucketName(s, 'Shared', 'shared-bot-files')) }),
      { 'Bot[BotFile]': 'UNKNOWN' },
    ],
  ])('%s: %s', (_s, _what, props, expected) => {
    expect(byConstruct(synthStack((stack) => newBot(stack, props(stack)), { checks: [lexDp14] }).of('LEX-DP-14'))).toEqual(expected);
  });

  test('a bot without S3 artifacts is not applicable', () => {
    expect(synthStack((stack) => newBot(stack), { checks: [lexDp14] }).statuses('LEX-DP-14')).toEqual({ Bot: 'NOT_APPLICABLE' });
  });
});
