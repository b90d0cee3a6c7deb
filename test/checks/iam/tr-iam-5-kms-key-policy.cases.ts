import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { transcribeJobs } from '../../../lib/sources/account/collectors/transcribe/jobs';
import { bucket, kmsKey, putTranscript, transcriptionJob } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';
import { ACCOUNT } from './lex-fixtures';

const keyed = (name: string, policy: iam.PolicyDocument | undefined, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    const key = new kms.Key(stack, 'Key', { policy });
    jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: key.keyArn });
  },
  statuses,
});
const statement = (props: Partial<iam.PolicyStatementProps>) =>
  new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'], principals: [new iam.AnyPrincipal()], ...props })] });
const ROOT = { Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
/** A job whose transcript object is encrypted with a key whose policy is `policy` (moto's default without). */
const motoKey = (policy?: unknown[]) => async (aws: Seed) => {
  const key = await kmsKey(aws, { policy });
  await bucket(aws, 'transcripts');
  await putTranscript(aws, 'transcripts', 'calls-1.json', { kmsKey: key });
  await transcriptionJob(aws, 'calls-1', { bucket: 'transcripts', kmsKey: key });
};
const collectors = [transcribeJobs];

export default {
  synth: {
    PASS: [keyed('gated on the encryption context', statement({ conditions: { StringEquals: { 'kms:EncryptionContext:team': 'a' } } }), { 'Key[KeyPolicy]': 'PASS' })],
    FAIL: [
      { ...keyed('the default key policy: nothing gated on the context (advisory)', undefined, { 'Key[Condition::kms:EncryptionContext]': 'FAIL' }), severity: 'INFO' },
      { ...keyed('everyone, no condition: HIGH', statement({}), { 'Key[Statement[0]::Principal::*]': 'FAIL', 'Key[Condition::kms:EncryptionContext]': 'FAIL' }), findingKey: 'Statement[0]::Principal::*', severity: 'HIGH' },
    ],
    UNKNOWN: [{ name: 'a key from a parameter', cdk: (stack) => void jobStateMachine(stack, { OutputEncryptionKMSKeyId: new CfnParameter(stack, 'K').valueAsString }), statuses: { 'Flow[KeyPolicy]': 'UNKNOWN' } }],
  },
  live: {
    PASS: [
      {
        name: 'the output key’s policy gates use on the encryption context (GetKeyPolicy)',
        moto: motoKey([ROOT, { Sid: 'jobs', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Jobs` }, Action: 'kms:GenerateDataKey', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:team': 'claims' } } }]),
        collectors,
        findingKey: 'KeyPolicy',
      },
    ],
    FAIL: [{ name: 'the output key keeps the default key policy', moto: motoKey(), collectors, findingKey: 'Condition::kms:EncryptionContext', severity: 'INFO' }],
    UNKNOWN: [{ name: 'kms:GetKeyPolicy denied', moto: motoKey(), collectors, deny: ['kms:GetKeyPolicy'], findingKey: 'KeyPolicy', reason: /was denied/ }],
  },
} satisfies CheckTable;
