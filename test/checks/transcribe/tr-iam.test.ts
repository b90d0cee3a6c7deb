import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as organizations from 'aws-cdk-lib/aws-organizations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import trIam1 from '../../../checks/iam/tr-iam-1-trust-conditions';
import trIam2 from '../../../checks/iam/tr-iam-2-data-access-role';
import trIam3 from '../../../checks/iam/tr-iam-3-start-job-conditions';
import trIam4 from '../../../checks/iam/tr-iam-4-full-access';
import trIam5 from '../../../checks/iam/tr-iam-5-kms-key-policy';
import trIam6 from '../../../checks/iam/tr-iam-6-tags';
import trIam7 from '../../../checks/iam/tr-iam-7-long-term-keys';
import type { Check } from '../../../lib/engine/check';
import { Unknown } from '../../../lib/model/values';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, byPath, jobStateMachine, live, runLive } from './fixtures';
import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';

const TRANSCRIBE = 'transcribe.amazonaws.com';
const run = (check: Check[], build: (stack: Stack) => void) => synthStack(build, { checks: check });

describe('TR-IAM-1 confused-deputy conditions on roles trusted by Transcribe', () => {
  const role = (conditions?: Record<string, unknown>, service = TRANSCRIBE) => (stack: Stack) =>
    void new iam.Role(stack, 'Access', { assumedBy: conditions ? new iam.ServicePrincipal(service).withConditions(conditions) : new iam.ServicePrincipal(service) });
  test.each<[string, (stack: Stack) => void, string]>([
    ['no condition', role(), 'FAIL,FAIL'],
    ['both conditions, own account', role({ StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:transcribe:us-east-1:${ACCOUNT}:*` } }), 'PASS'],
    ['streaming principal, both conditions', role({ StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:transcribe:us-east-1:${ACCOUNT}:*` } }, 'transcribe.streaming.amazonaws.com'), 'PASS'],
    ['another account', role({ StringEquals: { 'aws:SourceAccount': '999999999999' }, ArnLike: { 'aws:SourceArn': `arn:aws:transcribe:us-east-1:${ACCOUNT}:*` } }), 'FAIL'],
    ['a source ARN of another service', role({ StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:s3:::bucket` } }), 'FAIL'],
    ['wildcard source ARN', role({ StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': 'arn:aws:transcribe:*:*:*' } }), 'FAIL'],
    [
      'account from a parameter without default',
      (stack) => role({ StringEquals: { 'aws:SourceAccount': new CfnParameter(stack, 'Acct').valueAsString }, ArnLike: { 'aws:SourceArn': 'arn:aws:transcribe:us-east-1:1:*' } })(stack),
      'UNKNOWN',
    ],
    ['a Lambda role', role(undefined, 'lambda.amazonaws.com'), 'NOT_APPLICABLE'],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trIam1], build), 'TR-IAM-1')).toEqual({ Access: expected });
  });

  test('live: a role read from the account', () => {
    const { statuses } = runLive(trIam1, [
      live('AWS::IAM::Role', 'role/Access', { RoleName: 'Access', AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: TRANSCRIBE }, Action: 'sts:AssumeRole' }] } }, `arn:aws:iam::${ACCOUNT}:role/Access`),
    ]);
    expect(statuses).toEqual({ 'role/Access': 'FAIL,FAIL' });
  });
});

describe('TR-IAM-2 data-access roles are least privilege', () => {
  const trusted = (stack: Stack) => new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal(TRANSCRIBE) });
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    [
      'scoped S3 and KMS grants',
      (stack) => {
        const role = trusted(stack);
        new s3.Bucket(stack, 'Media').grantRead(role);
        new kms.Key(stack, 'Key').grantEncryptDecrypt(role);
      },
      { Access: 'PASS' },
    ],
    ['s3:* on every resource', (stack) => trusted(stack).addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })), { Access: 'FAIL,FAIL' }],
    ['AmazonS3FullAccess attached', (stack) => trusted(stack).addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess')), { Access: 'FAIL' }],
    [
      'a role named by a vocabulary, trusted by nobody in particular',
      (stack) => {
        const role = new iam.Role(stack, 'Access', { assumedBy: new iam.AccountRootPrincipal() });
        role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
        new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'terms', languageCode: 'en-US', vocabularyFileUri: 's3://b/terms.txt', dataAccessRoleArn: role.roleArn });
      },
      { Access: 'FAIL' },
    ],
    [
      'a role from a parameter',
      (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'terms', languageCode: 'en-US', phrases: ['a'], dataAccessRoleArn: new CfnParameter(stack, 'RoleArn').valueAsString }),
      { Vocab: 'UNKNOWN' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trIam2], build), 'TR-IAM-2')).toEqual(expected);
  });

  test('live: the role of a job', () => {
    const { statuses } = runLive(trIam2, [
      live('AWS::IAM::Role', 'role/JobRole', { RoleName: 'JobRole', Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] }, `arn:aws:iam::${ACCOUNT}:role/JobRole`),
      live(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', JobExecutionSettings: { DataAccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/JobRole` } }),
    ]);
    expect(statuses).toEqual({ 'role/JobRole': 'FAIL,FAIL' });
  });
});

describe('TR-IAM-3 start-job permissions force the output bucket and key', () => {
  const grant = (conditions?: Record<string, unknown>, actions = ['transcribe:StartTranscriptionJob']) => (stack: Stack) => {
    const role = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions, resources: ['*'], conditions }));
  };
  const both = { StringEquals: { 'transcribe:OutputBucketName': 'approved' }, Null: { 'transcribe:OutputEncryptionKMSKeyId': 'false' } };
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['no condition', grant(), { 'App/DefaultPolicy': 'FAIL,FAIL', App: 'NOT_APPLICABLE' }],
    ['both conditions', grant(both), { 'App/DefaultPolicy': 'PASS', App: 'NOT_APPLICABLE' }],
    ['transcribe:* without the bucket', grant({ Null: { 'transcribe:OutputEncryptionKMSKeyId': 'false' } }, ['transcribe:*']), { 'App/DefaultPolicy': 'FAIL,FAIL', App: 'NOT_APPLICABLE' }],
    [
      'Call Analytics needs OutputLocation',
      grant(both, ['transcribe:StartCallAnalyticsJob']),
      { 'App/DefaultPolicy': 'FAIL', App: 'NOT_APPLICABLE' },
    ],
    [
      'bucket from a parameter',
      (stack) => grant({ StringEquals: { 'transcribe:OutputBucketName': new CfnParameter(stack, 'B').valueAsString }, Null: { 'transcribe:OutputEncryptionKMSKeyId': 'false' } })(stack),
      { 'App/DefaultPolicy': 'UNKNOWN', App: 'NOT_APPLICABLE' },
    ],
    [
      'an SCP denies jobs without a key',
      (stack) => {
        grant({ StringEquals: { 'transcribe:OutputBucketName': 'approved' } })(stack);
        new organizations.CfnPolicy(stack, 'Scp', {
          name: 'kms',
          type: 'SERVICE_CONTROL_POLICY',
          content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'transcribe:Start*Job', Resource: '*', Condition: { Null: { 'transcribe:OutputEncryptionKMSKeyId': 'true' } } }] },
        });
      },
      { 'App/DefaultPolicy': 'PASS', App: 'NOT_APPLICABLE' },
    ],
    [
      'AmazonTranscribeFullAccess',
      (stack) => void new iam.Role(stack, 'App', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonTranscribeFullAccess')] }),
      { App: 'FAIL' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trIam3], build), 'TR-IAM-3')).toEqual(expected);
  });
});

describe('TR-IAM-4 AmazonTranscribeFullAccess', () => {
  const withPolicy = (name: string) => (stack: Stack) =>
    void new iam.Role(stack, 'App', { roleName: 'app', assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(name)] });
  test.each([
    ['FAIL', 'AmazonTranscribeFullAccess', {}],
    ['PASS', 'AmazonTranscribeReadOnlyAccess', {}],
    ['PASS', 'AmazonTranscribeFullAccess', { adminRolePatterns: ['app'] }],
  ])('%s: %s %j', (expected, name, options) => {
    const out = synthStack(withPolicy(name), { checks: [trIam4], config: { checks: { 'TR-IAM-4': { options } } } });
    expect(byPath(out, 'TR-IAM-4')).toEqual({ App: expected });
  });

  test('UNKNOWN: a managed policy ARN from a parameter', () => {
    const out = run([trIam4], (stack) => void new iam.CfnRole(stack, 'App', { assumeRolePolicyDocument: {}, managedPolicyArns: [new CfnParameter(stack, 'P').valueAsString] }));
    expect(byPath(out, 'TR-IAM-4')).toEqual({ App: 'UNKNOWN' });
  });
});

describe('TR-IAM-5 key policies of keys Transcribe uses', () => {
  const keyed = (policy?: iam.PolicyDocument) => (stack: Stack) => {
    const key = new kms.Key(stack, 'Key', { policy });
    jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: key.keyArn });
  };
  const statement = (props: Partial<iam.PolicyStatementProps>) =>
    new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'], principals: [new iam.AnyPrincipal()], ...props })] });
  test.each<[string, (stack: Stack) => void, string]>([
    ['the default key policy: nothing gated on the context (advisory)', keyed(), 'FAIL'],
    ['everyone, no condition', keyed(statement({})), 'FAIL,FAIL'],
    ['gated on the encryption context', keyed(statement({ conditions: { StringEquals: { 'kms:EncryptionContext:team': 'a' } } })), 'PASS'],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trIam5], build), 'TR-IAM-5')).toEqual({ Key: expected });
  });

  test('UNKNOWN: a key from a parameter', () => {
    const out = run([trIam5], (stack) => void jobStateMachine(stack, { OutputEncryptionKMSKeyId: new CfnParameter(stack, 'K').valueAsString }));
    expect(byPath(out, 'TR-IAM-5')).toEqual({ Flow: 'UNKNOWN' });
  });
});

describe('TR-IAM-6 tags and tag-based access', () => {
  test.each<[string, transcribe.CfnVocabularyFilter['tags'] | undefined, string]>([
    ['untagged', undefined, 'FAIL,FAIL'],
    ['tagged', [{ key: 'data-classification', value: 'pii' }, { key: 'Owner', value: 'team' }], 'PASS'],
  ])('%s filter', (_what, tags, expected) => {
    const out = run([trIam6], (stack) => void new transcribe.CfnVocabularyFilter(stack, 'Filter', { vocabularyFilterName: 'f', languageCode: 'en-US', words: ['x'], tags: tags as never }));
    expect(byPath(out, 'TR-IAM-6')).toEqual({ Filter: expected });
  });

  test('UNKNOWN: a tag key from a parameter', () => {
    const out = run([trIam6], (stack) => void new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['x'], tags: [{ key: new CfnParameter(stack, 'K').valueAsString, value: 'v' }] }));
    expect(byPath(out, 'TR-IAM-6')).toEqual({ Vocab: 'UNKNOWN' });
  });

  test.each([
    ['FAIL', undefined],
    ['PASS', { StringEquals: { 'aws:ResourceTag/owner': 'team' } }],
  ])('%s: transcribe:Get* with conditions %j', (expected, conditions) => {
    const out = run([trIam6], (stack) => {
      new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(new iam.PolicyStatement({ actions: ['transcribe:Get*'], resources: ['*'], conditions }));
    });
    expect(byPath(out, 'TR-IAM-6')).toEqual({ Reader: 'NOT_APPLICABLE', 'Reader/DefaultPolicy': expected });
  });

  test('live: tags of a job that could not be read', () => {
    const { statuses } = runLive(trIam6, [live(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', Tags: new Unknown('denied') })]);
    expect(statuses).toEqual({ 'transcription-job/a': 'UNKNOWN' });
  });
});

describe('TR-IAM-7 long-term keys of users who can call Transcribe or Lex', () => {
  const user = (statement: iam.PolicyStatement | undefined, withKey: boolean) => (stack: Stack) => {
    const u = new iam.User(stack, 'Svc');
    if (statement) u.addToPolicy(statement);
    if (withKey) new iam.AccessKey(stack, 'Key', { user: u });
  };
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['a key of a user who starts jobs', user(new iam.PolicyStatement({ actions: ['transcribe:StartTranscriptionJob'], resources: ['*'] }), true), { Key: 'FAIL', Svc: 'FAIL' }],
    ['a key of a user who calls Lex', user(new iam.PolicyStatement({ actions: ['lex:RecognizeText'], resources: ['*'] }), true), { Key: 'FAIL', Svc: 'FAIL' }],
    ['a key of a user without Transcribe or Lex', user(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }), true), { Key: 'NOT_APPLICABLE', Svc: 'NOT_APPLICABLE' }],
    [
      'a key of a user outside the app',
      (stack) => void new iam.CfnAccessKey(stack, 'Key', { userName: new CfnParameter(stack, 'UserName').valueAsString }),
      { Key: 'UNKNOWN' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trIam7], build), 'TR-IAM-7')).toEqual(expected);
  });

  test('live: an old active key and an inactive one', () => {
    const userArn = `arn:aws:iam::${ACCOUNT}:user/svc`;
    const { statuses } = runLive(trIam7, [
      live('AWS::IAM::User', 'user/svc', { UserName: 'svc', ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonTranscribeFullAccess'] }, userArn),
      live('AWS::IAM::AccessKey', 'user/svc/access-key/OLD', { UserName: 'svc', Status: 'Active', CreateDate: '2020-01-01T00:00:00Z' }),
      live('AWS::IAM::AccessKey', 'user/svc/access-key/OFF', { UserName: 'svc', Status: 'Inactive', CreateDate: '2020-01-01T00:00:00Z' }),
    ]);
    expect(statuses).toEqual({ 'user/svc': 'FAIL', 'user/svc/access-key/OLD': 'FAIL,FAIL', 'user/svc/access-key/OFF': 'PASS' });
  });

  test('live: permissions through a group, listed by name', () => {
    const { statuses } = runLive(trIam7, [
      live('AWS::IAM::Group', 'group/callers', { GroupName: 'callers', Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'lex:RecognizeText', Resource: '*' }] } }] }),
      live('AWS::IAM::User', 'user/svc', { UserName: 'svc', Groups: ['callers'] }, `arn:aws:iam::${ACCOUNT}:user/svc`),
      live('AWS::IAM::User', 'user/lost', { UserName: 'lost', Groups: ['elsewhere'] }, `arn:aws:iam::${ACCOUNT}:user/lost`),
    ]);
    expect(statuses).toEqual({ 'user/svc': 'FAIL', 'user/lost': 'UNKNOWN' });
  });
});
