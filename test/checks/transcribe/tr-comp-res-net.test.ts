import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as config from 'aws-cdk-lib/aws-config';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import trComp1 from '../../../checks/compliance/tr-comp-1-phi-workloads';
import trComp2 from '../../../checks/compliance/tr-comp-2-security-hub-config';
import trNet1 from '../../../checks/infrastructure/tr-net-1-interface-endpoints';
import trNet2 from '../../../checks/infrastructure/tr-net-2-endpoint-policy';
import trRes1 from '../../../checks/resilience/tr-res-1-output-versioning';
import type { Check } from '../../../lib/engine/check';
import { Unknown } from '../../../lib/model/values';
import { synthStack } from '../../helpers/synth';
import { byKey, byPath, jobStateMachine, live, runLive } from './fixtures';
import { MEDICAL_SCRIBE_JOB, MEDICAL_TRANSCRIPTION_JOB, TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { AUDIT_MANAGER_ACCOUNT } from '../../../lib/model/types/auditmanager';

const run = (checks: Check[], build: (stack: Stack) => void) => synthStack(build, { checks });
const CMK = 'arn:aws:kms:us-east-1:123456789012:key/cmk';

describe('TR-COMP-1 PHI workloads', () => {
  const medical = (extra: Record<string, unknown>) => (stack: Stack) =>
    void jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: new kms.Key(stack, 'Key').keyArn, ContentIdentificationType: 'PHI', ...extra }, 'startMedicalTranscriptionJob');
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['a complete medical job', medical({}), { 'State::Transcribe': 'PASS' }],
    ['a medical job without PHI identification or key', medical({ ContentIdentificationType: undefined, OutputEncryptionKMSKeyId: undefined }), { 'State::Transcribe::CustomerKey': 'FAIL', 'State::Transcribe::PhiIdentification': 'FAIL' }],
    ['a medical job whose key comes from the state input', medical({ OutputEncryptionKMSKeyId: undefined, 'OutputEncryptionKMSKeyId.$': '$.key' }), { 'State::Transcribe::CustomerKey': 'UNKNOWN' }],
    [
      'a standard job tagged PHI relies on redaction',
      (stack) => void jobStateMachine(stack, { OutputBucketName: 'out', OutputEncryptionKMSKeyId: CMK, ContentRedaction: { RedactionType: 'PII' }, Tags: [{ Key: 'data-classification', Value: 'PHI' }] }),
      { 'State::Transcribe::PhiIdentification': 'FAIL' },
    ],
    ['a standard job without classification', (stack) => void jobStateMachine(stack, { OutputBucketName: 'out' }), {}],
    [
      'an unclassified medical vocabulary',
      (stack) => void new transcribe.CfnMedicalVocabulary(stack, 'Med', { vocabularyName: 'm', languageCode: 'en-US', vocabularyFileUri: 's3://b/m.txt' }),
      { Classification: 'FAIL' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byKey(run([trComp1], build), 'TR-COMP-1')).toEqual(expected);
  });

  test('live: medical jobs and a PHI-tagged standard job', () => {
    const { findings } = runLive(trComp1, [
      live(MEDICAL_TRANSCRIPTION_JOB, 'medical-transcription-job/ok', {
        MedicalTranscriptionJobName: 'ok',
        OutputLocationType: 'CUSTOMER_BUCKET',
        ContentIdentificationType: 'PHI',
        OutputEncryption: { Level: 'customer-managed-kms', KeyId: CMK, Evidence: 'object-headers' },
      }),
      live(MEDICAL_SCRIBE_JOB, 'medical-scribe-job/unknown', { MedicalScribeJobName: 'unknown', OutputEncryption: new Unknown('the transcript could not be read') }),
      live(TRANSCRIPTION_JOB, 'transcription-job/tagged', { TranscriptionJobName: 'tagged', OutputLocationType: 'SERVICE_BUCKET', Tags: [{ Key: 'data-classification', Value: 'phi' }] }),
      live(TRANSCRIPTION_JOB, 'transcription-job/plain', { TranscriptionJobName: 'plain', OutputLocationType: 'SERVICE_BUCKET' }),
    ]);
    expect(findings.map((f) => [f.resource.logicalId, f.findingKey, f.status])).toEqual([
      ['transcription-job/tagged', 'CustomerBucket', 'FAIL'],
      ['transcription-job/tagged', 'CustomerKey', 'FAIL'],
      ['transcription-job/tagged', 'PhiIdentification', 'FAIL'],
      ['medical-transcription-job/ok', undefined, 'PASS'],
      ['medical-scribe-job/unknown', 'CustomerKey', 'UNKNOWN'],
    ]);
  });
});

describe('TR-COMP-2 Security Hub and Config rules', () => {
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    [
      'all three present',
      (stack) => {
        jobStateMachine(stack, {});
        new securityhub.CfnHub(stack, 'Hub');
        new securityhub.CfnStandard(stack, 'Standard', { standardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' });
        new config.CfnConfigRule(stack, 'Rule', { source: { owner: 'AWS', sourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY' } });
      },
      { Hub: 'PASS', Standard: 'PASS', Rule: 'PASS' },
    ],
    ['none in the app', (stack) => void jobStateMachine(stack, {}), { Test: 'FAIL,FAIL,FAIL' }],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trComp2], build), 'TR-COMP-2')).toEqual(expected);
  });

  const liveWorkload = () => [
    live(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', OutputLocationType: 'CUSTOMER_BUCKET' }),
    live('AWS::SecurityHub::Hub', 'security-hub', {}),
    live('AWS::SecurityHub::Standard', 'security-hub/standard/fsbp', { StandardsArn: 'arn:aws:securityhub:us-east-1::standards/fsbp', StandardsStatus: 'READY' }),
    live('AWS::Config::ConfigRule', 'config-rule/s3', { ConfigRuleName: 's3', ConfigRuleState: 'ACTIVE' }),
  ];
  test.each<[string, unknown, string]>([
    ['live: Audit Manager active', 'ACTIVE', 'PASS'],
    ['live: Audit Manager inactive', 'INACTIVE', 'FAIL'],
    ['live: Audit Manager status unreadable', new Unknown('auditmanager:GetAccountStatus was denied'), 'UNKNOWN'],
  ])('%s', (_what, status, expected) => {
    const { findings } = runLive(trComp2, [...liveWorkload(), live(AUDIT_MANAGER_ACCOUNT, 'audit-manager', { Status: status })]);
    expect(findings.find((f) => f.findingKey === 'AuditManager')?.status).toBe(expected);
  });

  test('live: Audit Manager not readable in the Region is UNKNOWN, not a pass', () => {
    const { findings } = runLive(trComp2, liveWorkload(), undefined, [{ types: [AUDIT_MANAGER_ACCOUNT], reason: 'auditmanager:GetAccountStatus was denied (AccessDeniedException)' }]);
    expect(findings.filter((f) => f.status === 'UNKNOWN').map((f) => f.reason)).toEqual([expect.stringContaining('AccessDeniedException')]);
    expect(findings.some((f) => f.findingKey === 'AuditManager' && f.status === 'PASS')).toBe(false);
  });
});

describe('TR-RES-1 output buckets are versioned', () => {
  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['versioned', (stack) => void jobStateMachine(stack, { OutputBucketName: new s3.Bucket(stack, 'Out', { versioned: true }).bucketName }), { Out: 'PASS' }],
    ['not versioned', (stack) => void jobStateMachine(stack, { OutputBucketName: new s3.Bucket(stack, 'Out').bucketName }), { Out: 'FAIL' }],
    [
      'a bucket written by a data-access role, versioning from a parameter',
      (stack) => {
        const bucket = new s3.CfnBucket(stack, 'Out', { versioningConfiguration: { status: new CfnParameter(stack, 'V').valueAsString } });
        new iam.Role(stack, 'Access', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [`${bucket.attrArn}/*`] }));
      },
      { Out: 'UNKNOWN' },
    ],
  ])('%s', (_what, build, expected) => {
    expect(byPath(run([trRes1], build), 'TR-RES-1')).toEqual(expected);
  });

  test('live: the bucket of a transcript', () => {
    const { statuses } = runLive(trRes1, [
      live('AWS::S3::Bucket', 'bucket/out', { BucketName: 'out', VersioningConfiguration: { Status: 'Suspended' } }, 'arn:aws:s3:::out'),
      live(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', OutputLocationType: 'CUSTOMER_BUCKET', Transcript: { TranscriptFileUri: 'https://s3.us-east-1.amazonaws.com/out/a.json' } }),
    ]);
    expect(statuses).toEqual({ 'bucket/out': 'FAIL' });
  });
});

describe('TR-NET-1/2 Transcribe interface endpoints', () => {
  const vpcApp = (endpoint?: (vpc: ec2.Vpc, stack: Stack) => void) => (stack: Stack) => {
    jobStateMachine(stack, {});
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    endpoint?.(vpc, stack);
  };
  const transcribeEndpoint = (props: Partial<ec2.InterfaceVpcEndpointProps> = {}) => (vpc: ec2.Vpc) =>
    void vpc.addInterfaceEndpoint('Transcribe', { service: ec2.InterfaceVpcEndpointAwsService.TRANSCRIBE, ...props });

  test.each<[string, (stack: Stack) => void, Record<string, string>]>([
    ['an endpoint with private DNS', vpcApp(transcribeEndpoint()), { Vpc: 'PASS', 'Vpc/Transcribe': 'PASS' }],
    ['private DNS off', vpcApp(transcribeEndpoint({ privateDnsEnabled: false })), { Vpc: 'PASS', 'Vpc/Transcribe': 'FAIL' }],
    ['no endpoint', vpcApp(), { Vpc: 'FAIL' }],
    [
      'an endpoint whose service name comes from a parameter',
      vpcApp((vpc, stack) => void new ec2.CfnVPCEndpoint(stack, 'Maybe', { vpcId: vpc.vpcId, serviceName: new CfnParameter(stack, 'Svc').valueAsString, vpcEndpointType: 'Interface' })),
      { Vpc: 'UNKNOWN' },
    ],
  ])('TR-NET-1: %s', (_what, build, expected) => {
    expect(byPath(run([trNet1], build), 'TR-NET-1')).toEqual(expected);
  });

  test.each<[string, (vpc: ec2.Vpc, stack: Stack) => void, string]>([
    ['the default policy', transcribeEndpoint(), 'FAIL'],
    [
      'transcribe:* for everyone',
      (vpc) => vpc.addInterfaceEndpoint('Transcribe', { service: ec2.InterfaceVpcEndpointAwsService.TRANSCRIBE }).addToPolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['transcribe:*'], resources: ['*'] })),
      'FAIL',
    ],
    [
      'named actions',
      (vpc) =>
        vpc
          .addInterfaceEndpoint('Transcribe', { service: ec2.InterfaceVpcEndpointAwsService.TRANSCRIBE_STREAMING })
          .addToPolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['transcribe:StartStreamTranscription', 'transcribe:StartStreamTranscriptionWebSocket'], resources: ['*'] })),
      'PASS',
    ],
    [
      'a policy from a parameter',
      (vpc, stack) => void new ec2.CfnVPCEndpoint(stack, 'ParamTranscribe', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-east-1.transcribe', policyDocument: new CfnParameter(stack, 'Doc').valueAsString }),
      'UNKNOWN',
    ],
  ])('TR-NET-2: %s', (_what, endpoint, expected) => {
    const statuses = byPath(run([trNet2], vpcApp(endpoint)), 'TR-NET-2');
    expect(statuses[Object.keys(statuses).find((k) => k.endsWith('Transcribe'))!]).toEqual(expected);
  });

  test('live: endpoints read from the account', () => {
    const { statuses } = runLive(trNet2, [
      live('AWS::EC2::VPCEndpoint', 'vpce-1', { ServiceName: 'cn.com.amazonaws.cn-north-1.transcribe.cn', VpcEndpointType: 'Interface', PrivateDnsEnabled: true }),
      live('AWS::EC2::VPCEndpoint', 'vpce-2', { ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway' }),
    ]);
    expect(statuses).toEqual({ 'vpce-1': 'FAIL', 'vpce-2': 'NOT_APPLICABLE' });
  });
});
