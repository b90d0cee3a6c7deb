import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfnParameter, Stage, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lex from 'aws-cdk-lib/aws-lex';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { mockedLexBot } from '../../tester/lex-mock';
import { lexBot } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { newBot } from './lex-fixtures';

const grammarLocale = (kmsKeyArn?: string): lex.CfnBot.BotLocaleProperty => ({
  localeId: 'en_US',
  nluConfidenceThreshold: 0.4,
  slotTypes: [{ name: 'Account', externalSourceSetting: { grammarSlotTypeSetting: { source: { s3BucketName: 'grammars', s3ObjectKey: 'account.grxml', kmsKeyArn } } } }],
});
/**
 * The bot's import file, `bot.zip` in `bucket`, with its definition beside the template (an unpacked
 * Lex V2 export in the assembly folder), as a project keeps it: both synth and the scan read it.
 */
const fileIn = (bucket: s3.IBucket): lex.CfnBot.S3LocationProperty => {
  const locale = join(Stage.of(bucket.stack)!.outdir, 'bot.zip', 'Support', 'BotLocales', 'en_US');
  mkdirSync(locale, { recursive: true });
  writeFileSync(join(locale, 'BotLocale.json'), JSON.stringify({ identifier: 'en_US', nluConfidenceThreshold: 0.4 }));
  return { s3Bucket: bucket.bucketName, s3ObjectKey: 'bot.zip' };
};
const bot = (name: string, props: (s: Stack) => Partial<lex.CfnBotProps>, statuses: Record<string, string>): CdkCase => ({ name, cdk: (s) => void newBot(s, props(s)), statuses });
const NO_LOCALES = 'moto 5.2 has no ListBotLocales (HTTP 500): slot types are never listed';
const grammar = (kmsKeyArn?: string) => ({ slotTypeName: 'Account', externalSourceSetting: { grammarSlotTypeSetting: { source: { s3BucketName: 'grammars', s3ObjectKey: 'account.grxml', kmsKeyArn } } } });

export default {
  synth: {
    PASS: [
      bot('a grammar file with a key', (s) => ({ botLocales: [grammarLocale(new kms.Key(s, 'Key').keyArn)] }), { 'Bot[Grammar::en_US/Account]': 'PASS' }),
      bot('an import file in a KMS bucket', (s) => ({ botFileS3Location: fileIn(new s3.Bucket(s, 'Files', { encryption: s3.BucketEncryption.KMS_MANAGED })) }), { 'Bot[BotFile]': 'PASS' }),
    ],
    FAIL: [
      bot('a grammar file without a key', () => ({ botLocales: [grammarLocale()] }), { 'Bot[Grammar::en_US/Account]': 'FAIL' }),
      bot('an import file in an SSE-S3 bucket', (s) => ({ botFileS3Location: fileIn(new s3.Bucket(s, 'Files')) }), { 'Bot[BotFile]': 'FAIL' }),
    ],
    UNKNOWN: [
      bot('a grammar key from a parameter', (s) => ({ botLocales: [grammarLocale(new CfnParameter(s, 'GrammarKey').valueAsString)] }), { 'Bot[Grammar::en_US/Account]': 'UNKNOWN' }),
      bot('an import file in a bucket outside the app', (s) => ({ botFileS3Location: fileIn(s3.Bucket.fromBucketName(s, 'Shared', 'shared-bot-files')) }), { 'Bot[BotFile]': 'UNKNOWN' }),
    ],
    NOT_APPLICABLE: [bot('a bot without S3 artifacts', () => ({}), { Bot: 'NOT_APPLICABLE' })],
  },
  live: {
    PASS: [
      mockedLexBot('a grammar slot type read with a KMS key (DescribeSlotType)', NO_LOCALES, { grammars: [grammar('arn:aws:kms:us-east-1:123456789012:key/k')] }, {
        statuses: { 'bot/Support[Grammar::en_US/Account]': 'PASS' },
      }),
    ],
    FAIL: [mockedLexBot('a grammar slot type read without a key', NO_LOCALES, { grammars: [grammar()] }, { statuses: { 'bot/Support[Grammar::en_US/Account]': 'FAIL' } })],
    UNKNOWN: [{ name: 'the bot’s locales cannot be listed (moto has no ListBotLocales)', moto: async (aws) => void (await lexBot(aws)), statuses: { 'bot/Support': 'UNKNOWN' }, reason: /lex:ListBotLocales/ }],
  },
} satisfies CheckTable;
