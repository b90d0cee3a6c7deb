import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { transcribeJobs } from '../../../lib/sources/account/collectors/transcribe/jobs';
import { bucket, kmsKey, putTranscript, transcriptionJob } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const keyed = (name: string, key: (stack: Stack) => string, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => void jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: key(stack) }),
  statuses,
});
const facts = (rotation: string) => ({ 'Key[KeySpec]': 'PASS', 'Key[KeyManager]': 'PASS', 'Key[Enabled]': 'PASS', 'Key[Rotation]': rotation });

/** A job whose transcript object is encrypted with a key made with `rotation`. */
const motoKey = (rotation: boolean) => async (aws: Seed) => {
  const key = await kmsKey(aws, { rotation });
  await bucket(aws, 'transcripts');
  await putTranscript(aws, 'transcripts', 'calls-1.json', { kmsKey: key });
  await transcriptionJob(aws, 'calls-1', { bucket: 'transcripts', kmsKey: key });
};
const collectors = [transcribeJobs];

export default {
  synth: {
    PASS: [
      keyed('a rotated symmetric key', (s) => new kms.Key(s, 'Key', { enableKeyRotation: true }).keyArn, facts('PASS')),
      keyed('a key of another account by full ARN', () => 'arn:aws:kms:us-east-1:999999999999:key/abcd', { 'Flow[Key::arn:aws:kms:us-east-1:999999999999:key/abcd]': 'PASS' }),
    ],
    FAIL: [
      keyed('an unrotated key', (s) => new kms.Key(s, 'Key').keyArn, facts('FAIL')),
      keyed('the AWS-managed key', () => 'alias/aws/s3', { 'Flow[Key::alias/aws/s3]': 'FAIL' }),
    ],
    UNKNOWN: [
      keyed('a key id outside the app', () => '1234abcd-12ab-34cd-56ef-1234567890ab', { 'Flow[Key::1234abcd-12ab-34cd-56ef-1234567890ab]': 'UNKNOWN' }),
      keyed('a key from a parameter', (s) => new CfnParameter(s, 'K').valueAsString, { 'Flow[Key::OutputEncryptionKMSKeyId of state "Transcribe" in FlowA74D6E88]': 'UNKNOWN' }),
    ],
  },
  live: {
    PASS: [{ name: 'the key found on the transcript object rotates', moto: motoKey(true), collectors }],
    FAIL: [
      {
        name: 'the key found on the transcript object does not rotate',
        moto: motoKey(false),
        collectors,
        then: (findings) => expect(findings.map((f) => [f.findingKey, f.status])).toEqual([['KeySpec', 'PASS'], ['KeyManager', 'PASS'], ['Enabled', 'PASS'], ['Rotation', 'FAIL']]),
      },
    ],
    UNKNOWN: [{ name: 'kms:GetKeyRotationStatus denied', moto: motoKey(true), collectors, deny: ['kms:GetKeyRotationStatus'], findingKey: 'Rotation', reason: /was denied/ }],
  },
} satisfies CheckTable;
