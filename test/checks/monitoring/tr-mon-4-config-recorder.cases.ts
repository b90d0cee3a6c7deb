import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { configService } from '../../../lib/sources/account/collectors/config';
import { transcribeArtifacts } from '../../../lib/sources/account/collectors/transcribe/artifacts';
import { configRecorder, vocabulary } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';

const app = (name: string, recorder: ((s: Stack) => void) | undefined, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => {
    new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] });
    if (!recorder) return;
    recorder(stack);
    new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'config' });
  },
  statuses,
});
const motoRecorder = (started?: boolean) => async (aws: Seed) => {
  await vocabulary(aws, 'products');
  if (started !== undefined) await configRecorder(aws, started);
};
const collectors = [transcribeArtifacts, configService];

export default {
  synth: {
    PASS: [
      app('a recorder of all types and a channel', (s) => void new config.CfnConfigurationRecorder(s, 'Recorder', { roleArn: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: true } }), {
        Recorder: 'PASS',
        Channel: 'PASS',
      }),
    ],
    FAIL: [
      app(
        'a recorder that leaves keys out',
        (s) => void new config.CfnConfigurationRecorder(s, 'Recorder', { roleArn: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Role'] } }),
        { Recorder: 'FAIL', Channel: 'PASS' },
      ),
      {
        ...app('nothing in the app: INFO', undefined, { 'Test[Missing::AWS::Config::ConfigurationRecorder]': 'FAIL', 'Test[Missing::AWS::Config::DeliveryChannel]': 'FAIL' }),
        then: (findings) => expect(findings.every((f) => f.severity === 'INFO')).toBe(true),
      },
    ],
    UNKNOWN: [
      app('a recording group from a parameter', (s) => void new config.CfnConfigurationRecorder(s, 'Recorder', { roleArn: 'r', recordingGroup: { allSupported: new CfnParameter(s, 'All').valueAsString as never } }), {
        Recorder: 'UNKNOWN',
        Channel: 'PASS',
      }),
    ],
  },
  live: {
    PASS: [{ name: 'a recording recorder in a Region using Transcribe', moto: motoRecorder(true), collectors, resource: 'config-recorder/default' }],
    FAIL: [
      { name: 'a stopped recorder', moto: motoRecorder(false), collectors, resource: 'config-recorder/default' },
      { name: 'no recorder', moto: motoRecorder(), collectors },
    ],
    UNKNOWN: [{ name: 'config:DescribeConfigurationRecorderStatus denied', moto: motoRecorder(true), collectors, deny: ['config:DescribeConfigurationRecorderStatus'], resource: 'config-recorder/default' }],
  },
} satisfies CheckTable;
