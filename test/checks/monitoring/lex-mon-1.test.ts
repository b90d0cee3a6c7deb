import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import check from '../../../checks/monitoring/lex-mon-1-cloudtrail';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, LIVE_BOT, REGION, addBot, live, statusesOf } from './fixtures';

const ID = 'LEX-MON-1';

/** An L1 trail that meets every requirement, with `extra` overriding properties. */
function goodTrail(stack: Stack, id: string, extra: Partial<cloudtrail.CfnTrailProps> = {}) {
  return new cloudtrail.CfnTrail(stack, id, {
    isLogging: true,
    s3BucketName: 'trail-bucket',
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555',
    ...extra,
  });
}

describe('LEX-MON-1 CloudTrail trail records Lex management events', () => {
  test.each<[string, string, (stack: Stack) => void]>([
    ['FAIL', 'L2 trail without a KMS key', (stack) => new cloudtrail.Trail(stack, 'Trail')],
    ['PASS', 'L2 trail with a KMS key', (stack) => new cloudtrail.Trail(stack, 'Trail', { encryptionKey: new kms.Key(stack, 'Key') })],
    ['UNKNOWN', 'KMS key from a parameter without default', (stack) => goodTrail(stack, 'Trail', { kmsKeyId: new CfnParameter(stack, 'Key').valueAsString })],
    ['FAIL', 'single-Region trail', (stack) => goodTrail(stack, 'Trail', { isMultiRegionTrail: false })],
    ['FAIL', 'not logging', (stack) => goodTrail(stack, 'Trail', { isLogging: false })],
    ['FAIL', 'write-only management events', (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ readWriteType: 'WriteOnly' }] })],
    ['PASS', 'read-only plus write-only selectors', (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ readWriteType: 'ReadOnly' }, { readWriteType: 'WriteOnly' }] })],
    ['FAIL', 'data events only', (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] })],
    [
      'PASS',
      'advanced selector for all management events',
      (stack) => goodTrail(stack, 'Trail', { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] }] }),
    ],
    [
      'FAIL',
      'advanced selector excluding lex.amazonaws.com',
      (stack) =>
        goodTrail(stack, 'Trail', {
          advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'eventSource', notEquals: ['lex.amazonaws.com'] }] }],
        }),
    ],
    [
      'FAIL',
      'advanced selector for read-only management events',
      (stack) =>
        goodTrail(stack, 'Trail', {
          advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'readOnly', equalTo: ['true'] }] }],
        }),
    ],
    [
      'UNKNOWN',
      'selector type from a parameter',
      (stack) => goodTrail(stack, 'Trail', { eventSelectors: [{ readWriteType: new CfnParameter(stack, 'Rw').valueAsString }] }),
    ],
  ])('%s: %s', (expected, _what, build) => {
    const out = synthStack((stack) => {
      addBot(stack);
      build(stack);
    });
    const statuses = out.of(ID).filter((f) => f.resource.type === 'AWS::CloudTrail::Trail').map((f) => f.status);
    expect(statuses).toContain(expected);
    if (expected === 'PASS') expect(statuses).toEqual(['PASS']);
  });

  test('FAIL findings name each unmet requirement', () => {
    const out = synthStack((stack) => {
      addBot(stack);
      goodTrail(stack, 'Trail', { isMultiRegionTrail: false, enableLogFileValidation: false, kmsKeyId: undefined });
    });
    expect(out.of(ID).map((f) => f.findingKey).sort()).toEqual(['EnableLogFileValidation', 'IsMultiRegionTrail', 'KMSKeyId']);
  });

  test('no trail in the app: one INFO finding on the stack', () => {
    const out = synthStack((stack) => addBot(stack));
    expect(out.of(ID)).toMatchObject([{ status: 'FAIL', severity: 'INFO', resource: { logicalId: 'Test' } }]);
    expect(out.of(ID)[0].reason).toContain('lexscribe audit');
  });

  test('one good trail makes the others not applicable', () => {
    const out = synthStack((stack) => {
      addBot(stack);
      goodTrail(stack, 'Good');
      goodTrail(stack, 'DataOnly', { eventSelectors: [{ includeManagementEvents: false }] });
    });
    expect(out.statuses(ID)).toEqual({ Good: 'PASS', DataOnly: 'NOT_APPLICABLE' });
  });

  test('apps without Lex resources are not judged', () => {
    const out = synthStack((stack) => new cloudtrail.Trail(stack, 'Trail'));
    expect(out.of(ID)).toEqual([]);
  });

  describe('live-shaped resources', () => {
    const trail = (props: Record<string, unknown>) => ({
      type: 'AWS::CloudTrail::Trail',
      id: 'org-trail',
      arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/org-trail`,
      props: {
        IsLogging: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        EnableLogFileValidation: true,
        KMSKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k`,
        EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
        ...props,
      },
    });
    test.each([
      ['PASS', {}],
      ['FAIL', { IsLogging: false }],
      ['FAIL', { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: ['lex.amazonaws.com'] }] }],
    ])('%s: %j', (expected, props) => {
      expect(statusesOf(live([check], [LIVE_BOT, trail(props)]))['org-trail']).toBe(expected);
    });

    test('no trail in the account is a HIGH failure', () => {
      expect(live([check], [LIVE_BOT])).toMatchObject([{ status: 'FAIL', severity: 'HIGH', resource: { type: 'AWS::Region' } }]);
    });

    test('trails that could not be listed give UNKNOWN, not a failure', () => {
      const findings = live([check], [LIVE_BOT], [{ types: ['AWS::CloudTrail::Trail'], reason: 'cloudtrail:DescribeTrails was denied' }]);
      expect(findings.map((f) => f.status)).toEqual(['UNKNOWN']);
    });
  });
});
