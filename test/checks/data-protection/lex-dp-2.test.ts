import { CfnParameter } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Stack } from 'aws-cdk-lib';
import { synthStack } from '../../helpers/synth';

function botWithAlias(stack: Stack, audio: (bucket: s3.Bucket) => Record<string, unknown>) {
  const bucket = new s3.Bucket(stack, 'Logs');
  const bot = new lex.CfnBot(stack, 'Bot', {
    name: 'Support',
    roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_X',
    dataPrivacy: { ChildDirected: false },
    idleSessionTtlInSeconds: 300,
  });
  new lex.CfnBotAlias(stack, 'Alias', {
    botId: bot.attrId,
    botAliasName: 'prod',
    conversationLogSettings: { audioLogSettings: [audio(bucket) as never] },
  });
}

describe('LEX-DP-2 audio logs encrypted with a customer-managed key', () => {
  test.each([
    ['FAIL', 'enabled audio logs without a key', () => ({})],
    ['PASS', 'a KMS key of the app', (stack: Stack) => ({ kmsKeyArn: new kms.Key(stack, 'Key').keyArn })],
    ['UNKNOWN', 'a key from a parameter without default', (stack: Stack) => ({ kmsKeyArn: new CfnParameter(stack, 'KeyArn').valueAsString })],
  ])('%s: %s', (expected, _what, key) => {
    const out = synthStack((stack) =>
      botWithAlias(stack, (bucket) => ({ enabled: true, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'audio/', ...key(stack) } } })),
    );
    expect(out.statuses('LEX-DP-2')).toMatchObject({ Alias: expected });
  });

  test('disabled audio logs are not applicable', () => {
    const out = synthStack((stack) => botWithAlias(stack, (bucket) => ({ enabled: false, destination: { s3Bucket: { s3BucketArn: bucket.bucketArn, logPrefix: 'a/' } } })));
    expect(out.statuses('LEX-DP-2')).toMatchObject({ Alias: 'NOT_APPLICABLE' });
  });
});
