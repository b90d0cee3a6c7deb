import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import { cloudTrailTrails } from '../../../lib/sources/account/collectors/cloudtrail';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { lexBot, trail, type TrailProps } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { addBot } from './fixtures';

/** An L1 trail that meets every requirement, with `extra` overriding properties. */
const goodTrail = (stack: Stack, id: string, extra: Partial<cloudtrail.CfnTrailProps> = {}) =>
  new cloudtrail.CfnTrail(stack, id, {
    isLogging: true,
    s3BucketName: 'trail-bucket',
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555',
    ...extra,
  });
/** A bot and a trail built by `build`; the status is the trail's. */
const withTrail = (name: string, build: (stack: Stack) => void, extra: Partial<CdkCase> = {}): CdkCase => ({
  name,
  cdk: (stack) => {
    addBot(stack);
    build(stack);
  },
  resource: 'Trail',
  ...extra,
});
const motoTrail = (p: TrailProps) => async (aws: Seed) => {
  await lexBot(aws);
  await trail(aws, p);
};
const collectors = [lexBots, cloudTrailTrails];
export default {
  synth: {
    PASS: [
      withTrail('L2 trail with a KMS key', (stack) => new cloudtrail.Trail(stack, 'Trail', { encryptionKey: new kms.Key(stack, 'Key') })),
      withTrail('read-only plus write-only selectors', (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ readWriteType: 'ReadOnly' }, { readWriteType: 'WriteOnly' }] })),
      withTrail('advanced selector for all management events', (stack) => goodTrail(stack, 'Trail', { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] }] })),
      {
        name: 'one good trail makes the others not applicable',
        cdk: (stack) => {
          addBot(stack);
          goodTrail(stack, 'Good');
          goodTrail(stack, 'DataOnly', { eventSelectors: [{ includeManagementEvents: false }] });
        },
        statuses: { Good: 'PASS', DataOnly: 'NOT_APPLICABLE' },
      },
    ],
    FAIL: [
      withTrail('L2 trail without a KMS key', (stack) => new cloudtrail.Trail(stack, 'Trail')),
      withTrail('single-Region trail', (stack) => goodTrail(stack, 'Trail', { isMultiRegionTrail: false })),
      withTrail('not logging', (stack) => goodTrail(stack, 'Trail', { isLogging: false })),
      withTrail('write-only management events', (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ readWriteType: 'WriteOnly' }] })),
      withTrail('data events only', (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] })),
      withTrail('advanced selector excluding lex.amazonaws.com', (stack) =>
        goodTrail(stack, 'Trail', { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'eventSource', notEquals: ['lex.amazonaws.com'] }] }] }),
      ),
      withTrail('advanced selector for read-only management events', (stack) =>
        goodTrail(stack, 'Trail', { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'readOnly', equalTo: ['true'] }] }] }),
      ),
      withTrail('FAIL findings name each unmet requirement', (stack) => goodTrail(stack, 'Trail', { isMultiRegionTrail: false, enableLogFileValidation: false, kmsKeyId: undefined }), {
        statuses: { 'Trail[IsMultiRegionTrail]': 'FAIL', 'Trail[EnableLogFileValidation]': 'FAIL', 'Trail[KMSKeyId]': 'FAIL' },
      }),
      { name: 'no trail in the app: one INFO finding on the stack', cdk: (stack) => void addBot(stack), statuses: { 'Test[Missing::AWS::CloudTrail::Trail]': 'FAIL' }, severity: 'INFO', reason: /lexscribe audit/ },
    ],
    UNKNOWN: [
      withTrail('KMS key from a parameter without default', (stack) => goodTrail(stack, 'Trail', { kmsKeyId: new CfnParameter(stack, 'Key').valueAsString })),
      withTrail('selector type from a parameter', (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ readWriteType: new CfnParameter(stack, 'Rw').valueAsString }] })),
    ],
  },
  live: {
    PASS: [{ name: 'a logging, multi-Region, validated, KMS-encrypted trail (DescribeTrails, GetTrailStatus, GetEventSelectors)', moto: motoTrail({}), collectors, statuses: { 'trail/main': 'PASS' } }],
    FAIL: [
      { name: 'a trail that is not logging', moto: motoTrail({ logging: false }), collectors, statuses: { 'trail/main[IsLogging]': 'FAIL' } },
      { name: 'no trail in the account and Region: a HIGH failure', moto: async (aws) => void (await lexBot(aws)), collectors, statuses: { '123456789012/us-east-1[Missing::AWS::CloudTrail::Trail]': 'FAIL' }, severity: 'HIGH' },
      { name: 'management events of lex.amazonaws.com excluded (GetEventSelectors)', moto: motoTrail({ excludeSources: ['lex.amazonaws.com'] }), collectors, statuses: { 'trail/main[EventSelectors]': 'FAIL' } },
    ],
    UNKNOWN: [
      { name: 'trails that could not be listed give UNKNOWN, not a failure', moto: motoTrail({}), collectors, deny: ['cloudtrail:DescribeTrails'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } },
      // Without the bots, the Region's Lex workload is unknown: the HIGH finding must not vanish.
      { name: 'lex:ListBots denied and no trail: UNKNOWN, never nothing', moto: async (aws) => void (await lexBot(aws)), collectors, deny: ['lex:ListBots'], statuses: { '123456789012/us-east-1': 'UNKNOWN' }, reason: /AWS::Lex::Bot.*could not be read/ },
    ],
  },
} satisfies CheckTable;
