import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IAMClient, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { user } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable } from '../../tester';
import { ACCOUNT } from './lex-fixtures';

const svc = (name: string, statement: iam.PolicyStatement | undefined, key: boolean | 'Inactive', statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    const u = new iam.User(stack, 'Svc');
    if (statement) u.addToPolicy(statement);
    if (key) new iam.AccessKey(stack, 'Key', { user: u, status: key === 'Inactive' ? iam.AccessKeyStatus.INACTIVE : undefined });
  },
  statuses,
});
const STARTS_JOBS = new iam.PolicyStatement({ actions: ['transcribe:StartTranscriptionJob'], resources: ['*'] });
const START = [{ Effect: 'Allow', Action: 'transcribe:StartTranscriptionJob', Resource: '*' }];
const INACTIVE_USER = 'the user itself still fails (at LOW): a user that can call Transcribe should be a role, whatever its keys';

export default {
  synth: {
    PASS: [{ ...svc('an inactive key of a user who starts jobs', STARTS_JOBS, 'Inactive', { Key: 'PASS', 'Svc[User]': 'FAIL' }), resource: 'Key', othersMayFail: INACTIVE_USER }],
    FAIL: [
      svc('a key of a user who starts jobs', STARTS_JOBS, true, { 'Key[AccessKey]': 'FAIL', 'Svc[User]': 'FAIL' }),
      svc('a key of a user who calls Lex', new iam.PolicyStatement({ actions: ['lex:RecognizeText'], resources: ['*'] }), true, { 'Key[AccessKey]': 'FAIL', 'Svc[User]': 'FAIL' }),
    ],
    UNKNOWN: [{ name: 'a key of a user outside the app', cdk: (stack) => void new iam.CfnAccessKey(stack, 'Key', { userName: new CfnParameter(stack, 'UserName').valueAsString }), statuses: { Key: 'UNKNOWN' } }],
    NOT_APPLICABLE: [svc('a key of a user without Transcribe or Lex', new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }), true, { Key: 'NOT_APPLICABLE', Svc: 'NOT_APPLICABLE' })],
  },
  live: {
    PASS: [
      {
        name: 'an inactive key of a user who starts jobs',
        moto: async (aws) => {
          await user(aws, 'svc', { inline: { jobs: START }, accessKey: true });
          const iamClient = aws.client(IAMClient);
          const [key] = (await iamClient.send(new ListAccessKeysCommand({ UserName: 'svc' }))).AccessKeyMetadata ?? [];
          await iamClient.send(new UpdateAccessKeyCommand({ UserName: 'svc', AccessKeyId: key.AccessKeyId, Status: 'Inactive' }));
        },
        resource: 'access-key',
        othersMayFail: INACTIVE_USER,
      },
    ],
    FAIL: [
      {
        name: 'an active key of a user who starts jobs',
        moto: async (aws) => void (await user(aws, 'svc', { inline: { jobs: START }, accessKey: true })),
        then: (findings) => expect(findings.map((f) => `${f.resource.logicalId?.replace(/access-key\/.*/, 'access-key/…')}:${f.status}`).sort()).toEqual(['user/svc/access-key/…:FAIL', 'user/svc:FAIL']),
      },
      {
        name: 'an old active key: rotation too',
        emulated: 'moto dates every access key now: an old key cannot be made',
        stacks: [
          scope(
            [
              liveResource('AWS::IAM::User', 'user/svc', { UserName: 'svc', ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonTranscribeFullAccess'] }, `arn:aws:iam::${ACCOUNT}:user/svc`),
              liveResource('AWS::IAM::AccessKey', 'user/svc/access-key/OLD', { UserName: 'svc', Status: 'Active', CreateDate: '2020-01-01T00:00:00Z' }),
            ],
            { region: 'global' },
          ),
        ],
        statuses: { 'user/svc[User]': 'FAIL', 'user/svc/access-key/OLD[AccessKey]': 'FAIL', 'user/svc/access-key/OLD[Rotation]': 'FAIL' },
      },
    ],
    UNKNOWN: [
      { name: 'iam:GetAccountAuthorizationDetails denied', moto: async (aws) => void (await user(aws, 'svc', { inline: { jobs: START }, accessKey: true })), deny: ['iam:GetAccountAuthorizationDetails'], statuses: { '123456789012/global': 'UNKNOWN' } },
      {
        name: 'a user in a group the scan did not return',
        emulated: 'GetAccountAuthorizationDetails always returns the groups of its users: a dangling group name cannot come from moto',
        stacks: [
          scope(
            [
              liveResource('AWS::IAM::Group', 'group/callers', { GroupName: 'callers', Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'lex:RecognizeText', Resource: '*' }] } }] }),
              liveResource('AWS::IAM::User', 'user/svc', { UserName: 'svc', Groups: ['callers'] }, `arn:aws:iam::${ACCOUNT}:user/svc`),
              liveResource('AWS::IAM::User', 'user/lost', { UserName: 'lost', Groups: ['elsewhere'] }, `arn:aws:iam::${ACCOUNT}:user/lost`),
            ],
            { region: 'global' },
          ),
        ],
        statuses: { 'user/svc[User]': 'FAIL', 'user/lost': 'UNKNOWN' },
      },
    ],
  },
} satisfies CheckTable;
