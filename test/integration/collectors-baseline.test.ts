import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreateVpcCommand, CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { ALL_COLLECTORS } from '../../lib/sources/account/collectors';
import { cloudTrailTrails } from '../../lib/sources/account/collectors/cloudtrail';
import { cloudWatchAlarms } from '../../lib/sources/account/collectors/cloudwatch-alarms';
import { configService } from '../../lib/sources/account/collectors/config';
import { eventBridgeRules } from '../../lib/sources/account/collectors/eventbridge-rules';
import { lexBots } from '../../lib/sources/account/collectors/lex-bots';
import { lexV1Bots } from '../../lib/sources/account/collectors/lex-v1';
import { securityHub } from '../../lib/sources/account/collectors/security-hub';
import { vpcEndpoints } from '../../lib/sources/account/collectors/vpc-endpoints';
import { undeclared } from '../collectors/audit';
import { auditMoto } from '../collectors/moto-live';
import { ACCOUNT, REGION, useMoto } from './moto';

const moto = useMoto();
const COLLECTORS = [lexBots, lexV1Bots, cloudTrailTrails, cloudWatchAlarms, eventBridgeRules, configService, securityHub, vpcEndpoints];
const SCOPE = `${ACCOUNT}/${REGION}`;

/** The account-level controls attach to a Region holding a Lex workload. */
async function workload(): Promise<void> {
  await moto.client(LexModelsV2Client).send(
    new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }),
  );
}

describe('account-baseline collectors against moto', () => {
  beforeEach(workload);

  it.each([
    ['FAIL', 'a trail that is not logging', false],
    ['PASS', 'a logging, multi-Region, validated, KMS-encrypted trail', true],
  ])('LEX-MON-1 %s: %s (DescribeTrails + GetTrailStatus + GetEventSelectors)', async (expected, _what, logging) => {
    await moto.client(S3Client).send(new CreateBucketCommand({ Bucket: 'trail-logs' }));
    const key = await moto.client(KMSClient).send(new CreateKeyCommand({}));
    const trails = moto.client(CloudTrailClient);
    await trails.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true, KmsKeyId: key.KeyMetadata!.Arn }));
    if (logging) await trails.send(new StartLoggingCommand({ Name: 'main' }));
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.props('AWS::CloudTrail::Trail', 'trail/main')).toMatchObject({ TrailName: 'main', IsLogging: logging, IsMultiRegionTrail: true, EnableLogFileValidation: true });
    expect(run.statuses('LEX-MON-1')['trail/main']).toContain(expected);
    expect(undeclared(run, COLLECTORS)).toEqual([]);
  });

  it.each([
    ['FAIL', 'a recorder that is not recording', false],
    ['PASS', 'a recorder recording every supported type', true],
  ])('LEX-MON-7 %s: %s', async (expected, _what, started) => {
    const config = moto.client(ConfigServiceClient);
    await config.send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${ACCOUNT}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
      }),
    );
    if (started) {
      await moto.client(S3Client).send(new CreateBucketCommand({ Bucket: 'config-history' }));
      await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-history' } }));
      await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    }
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.props('AWS::Config::ConfigurationRecorder', 'config-recorder/default')).toMatchObject({ Recording: started, RecordingGroup: { AllSupported: true } });
    expect(run.statuses('LEX-MON-7')['config-recorder/default']).toBe(expected);
  });

  it.each([
    ['FAIL', 'no alarm on Lex runtime metrics', []],
    ['PASS', 'alarms with actions on every runtime metric', ['RuntimeSystemErrors', 'RuntimeThrottledEvents', 'KendraIndexAccessError']],
  ])('LEX-MON-4 %s: %s (only AWS/Lex and AWS/Transcribe alarms are emitted)', async (expected, _what, metrics) => {
    const cw = moto.client(CloudWatchClient);
    const alarm = (name: string, namespace: string, metric: string) =>
      cw.send(
        new PutMetricAlarmCommand({
          AlarmName: name,
          Namespace: namespace,
          MetricName: metric,
          Statistic: 'Sum',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:ops`],
        }),
      );
    for (const m of metrics) await alarm(`lex-${m}`, 'AWS/Lex', m);
    await alarm('cpu', 'AWS/EC2', 'CPUUtilization');
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.resource('AWS::CloudWatch::Alarm', 'alarm/cpu')).toBeUndefined();
    const statuses = Object.values(run.statuses('LEX-MON-4')).join(',');
    expect(statuses).toContain(expected);
    expect(statuses).not.toContain(expected === 'PASS' ? 'FAIL' : 'PASS');
  });

  it('LEX-COMP-2: an enabled Security Hub is found; standards moto cannot list are UNKNOWN, not missing', async () => {
    await moto.client(SecurityHubClient).send(new EnableSecurityHubCommand({}));
    const run = await auditMoto(moto, COLLECTORS);
    const byKey = Object.fromEntries(run.result.findings.filter((f) => f.checkId === 'LEX-COMP-2').map((f) => [f.findingKey ?? f.resource.logicalId, f.status]));
    expect(byKey).toMatchObject({ 'security-hub': 'PASS', 'Config::ConfigRule': 'FAIL' });
    expect(Object.entries(byKey).find(([, s]) => s === 'UNKNOWN')).toBeDefined();
    expect(run.collected.stacks.find((s) => s.stack.name === SCOPE)!.gaps).toEqual(
      expect.arrayContaining([{ types: ['AWS::SecurityHub::Standard'], reason: expect.stringContaining('securityhub:GetEnabledStandards') }]),
    );
  });

  it.each([
    ['FAIL', 'the default allow-all endpoint policy', undefined],
    ['PASS', 'a policy limited to runtime calls on one alias', JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lex:RecognizeText', Resource: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/B/A` }] })],
  ])('LEX-NET-1/LEX-NET-2 %s: a Lex runtime interface endpoint with %s', async (expected, _what, policy) => {
    const ec2 = moto.client(EC2Client);
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const endpoint = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: vpc.Vpc!.VpcId,
        ServiceName: `com.amazonaws.${REGION}.runtime-v2-lex`,
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        PolicyDocument: policy,
      }),
    );
    await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpc.Vpc!.VpcId, ServiceName: `com.amazonaws.${REGION}.s3`, VpcEndpointType: 'Gateway' }));
    const run = await auditMoto(moto, COLLECTORS);
    const id = `vpc-endpoint/${endpoint.VpcEndpoint!.VpcEndpointId}`;
    expect(run.graph.ofType('AWS::EC2::VPCEndpoint').map((e) => e.logicalId)).toEqual([id]);
    expect(run.props('AWS::EC2::VPCEndpoint', id)).toMatchObject({ ServiceName: `com.amazonaws.${REGION}.runtime-v2-lex`, VpcEndpointType: 'Interface', PrivateDnsEnabled: true });
    expect(run.statuses('LEX-NET-1')[id]).toBe('PASS');
    expect(run.statuses('LEX-NET-2')[id]).toContain(expected);
  });

  it('emits event-pattern rules with their targets (schedule-only rules match no service event)', async () => {
    const events = moto.client(EventBridgeClient);
    const pattern = { source: ['aws.transcribe'], 'detail-type': ['Transcribe Job State Change'], detail: { TranscriptionJobStatus: ['FAILED'] } };
    await events.send(new PutRuleCommand({ Name: 'transcribe-failures', EventPattern: JSON.stringify(pattern), State: 'ENABLED' }));
    await events.send(new PutTargetsCommand({ Rule: 'transcribe-failures', Targets: [{ Id: 'ops', Arn: `arn:aws:sns:${REGION}:${ACCOUNT}:ops` }] }));
    await events.send(new PutRuleCommand({ Name: 'nightly', ScheduleExpression: 'rate(1 day)' }));
    const run = await auditMoto(moto, COLLECTORS);
    expect(run.graph.ofType('AWS::Events::Rule').map((r) => r.logicalId)).toEqual(['rule/default/transcribe-failures']);
    expect(run.props('AWS::Events::Rule', 'rule/default/transcribe-failures')).toMatchObject({
      Name: 'transcribe-failures',
      State: 'ENABLED',
      EventPattern: pattern,
      Targets: [{ Id: 'ops', Arn: `arn:aws:sns:${REGION}:${ACCOUNT}:ops` }],
    });
  });

  it('every collector of the audit runs to its end against moto and sends only what it declares', async () => {
    const run = await auditMoto(moto, ALL_COLLECTORS);
    const stopped = run.collected.stacks.flatMap((s) => s.gaps ?? []).filter((g) => g.reason.includes('stopped'));
    expect(stopped).toEqual([]);
    expect(undeclared(run, ALL_COLLECTORS)).toEqual([]);
  });

  it('LEX-DP-15: a Region whose Lex V1 endpoint does not answer is UNKNOWN at INFO, never a pass', async () => {
    const run = await auditMoto(moto, COLLECTORS);
    const [finding] = run.result.findings.filter((f) => f.checkId === 'LEX-DP-15');
    expect(finding).toMatchObject({ status: 'UNKNOWN', severity: 'INFO', resource: { logicalId: SCOPE } });
    expect(finding.reason).toContain('lex:GetBots');
  });
});
