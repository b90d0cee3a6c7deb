import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { cloudTrailTrails } from '../../../lib/sources/account/collectors/cloudtrail';
import { transcribeArtifacts } from '../../../lib/sources/account/collectors/transcribe/artifacts';
import { trail, vocabulary, type TrailProps } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';

const vocab = (stack: Stack) => new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] });
const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => {
    vocab(stack);
    build(stack);
  },
  statuses,
});
const motoTrail = (p?: TrailProps) => async (aws: Seed) => {
  await vocabulary(aws, 'products');
  if (p) await trail(aws, p);
};
const collectors = [transcribeArtifacts, cloudTrailTrails];

export default {
  synth: {
    PASS: [app('a complete trail', (s) => new cloudtrail.Trail(s, 'Trail', { isMultiRegionTrail: true, enableFileValidation: true, encryptionKey: new kms.Key(s, 'Key') }), { Trail: 'PASS' })],
    FAIL: [
      { ...app('no trail in the app: INFO', () => undefined, { 'Test[Missing::AWS::CloudTrail::Trail]': 'FAIL' }), severity: 'INFO' },
      // The corpus's Post-Call Analytics and Live Call Analytics stacks: no Transcribe resource, only the roles around its jobs.
      {
        name: 'an app whose Transcribe is a data-access role, without a trail',
        cdk: (s) => void new iam.Role(s, 'DataAccess', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') }),
        statuses: { 'Test[Missing::AWS::CloudTrail::Trail]': 'FAIL' },
      },
      {
        name: 'an app whose Transcribe is a function role allowed to start jobs, without a trail',
        cdk: (s) =>
          void new iam.Role(s, 'Starter', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['transcribe:StartTranscriptionJob'], resources: ['*'] })),
        statuses: { 'Test[Missing::AWS::CloudTrail::Trail]': 'FAIL' },
      },
      app(
        'a trail excluding Transcribe management events',
        (s) => {
          const t = new cloudtrail.CfnTrail(s, 'Trail', { isLogging: true, s3BucketName: 'b', isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: 'k' });
          t.eventSelectors = [{ includeManagementEvents: true, readWriteType: 'All', excludeManagementEventSources: ['transcribe.amazonaws.com'] }];
        },
        { 'Trail[EventSelectors]': 'FAIL' },
      ),
    ],
    UNKNOWN: [
      app(
        'logging state from a parameter',
        (s) => void new cloudtrail.CfnTrail(s, 'Trail', { isLogging: new CfnParameter(s, 'On', { type: 'String' }).valueAsString as never, s3BucketName: 'b', isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: 'k' }),
        { 'Trail[IsLogging]': 'UNKNOWN' },
      ),
    ],
  },
  live: {
    PASS: [{ name: 'a complete trail in an account using Transcribe', moto: motoTrail({}), collectors, statuses: { 'trail/main': 'PASS' } }],
    FAIL: [
      { name: 'Transcribe management events excluded', moto: motoTrail({ excludeSources: ['transcribe.amazonaws.com'] }), collectors, statuses: { 'trail/main[EventSelectors]': 'FAIL' } },
      { name: 'no trail: HIGH', moto: motoTrail(), collectors, statuses: { '123456789012/us-east-1[Missing::AWS::CloudTrail::Trail]': 'FAIL' }, severity: 'HIGH' },
    ],
    UNKNOWN: [{ name: 'cloudtrail:GetTrailStatus denied', moto: motoTrail({}), collectors, deny: ['cloudtrail:GetTrailStatus'], statuses: { 'trail/main[IsLogging]': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
